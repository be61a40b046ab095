import { Alert, Badge, Button, Card, Code, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyTextButton } from "~/components/copy-text-button";
import { PageHeader } from "~/components/page-header";
import { IntentForm } from "~/components/intent-form";
import { RouteError } from "~/components/route-error";
import { IntentButton } from "~/components/shared/intent-button";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { createCalendarFeed } from "~/modules/calendar-feeds/create-calendar-feed.server";
import {
  createChannelFeedSchema,
  createMyFeedSchema,
  revokeFeedSchema,
} from "~/modules/calendar-feeds/feed-schemas";
import type { CalendarFeedDto } from "~/modules/calendar-feeds/feed-types";
import { listCalendarFeeds } from "~/modules/calendar-feeds/list-calendar-feeds.server";
import { revokeCalendarFeed } from "~/modules/calendar-feeds/revoke-calendar-feed.server";
import { publicBaseUrl } from "~/modules/ebooks/public-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "calendar.read");
  return listCalendarFeeds({ db: getStudio().db, actor });
}

const intent = intentsFor<{ db: Studio["db"]; now: Date; base: string }>();

// The module holds the row rules: channel feeds are the editors', a user feed its owner's.
const INTENTS = {
  "create-channel": intent({
    capability: "feeds.manage",
    schema: createChannelFeedSchema,
    run: ({ db, now, base, actor, input }) =>
      createCalendarFeed({ db, actor, input: { scope: "channel", channel: input.channel }, base, now }),
    // Shown once: only the token's hash is stored.
    data: (done) => ({ url: done.url }),
  }),
  "create-mine": intent({
    capability: "calendar.read",
    schema: createMyFeedSchema,
    run: ({ db, now, base, actor }) => createCalendarFeed({ db, actor, input: { scope: "user" }, base, now }),
    data: (done) => ({ url: done.url }),
  }),
  revoke: intent({
    capability: "calendar.read",
    schema: revokeFeedSchema,
    run: ({ db, now, actor, input }) => revokeCalendarFeed({ db, actor, feedId: input.feedId, now }),
    notice: "publishing.feeds.revoked",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, {
    context: { db, now: now(), base: publicBaseUrl(request.url) },
    capability: "calendar.read",
  });
}

function CreatedUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" data-testid="feed-url">
      <Stack gap="xs">
        <Text size="sm">{t("publishing.feeds.created")}</Text>
        <Code block>{url}</Code>
        <CopyTextButton
          value={url}
          label={t("publishing.feeds.copy")}
          copiedLabel={t("publishing.feeds.copied")}
        />
      </Stack>
    </Alert>
  );
}

function FeedTable({ feeds }: { feeds: CalendarFeedDto[] }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (feeds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("publishing.feeds.none")}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Tbody>
          {feeds.map((feed) => (
            <Table.Tr key={feed.id} data-testid={`feed-${feed.id}`}>
              <Table.Td>
                {feed.scope === "channel" ? (
                  <Badge variant="light">{feed.channelName}</Badge>
                ) : (
                  t("publishing.feeds.scopeUser", { name: feed.userName ?? "" })
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t("publishing.feeds.createdAt", { time: formatDateTime(feed.createdAt, timeZone) })}
                  {feed.createdByName
                    ? ` · ${t("publishing.feeds.createdBy", { name: feed.createdByName })}`
                    : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <IntentButton
                  intent="revoke"
                  fields={{ feedId: feed.id }}
                  size="xs"
                  color="red"
                  variant="light"
                >
                  {t("publishing.feeds.revoke")}
                </IntentButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function Feeds() {
  const view = useLoaderData<typeof loader>();
  const channelFeed = useActionReply<{ url: string }>({ intent: "create-channel" });
  const myFeed = useActionReply<{ url: string }>({ intent: "create-mine" });
  const revoked = useActionReply({ intent: "revoke" });
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t("publishing.feeds.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("publishing.feeds.intro")}
      </Text>
      {revoked.error || channelFeed.formError || myFeed.error ? (
        <Alert color="red">{revoked.error ?? channelFeed.formError ?? myFeed.error}</Alert>
      ) : null}
      {revoked.notice ? <Alert color="green">{revoked.notice}</Alert> : null}

      <Card withBorder>
        <Stack>
          <PageHeader
            order={4}
            title={t("publishing.feeds.myFeeds")}
            intro={t("publishing.feeds.myFeedsHint")}
          />
          {myFeed.reply?.url ? <CreatedUrl url={myFeed.reply.url} /> : null}
          <FeedTable feeds={view.myFeeds} />
          <IntentForm intent="create-mine">
            <Button type="submit" variant="light">
              {t("publishing.feeds.createMine")}
            </Button>
          </IntentForm>
        </Stack>
      </Card>

      {view.canManageChannelFeeds ? (
        <Card withBorder>
          <Stack>
            <PageHeader
              order={4}
              title={t("publishing.feeds.channelFeeds")}
              intro={t("publishing.feeds.channelFeedsHint")}
            />
            {channelFeed.reply?.url ? <CreatedUrl url={channelFeed.reply.url} /> : null}
            <FeedTable feeds={view.channelFeeds} />
            <IntentForm intent="create-channel">
              <Group align="end" wrap="wrap">
                <Select
                  name="channel"
                  label={t("publishing.feeds.channel")}
                  data={view.channels.map((c) => ({ value: c.key, label: c.name }))}
                  error={channelFeed.fieldError("channel")}
                  searchable
                  required
                />
                <Button type="submit">{t("publishing.feeds.create")}</Button>
              </Group>
            </IntentForm>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
