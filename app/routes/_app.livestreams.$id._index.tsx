import { Alert, Badge, Button, Grid, Group, Stack, Text } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { IconBroadcast, IconChartBar, IconCopy, IconDeviceTv, IconFileTypePdf } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PieceHeading } from "~/components/piece-heading";
import { ApprovalHoldNote } from "~/components/approval-hold-note";
import { CommentsPanel } from "~/components/comments/comments-panel";
import { RunOfShowPanel } from "~/components/livestream/run-of-show-panel";
import { ShowBuilderForm } from "~/components/livestream/show-builder-form";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { notFound, parseId, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getShow } from "~/modules/livestream/get-show.server";
import { listShowStaff } from "~/modules/livestream/list-show-staff.server";
import { parseShowForm } from "~/modules/livestream/parse-show-form.server";
import { canEditShow } from "~/modules/livestream/show-access";
import { duplicateShow } from "~/modules/livestream/duplicate-show.server";
import { getApprovalHold } from "~/modules/pieces/approval-hold.server";
import { updateShow } from "~/modules/livestream/update-show.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "livestream.read");
  const { db } = getStudio();
  const show = getShow({ db, showId: parseId(params.id) });
  if (!show) throw notFound(request, "showScript");
  return {
    show,
    staff: listShowStaff({ db }),
    canEdit: canEditShow(show, actor),
    canPrompt: can(actor.roles, "livestream.prompter"),
    // Editors open the console only to take an unapproved script live with a reason.
    canControl: can(actor.roles, "livestream.control") || can(actor.roles, "pieces.review"),
    canDuplicate: can(actor.roles, "livestream.edit"),
    approvalHold: getApprovalHold({ db, pieceId: show.id }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "livestream.edit");
  const showId = parseId(params.id);
  const { db, now, config } = getStudio();
  const form = await readForm(request);
  // The duplicate key posts only its intent: a new draft from this script, opened at once.
  if (form.get("intent") === "duplicate") {
    const made = duplicateShow({ db, actor, showId, now: now() });
    return made.ok ? redirect(`/livestreams/${made.showId}`) : reply(request, made);
  }
  const parsed = parseShowForm(form, config.timeZone);
  if (!parsed.ok) return reply(request, parsed);
  const result = updateShow({ db, actor, showId, input: parsed.data, now: now() });
  return reply(request, result, { notice: "livestream.saved", data: { saved: true } });
}

export default function ShowBuilder() {
  const { show, staff, canEdit, canPrompt, canControl, canDuplicate, approvalHold } =
    useLoaderData<typeof loader>();
  const saved = useActionReply();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const warnings: Record<string, string> = {};
  for (const issue of show.issues) warnings[issue.path] ??= issue.message;
  return (
    <Stack>
      <PieceHeading
        kind="livestream"
        status={show.status}
        badges={
          <Badge variant="light" data-live-status={show.liveStatus}>
            {t(`livestream.liveStatuses.${show.liveStatus}`)}
          </Badge>
        }
        details={t("pieces.version", { version: show.version })}
        title={show.title}
        titleTestId="show-title"
        actions={
          <Group gap="xs" wrap="wrap" data-testid="show-links">
            {canPrompt && (
              <Button
                component="a"
                href={`/livestreams/${show.id}/prompter`}
                variant="light"
                leftSection={<IconDeviceTv size={16} />}
              >
                {t("livestream.prompter")}
              </Button>
            )}
            {canControl && (
              <Button
                component={Link}
                to={`/livestreams/${show.id}/control`}
                variant="light"
                leftSection={<IconBroadcast size={16} />}
              >
                {t("livestream.control")}
              </Button>
            )}
            <Button
              component={Link}
              to={`/livestreams/${show.id}/report`}
              variant="light"
              leftSection={<IconChartBar size={16} />}
            >
              {t("livestream.report")}
            </Button>
            <Button
              component="a"
              href={`/livestreams/${show.id}/rundown.pdf`}
              variant="light"
              leftSection={<IconFileTypePdf size={16} />}
            >
              {t("livestream.rundownPdf")}
            </Button>
            {canDuplicate && (
              <Form method="post">
                <input type="hidden" name="intent" value="duplicate" />
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconCopy size={16} />}
                  title={t("approvals.duplicateShowHint")}
                  loading={navigation.formData?.get("intent") === "duplicate"}
                  data-testid="duplicate-show"
                >
                  {t("approvals.duplicate")}
                </Button>
              </Form>
            )}
          </Group>
        }
      >
        <Text size="sm" c="dimmed">
          {show.scheduledAt ? formatDateTime(show.scheduledAt, timeZone) : t("livestream.unscheduled")} ·{" "}
          {t("livestream.host")} {show.hostName ?? "—"} · {t("livestream.producer")}{" "}
          {show.producerName ?? "—"}
        </Text>
      </PieceHeading>
      <ApprovalHoldNote hold={approvalHold} />
      {show.blocksFrozen && show.liveStatus !== "ended" && (
        <Alert color="blue">{t("livestream.frozenNotice")}</Alert>
      )}
      {saved.notice && (
        <Alert color="green" data-testid="show-saved">
          {saved.notice}
        </Alert>
      )}
      {!canEdit && (
        <Text c="dimmed" size="sm">
          {t("livestream.readOnly")}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ShowBuilderForm
            key={show.version}
            values={show}
            staff={staff}
            errors={saved.reply?.errors}
            warnings={warnings}
            readOnly={!canEdit}
            submitting={navigation.state === "submitting"}
            submitLabel={t("livestream.save")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RunOfShowPanel blocks={show.blocks} issues={show.issues} totalSeconds={show.totalSeconds} />
          {/* The reviewers' block comments, beside the run of show the owner is editing. */}
          <CommentsPanel pieceId={show.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
