import { BarChart } from "@mantine/charts";
import { SimpleGrid } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { formatCount, targetDomain } from "~/components/analytics/format";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { requestedRange } from "~/lib/dashboard-range.server";
import { getStudio } from "~/lib/studio.server";
import { getColumnDashboard } from "~/modules/analytics/get-column-dashboard.server";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const { today, range } = requestedRange(request);
  const { db, config } = getStudio();
  return { today, range, ...getColumnDashboard({ db, range, timeZone: config.timeZone }) };
}

export default function ColumnsDashboard() {
  const { today, range, columns, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const episodes = tables.find((table) => table.id === "episodes");
  const playsData = (episodes?.rows ?? [])
    .filter((row) => row.platformPlays !== null)
    .map((row) => ({ title: String(row.title), plays: Number(row.platformPlays) }));
  return (
    <DashboardPage
      period={{ kind: "range", ...range, today }}
      hint={t("analytics.columnsPage.hint")}
      tables={{ view: "columns", list: tables, minWidth: 960 }}
      definitions={["completionRate", "viral", "platform"]}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title="episodesVsTarget">
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
        </ChartCard>
        <ChartCard title="playsPerEpisode" empty={playsData.length === 0}>
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
        </ChartCard>
      </SimpleGrid>
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
