import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ruleText } from "~/components/calendar/rule-text";
import { RouteError } from "~/components/route-error";
import { DataTable } from "~/components/data-table";
import { pageTitleMeta } from "~/lib/page-meta";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { listChannels } from "~/modules/calendar/list-channels.server";

export const meta = pageTitleMeta("calendar.channelsTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "calendar.read");
  const { db, config } = getStudio();
  return {
    channels: listChannels({ db, dataKey: config.dataKey }),
    canManage: can(actor.roles, "channels.manage"),
  };
}

export default function ChannelsPage() {
  const { channels, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2}>{t("calendar.channelsTitle")}</Title>
      <Text size="sm" c="dimmed">
        {t("calendar.channels.intro")}
        {canManage ? "" : ` ${t("calendar.channels.readOnly")}`}
      </Text>
      {/* A phone gets one card per channel; wider screens the table. */}
      <Stack gap="xs" hiddenFrom="sm">
        {channels.map((channel) => (
          <Card key={channel.key} withBorder padding="sm" data-testid="channel-card">
            <Group justify="space-between" wrap="nowrap" align="start">
              <ChannelName channel={channel} />
              <Badge size="sm" variant="light" color={channel.publisher === "webhook" ? "violet" : "blue"}>
                {t(`calendar.channels.publishers.${channel.publisher}`)}
              </Badge>
            </Group>
            <Group gap={4} mt={6}>
              {channel.kinds.map((kind) => (
                <Badge key={kind} size="xs" variant="light" color="gray">
                  {t(`kinds.${kind}`)}
                </Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t("calendar.channels.operator")}：{channel.operatorName ?? t("calendar.channels.noOperator")}
            </Text>
            <Text size="xs" mt={2}>
              {channel.rules.length
                ? channel.rules.map((rule) => ruleText(rule, t)).join("；")
                : t("calendar.channels.noCadence")}
            </Text>
          </Card>
        ))}
      </Stack>
      <Card withBorder padding={0} visibleFrom="sm">
        <DataTable
          minWidth={720}
          verticalSpacing="xs"
          striped
          highlightOnHover
          data-testid="channels-table"
          columns={[
            t("calendar.channels.name"),
            t("calendar.channels.kinds"),
            t("calendar.channels.publisher"),
            t("calendar.channels.operator"),
            t("calendar.channels.cadence"),
          ]}
        >
          {channels.map((channel) => (
            <Table.Tr key={channel.key} data-testid="channel-row" data-key={channel.key}>
              <Table.Td>
                <ChannelName channel={channel} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {channel.kinds.map((kind) => (
                    <Badge key={kind} size="xs" variant="light" color="gray">
                      {t(`kinds.${kind}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={channel.publisher === "webhook" ? "violet" : "blue"}>
                  {t(`calendar.channels.publishers.${channel.publisher}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{channel.operatorName ?? t("calendar.channels.noOperator")}</Text>
              </Table.Td>
              <Table.Td>
                {channel.rules.length ? (
                  channel.rules.map((rule) => (
                    <Text size="sm" key={rule.id}>
                      {ruleText(rule, t)}
                    </Text>
                  ))
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("calendar.channels.noCadence")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </Stack>
  );
}

function ChannelName({ channel }: { channel: { key: string; name: string; color: string } }) {
  return (
    <Group gap={8} wrap="nowrap">
      <span
        style={{
          display: "inline-block",
          width: 12,
          height: 12,
          borderRadius: 6,
          background: channel.color,
          flexShrink: 0,
        }}
        aria-hidden
      />
      <div>
        <Anchor component={Link} to={`/channels/${channel.key}`} fw={600} size="sm">
          {channel.name}
        </Anchor>
        <Text size="xs" c="dimmed" ff="monospace">
          {channel.key}
        </Text>
      </div>
    </Group>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
