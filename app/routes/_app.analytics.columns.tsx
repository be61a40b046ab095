import { BarChart } from "@mantine/charts";
import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { formatCount, targetDomain } from "~/components/analytics/format";
import { RangeFilter } from "~/components/analytics/range-filter";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveRange, todayOf } from "~/modules/analytics/dashboard-range";
import { getColumnDashboard } from "~/modules/analytics/get-column-dashboard.server";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const query = parseQuery(request, metricsQuerySchema);
  const { db, config, now } = getStudio();
  const today = todayOf(now(), config.timeZone);
  const resolved = resolveRange(query, today);
  if (!resolved.ok) throw failureResponse(request, resolved);
  return {
    today,
    range: resolved.range,
    ...getColumnDashboard({ db, range: resolved.range, timeZone: config.timeZone }),
  };
}

export default function ColumnsDashboard() {
  const { today, range, columns, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const episodes = tables.find((table) => table.id === "episodes");
  const playsData = (episodes?.rows ?? [])
    .filter((row) => row.platformPlays !== null)
    .map((row) => ({ title: String(row.title), plays: Number(row.platformPlays) }));
  return (
    <Stack gap="md">
      <RangeFilter from={range.from} to={range.to} today={today} />
      <Text size="sm" c="dimmed">
        {t("analytics.columnsPage.hint")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="sm">
          <Title order={4} mb="xs">
            {t("analytics.charts.episodesVsTarget")}
          </Title>
          <BarChart
            h={220}
            data={columns.map((c) => ({ name: c.name, published: c.published, target: c.episodeTarget }))}
            dataKey="name"
            withLegend
            series={[
              { name: "published", label: t("analytics.columns.published"), color: "blue.6" },
              { name: "target", label: t("analytics.columns.episodeTarget"), color: "gray.4" },
            ]}
          />
        </Card>
        <Card withBorder padding="sm">
          <Title order={4} mb="xs">
            {t("analytics.charts.playsPerEpisode")}
          </Title>
          {playsData.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("analytics.empty")}
            </Text>
          ) : (
            <BarChart
              h={220}
              data={playsData}
              dataKey="title"
              valueFormatter={(value) => formatCount(value)}
              xAxisProps={{ tick: false }}
              yAxisProps={{ domain: targetDomain(TARGETS.playsPerEpisode) }}
              referenceLines={[
                {
                  y: TARGETS.playsPerEpisode,
                  color: "red.6",
                  label: formatCount(TARGETS.playsPerEpisode),
                  // Above the line at the right end: inside a bar at the left it could not be read.
                  labelPosition: "insideTopRight",
                },
              ]}
              series={[{ name: "plays", label: t("analytics.columns.platformPlays"), color: "teal.6" }]}
            />
          )}
        </Card>
      </SimpleGrid>
      {tables.map((table) => (
        <AnalyticsTableCard key={table.id} view="columns" table={table} minWidth={960} />
      ))}
      <DefinitionsCard items={["completionRate", "viral", "platform"]} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
