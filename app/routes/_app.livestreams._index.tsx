import { Anchor, Badge, Button, Card, Stack, Table, Text } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { RouteError } from "~/components/route-error";
import { StatusBadge } from "~/components/status-badge";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { listShows } from "~/modules/livestream/list-shows.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "livestream.read");
  return { shows: listShows({ db: getStudio().db }), canCreate: can(actor.roles, "livestream.edit") };
}

const LIVE_COLORS = { idle: "gray", running: "green", paused: "yellow", ended: "blue" } as const;

export default function LivestreamList() {
  const { shows, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <PageHeader
        title={t("livestream.listTitle")}
        intro={t("livestream.listIntro")}
        action={
          canCreate && (
            <Button
              component={Link}
              to="/livestreams/new"
              leftSection={<IconPlus size={16} />}
              data-testid="new-show"
            >
              {t("livestream.newShow")}
            </Button>
          )
        }
      />
      <Card withBorder padding={0}>
        <DataTable
          minWidth={720}
          striped
          highlightOnHover
          data-testid="shows-table"
          columns={[
            t("common.title"),
            t("livestream.scheduledAt"),
            t("livestream.host"),
            t("livestream.producer"),
            t("livestream.products"),
            t("common.status"),
            t("livestream.liveStatus"),
          ]}
        >
          {shows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed">{t("livestream.noShows")}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {shows.map((show) => (
            <Table.Tr key={show.id}>
              <Table.Td>
                <Anchor component={Link} to={`/livestreams/${show.id}`}>
                  {show.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("livestream.minutes", { count: show.plannedMinutes })}
                </Text>
              </Table.Td>
              <Table.Td>
                {show.scheduledAt ? formatDateTime(show.scheduledAt, timeZone) : t("livestream.unscheduled")}
              </Table.Td>
              <Table.Td>{show.hostName ?? "—"}</Table.Td>
              <Table.Td>{show.producerName ?? "—"}</Table.Td>
              <Table.Td>{t("livestream.productCount", { count: show.productCount })}</Table.Td>
              <Table.Td>
                <StatusBadge status={show.status} />
              </Table.Td>
              <Table.Td>
                <Badge
                  color={LIVE_COLORS[show.liveStatus]}
                  variant="light"
                  data-live-status={show.liveStatus}
                >
                  {t(`livestream.liveStatuses.${show.liveStatus}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
