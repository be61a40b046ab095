import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirstContactBadge } from "~/components/leads/first-contact-badge";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { dispatchIntent, intentsFor, NO_FIELDS } from "~/lib/intents";
import { pageTitleMeta } from "~/lib/page-meta";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { changeLeadStatus } from "~/modules/leads/change-lead-status.server";
import { nextLeadStatuses, type LeadStatus } from "~/modules/leads/lead-status";
import { getLead } from "~/modules/leads/get-lead.server";
import { leadStatusSchema } from "~/modules/leads/lead-forms";
import { revealLead } from "~/modules/leads/reveal-lead.server";

export const meta = pageTitleMeta("leads.title");

function leadId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "leads.read");
  const { db, now } = getStudio();
  const at = now();
  const lead = getLead({ db, leadId: leadId(params), now: at });
  if (!lead) throw new Response("Not found", { status: 404 });
  return {
    lead,
    now: at.toISOString(),
    canReveal: can(actor.roles, "leads.reveal"),
    canWork: can(actor.roles, "leads.work"),
  };
}

const intent = intentsFor<{ leadId: number }>();

const INTENTS = {
  reveal: intent({
    capability: "leads.reveal",
    schema: NO_FIELDS,
    run: ({ actor, leadId }) => {
      const { db, config, now } = getStudio();
      return revealLead({ db, dataKey: config.dataKey, actor, leadId, now: now() });
    },
    data: (done) => ({ phone: done.phone, name: done.name }),
  }),
  status: intent({
    capability: "leads.work",
    schema: leadStatusSchema,
    run: ({ actor, leadId, input }) => {
      const { db, now } = getStudio();
      return changeLeadStatus({
        db,
        actor,
        leadId,
        status: input.status,
        note: input.note ?? null,
        version: input.version,
        now: now(),
      });
    },
    notice: "leads.notices.statusChanged",
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  return dispatchIntent(request, INTENTS, { context: { leadId: leadId(params) }, capability: "leads.read" });
}

const ACTIVITY_KINDS = new Set(["status", "assign", "reveal", "note", "erase"]);

export default function LeadPage() {
  const { lead, now, canReveal, canWork } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const revealed = useActionReply<{ phone: string; name: string | null }>({ intent: "reveal" });
  const status = useActionReply({ intent: "status" });
  const busy = useNavigation().state !== "idle";
  const shown =
    revealed.reply?.ok && revealed.reply.phone
      ? { phone: revealed.reply.phone, name: revealed.reply.name ?? null }
      : null;
  // Only the moves the module allows: a refused choice would be a trap on a phone.
  const next = nextLeadStatuses(lead.status);
  return (
    <Stack maw={760}>
      <Anchor component={Link} to="/leads" size="sm">
        {t("leads.back")}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{t("leads.detailTitle", { id: lead.id })}</Title>
        <Badge size="lg" variant="light">
          {t(`leads.statuses.${lead.status as LeadStatus}`)}
        </Badge>
      </Group>
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text ff="monospace" fz="xl" fw={600} data-testid="lead-phone">
              {shown?.phone ?? lead.phoneMasked ?? t("leads.erased")}
            </Text>
            {canReveal && !shown && lead.phoneMasked ? (
              <Form method="post">
                <Button type="submit" name="intent" value="reveal" variant="light" loading={busy}>
                  {t("leads.detail.reveal")}
                </Button>
              </Form>
            ) : null}
          </Group>
          {shown ? (
            <Text size="xs" c="dimmed">
              {t("leads.detail.revealNote")}
              {shown.name ? ` · ${shown.name}` : ""}
            </Text>
          ) : null}
          {revealed.error ? <Alert color="red">{revealed.error}</Alert> : null}
          <Text size="sm">
            {t("leads.piece")}: {lead.pieceTitle}
          </Text>
          <Text size="sm">
            {t("leads.source")}: {lead.source}
            {lead.consultant ? ` · ${t("leads.consultant")}: ${lead.consultant}` : ""}
          </Text>
          <Text size="sm">
            {t("leads.time")}: {formatDateTime(lead.createdAt, timeZone)}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t("leads.firstContact")}:</Text>
            <FirstContactBadge {...lead} serverNow={now} />
            <Text size="xs" c="dimmed">
              {t("leads.intro")}
            </Text>
          </Group>
        </Stack>
      </Card>
      {canWork && next.length > 0 ? (
        <Card withBorder>
          <Form method="post">
            <Stack gap="xs">
              <Title order={4}>{t("leads.detail.changeStatus")}</Title>
              <NativeSelect
                name="status"
                label={t("leads.detail.status")}
                data={next.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
                error={status.fieldError("status")}
              />
              <input type="hidden" name="version" value={lead.version} />
              <Textarea
                name="note"
                label={t("leads.detail.note")}
                autosize
                minRows={2}
                error={status.fieldError("note")}
              />
              {status.notice ? <Alert color="teal">{status.notice}</Alert> : null}
              {status.formError ? <Alert color="red">{status.formError}</Alert> : null}
              <Group>
                <Button type="submit" name="intent" value="status" loading={busy}>
                  {t("common.save")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Card>
      ) : null}
      <Title order={4}>{t("leads.detail.timeline")}</Title>
      {lead.activities.length === 0 ? (
        <Text c="dimmed">{t("leads.detail.noActivity")}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {lead.activities.map((a) => (
            <Timeline.Item
              key={a.id}
              title={t(`leads.activity.${ACTIVITY_KINDS.has(a.kind) ? (a.kind as "status") : "other"}`, {
                actor: a.actor ?? t("leads.activity.system"),
                from: a.fromStatus ? t(`leads.statuses.${a.fromStatus as LeadStatus}`) : "",
                to: a.toStatus ? t(`leads.statuses.${a.toStatus as LeadStatus}`) : "",
                kind: a.kind,
              })}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(a.at, timeZone)}
                {a.actor ? ` · ${a.actor}` : ""}
              </Text>
              {a.note ? <Text size="sm">{a.note}</Text> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
