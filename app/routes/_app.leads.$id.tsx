import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FirstContactBadge } from "~/components/leads/first-contact-badge";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { formatDateTime } from "~/lib/dates";
import { dispatchIntent, intentsFor, NO_FIELDS } from "~/lib/intents";
import { pageTitleMeta } from "~/lib/page-meta";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { assignLead } from "~/modules/leads/assign-lead.server";
import { changeLeadStatus } from "~/modules/leads/change-lead-status.server";
import { getLead } from "~/modules/leads/get-lead.server";
import { leadAssignSchema, leadStatusSchema } from "~/modules/leads/lead-forms";
import { LEAD_STATUS_COLORS, nextLeadStatuses, type LeadStatus } from "~/modules/leads/lead-status";
import { listSalesStaff } from "~/modules/leads/list-sales-staff.server";
import { revealLead } from "~/modules/leads/reveal-lead.server";

export const meta = pageTitleMeta("leads.title");

const leadId = (request: Request, params: LoaderFunctionArgs["params"]) =>
  parseId(params.id, { request, context: "lead" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "leads.read");
  const { db, now } = getStudio();
  const at = now();
  const lead = getLead({ db, leadId: leadId(request, params), now: at });
  if (!lead) throw notFound(request, "lead");
  const canWork = can(actor.roles, "leads.work");
  return {
    lead,
    now: at.toISOString(),
    canReveal: can(actor.roles, "leads.reveal"),
    canWork,
    staff: canWork ? listSalesStaff(db) : [],
    me: actor.id,
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
  assign: intent({
    capability: "leads.work",
    schema: leadAssignSchema,
    run: ({ actor, leadId, input }) => {
      const { db, now } = getStudio();
      return assignLead({
        db,
        actor,
        leadId,
        assigneeId: input.assigneeId,
        version: input.version,
        now: now(),
      });
    },
    notice: "leads.notices.assigned",
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
  return dispatchIntent(request, INTENTS, {
    context: { leadId: leadId(request, params) },
    capability: "leads.read",
  });
}

const ACTIVITY_KINDS = new Set(["status", "assign", "reveal", "note", "erase"]);

/** 138 1234 5678: read aloud and dialled in threes and fours. */
function spaced(phone: string): string {
  return phone.replace(/^(\d{3})(\d{4})(\d{4})$/, "$1 $2 $3");
}

/** A label over its value: stacks on a phone, two columns on a wide screen. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

type Activity = ReturnType<typeof useLoaderData<typeof loader>>["lead"]["activities"][number];

function activityTitle(t: ReturnType<typeof useTranslation>["t"], a: Activity): string {
  const actor = a.actor ?? t("leads.activity.system");
  if (a.kind === "crm")
    return t(a.outcome === "delivered" ? "leads.activity.crm_delivered" : "leads.activity.crm_failed");
  if (a.kind === "assign" && !a.assigneeName) return t("leads.activity.unassign", { actor });
  return t(`leads.activity.${ACTIVITY_KINDS.has(a.kind) ? (a.kind as "status") : "other"}`, {
    actor,
    assignee: a.assigneeName ?? "",
    from: a.fromStatus ? t(`leads.statuses.${a.fromStatus as LeadStatus}`) : "",
    to: a.toStatus ? t(`leads.statuses.${a.toStatus as LeadStatus}`) : "",
    kind: a.kind,
  });
}

export default function LeadPage() {
  const { lead, now, canReveal, canWork, staff, me } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const revealed = useActionReply<{ phone: string; name: string | null }>({ intent: "reveal" });
  const assigned = useActionReply({ intent: "assign" });
  const status = useActionReply({ intent: "status" });
  // Only the button whose form is being sent spins, not every button on the page.
  const sending = useNavigation().formData?.get("intent");
  const busy = (name: string) => sending === name;
  const shown =
    revealed.reply?.ok && revealed.reply.phone
      ? { phone: revealed.reply.phone, name: revealed.reply.name ?? null }
      : null;
  // Only the moves the module allows: a refused choice would be a trap on a phone.
  const next = nextLeadStatuses(lead.status);
  const crm = lead.crmDeliveries[0];
  return (
    <Stack maw={760}>
      <Anchor component={Link} to="/leads" size="sm">
        {t("leads.back")}
      </Anchor>
      <Group justify="space-between" gap="xs">
        <Title order={2}>{t("leads.detailTitle", { id: lead.id })}</Title>
        <Badge size="lg" variant="light" color={LEAD_STATUS_COLORS[lead.status as LeadStatus] ?? "gray"}>
          {t(`leads.statuses.${lead.status as LeadStatus}`)}
        </Badge>
      </Group>
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text ff="monospace" fz="xl" fw={600} data-testid="lead-phone">
              {shown ? spaced(shown.phone) : (lead.phoneMasked ?? t("leads.erased"))}
            </Text>
            {shown ? (
              // On a phone the consultant calls straight from here.
              <Button component="a" href={`tel:${shown.phone}`} color="teal">
                {t("leads.detail.call")}
              </Button>
            ) : canReveal && lead.phoneMasked ? (
              <Form method="post">
                <Button type="submit" name="intent" value="reveal" variant="light" loading={busy("reveal")}>
                  {t("leads.detail.reveal")}
                </Button>
              </Form>
            ) : null}
          </Group>
          {shown ? (
            <Text size="xs" c="dimmed">
              {shown.name ? `${shown.name} · ` : ""}
              {t("leads.detail.revealNote")}
            </Text>
          ) : null}
          {revealed.error ? <Alert color="red">{revealed.error}</Alert> : null}
          <Group gap="xs">
            <FirstContactBadge {...lead} serverNow={now} />
            <Text size="xs" c="dimmed">
              {t("leads.intro")}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
            <Fact label={t("leads.piece")}>{lead.pieceTitle}</Fact>
            <Fact label={t("leads.source")}>
              {lead.source}
              {lead.consultant ? ` · ${t("leads.consultant")}: ${lead.consultant}` : ""}
            </Fact>
            <Fact label={t("leads.time")}>{formatDateTime(lead.createdAt, timeZone)}</Fact>
            <Fact label={t("leads.detail.assignee")}>{lead.assigneeName ?? t("leads.unassigned")}</Fact>
            {crm ? (
              <Fact label={t("leads.detail.crm")}>
                {t(`leads.crm.outcomes.${crm.outcome as "delivered"}`)} ·{" "}
                {t("leads.crm.attempt", { count: crm.attempt })}
              </Fact>
            ) : null}
          </SimpleGrid>
        </Stack>
      </Card>
      {canWork ? (
        <Card withBorder>
          <Form method="post">
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="version" value={lead.version} />
            <Stack gap="xs">
              <Group align="end" gap="xs" wrap="nowrap">
                <NativeSelect
                  style={{ flex: 1, minWidth: 0 }}
                  key={`assignee-${lead.version}`}
                  name="assigneeId"
                  label={t("leads.detail.assignee")}
                  defaultValue={lead.assigneeId ? String(lead.assigneeId) : ""}
                  data={[
                    { value: "", label: t("leads.unassigned") },
                    ...staff.map((s) => ({ value: String(s.id), label: s.name })),
                  ]}
                  error={assigned.fieldError("assigneeId")}
                  data-testid="assignee-select"
                />
                <Button type="submit" loading={busy("assign")}>
                  {t("leads.detail.assign")}
                </Button>
              </Group>
              {assigned.notice ? <Alert color="teal">{assigned.notice}</Alert> : null}
              {assigned.formError ? <Alert color="red">{assigned.formError}</Alert> : null}
            </Stack>
          </Form>
          {lead.assigneeId !== me && staff.some((s) => s.id === me) ? (
            // One tap for the consultant who picks the lead up on a phone.
            <Form method="post">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="version" value={lead.version} />
              <input type="hidden" name="assigneeId" value={me} />
              <Button type="submit" variant="subtle" size="compact-sm" mt="xs" loading={busy("assign")}>
                {t("leads.detail.assignToMe")}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {canWork && next.length > 0 ? (
        <Card withBorder>
          <Form method="post">
            <Stack gap="xs">
              <Title order={4}>{t("leads.detail.changeStatus")}</Title>
              <NativeSelect
                key={`status-${lead.version}`}
                name="status"
                label={t("leads.detail.status")}
                data={next.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))}
                error={status.fieldError("status")}
              />
              <input type="hidden" name="version" value={lead.version} />
              <Textarea
                key={`note-${lead.version}`}
                name="note"
                label={t("leads.detail.note")}
                autosize
                minRows={2}
                error={status.fieldError("note")}
              />
              {status.notice ? <Alert color="teal">{status.notice}</Alert> : null}
              {status.formError ? <Alert color="red">{status.formError}</Alert> : null}
              <Group>
                <Button type="submit" name="intent" value="status" loading={busy("status")}>
                  {t("common.save")}
                </Button>
              </Group>
            </Stack>
          </Form>
        </Card>
      ) : null}
      {!canWork ? (
        <Text size="sm" c="dimmed">
          {t("leads.detail.readOnly")}
        </Text>
      ) : null}
      <Title order={4}>{t("leads.detail.timeline")}</Title>
      {lead.activities.length === 0 ? (
        <Text c="dimmed">{t("leads.detail.noActivity")}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {lead.activities.map((a) => (
            <Timeline.Item key={a.id} title={activityTitle(t, a)} data-testid="lead-activity">
              <Text size="xs" c="dimmed">
                {formatDateTime(a.at, timeZone)}
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
