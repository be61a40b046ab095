import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  AdminSection,
  AnalystSection,
  HostSection,
  ProducerSection,
  ReviewerSection,
  WriterSection,
} from "~/components/home/role-sections";
import { DailyOutputCard } from "~/components/home/daily-output-card";
import { PublishingToday } from "~/components/publishing/publishing-today";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { publicBaseUrl } from "~/modules/ebooks/public-url.server";
import { getDailyOutput } from "~/modules/output/get-daily-output.server";
import { getDashboard } from "~/modules/pieces/get-dashboard.server";
import { getPublishingToday } from "~/modules/publishing/get-publishing-today.server";
import { markSlotPublished } from "~/modules/publishing/mark-slot-published.server";
import { markPublishedFormSchema, resendFormSchema } from "~/modules/publishing/publishing-schemas";
import { resendSlot } from "~/modules/publishing/resend-slot.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const { db, now, config } = getStudio();
  const at = now();
  const publishing = getPublishingToday({
    db,
    dataKey: config.dataKey,
    actor,
    now: at,
    timeZone: config.timeZone,
    base: publicBaseUrl(request.url),
  });
  return {
    name: actor.name,
    now: at.toISOString(),
    ...getDashboard({ db, actor, now: at, timeZone: config.timeZone, dataDir: config.dataDir }),
    publishing,
    // Today's publishing is shown to the people who write and publish, and to anyone who operates
    // a channel and has something in it (a producer may run a channel); not to the rest of the
    // live team.
    showPublishing:
      can(actor.roles, "pieces.edit") || publishing.tasks.length > 0 || publishing.attention.length > 0,
    publishingEditor: can(actor.roles, "calendar.schedule"),
    // The team's posters and articles against the daily targets: for those who make and review them.
    dailyOutput: actor.roles.some((r) => r === "copywriter" || r === "editor" || r === "admin")
      ? getDailyOutput({ db, now: at, timeZone: config.timeZone })
      : null,
  };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

// The publishing section's forms; the modules hold the row rules (the channel's operator).
const INTENTS = {
  "mark-published": intent({
    capability: "publishing.handoff",
    schema: markPublishedFormSchema,
    run: ({ db, now, actor, input }) =>
      markSlotPublished({ db, actor, slotId: input.slotId, url: input.url, now }),
    notice: "publishing.mark.done",
  }),
  resend: intent({
    capability: "publishing.resend",
    schema: resendFormSchema,
    run: ({ db, now, actor, input }) => resendSlot({ db, actor, slotId: input.slotId, now }),
    notice: "publishing.resend.done",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "dashboard.view" });
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t("dashboard.greeting", { name: data.name })}</Title>
      {data.admin && data.admin.overdueDeletionRequests > 0 ? (
        <Alert color="red" title={t("dashboard.overdueDeletionTitle")} data-testid="overdue-deletions">
          {t("dashboard.overdueDeletion", { count: data.admin.overdueDeletionRequests })}{" "}
          <Anchor component={Link} to="/admin/privacy">
            {t("dashboard.overdueDeletionLink")}
          </Anchor>
        </Alert>
      ) : null}
      {/* The live team's shows first: on a show day that is the one thing they open the studio for. */}
      {data.host ? <HostSection host={data.host} /> : null}
      {data.producer ? <ProducerSection producer={data.producer} /> : null}
      {data.admin ? <AdminSection admin={data.admin} /> : null}
      {data.writer ? <WriterSection writer={data.writer} now={data.now} /> : null}
      {data.reviewer ? <ReviewerSection reviewer={data.reviewer} now={data.now} /> : null}
      {data.analyst ? <AnalystSection analyst={data.analyst} /> : null}
      {data.dailyOutput ? <DailyOutputCard data={data.dailyOutput} /> : null}
      {data.showPublishing ? <PublishingToday data={data.publishing} editor={data.publishingEditor} /> : null}
      {data.campaign ? (
        <Card withBorder padding="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text size="xs" c="dimmed">
                {t("dashboard.campaign")} · {t("dashboard.campaignMonth", { month: data.campaign.month })}
              </Text>
              <Text fw={600}>
                {data.campaign.name} — {data.campaign.theme}
              </Text>
            </div>
            <Badge size="lg" variant="light">
              {data.campaign.target}
            </Badge>
          </Group>
        </Card>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
