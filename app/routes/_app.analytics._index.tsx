import { LineChart } from "@mantine/charts";
import { Card, Grid, SimpleGrid, Stack, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { FigureCard } from "~/components/analytics/figure-card";
import { formatCount, formatRate, reaches } from "~/components/analytics/format";
import { FunnelCard } from "~/components/analytics/funnel-card";
import { RangeFilter } from "~/components/analytics/range-filter";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveRange, todayOf } from "~/modules/analytics/dashboard-range";
import { getOverview } from "~/modules/analytics/get-overview.server";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const query = parseQuery(request, metricsQuerySchema);
  const { db, config, now } = getStudio();
  const today = todayOf(now(), config.timeZone);
  const resolved = resolveRange(query, today);
  if (!resolved.ok) throw failureResponse(request, resolved);
  return { today, overview: getOverview({ db, range: resolved.range, timeZone: config.timeZone }) };
}

export default function AnalyticsOverview() {
  const { today, overview } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const target = (value: number) => t("analytics.figures.targetAtLeast", { value: formatRate(value) });
  return (
    <Stack gap="md">
      <RangeFilter from={overview.range.from} to={overview.range.to} today={today} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <FigureCard
          label={t("analytics.figures.views")}
          value={formatCount(overview.views)}
          testId="figure-views"
        />
        <FigureCard
          label={t("analytics.figures.visitors")}
          value={formatCount(overview.visitors)}
          testId="figure-visitors"
        />
        <FigureCard
          label={t("analytics.figures.plays")}
          value={formatCount(overview.plays)}
          testId="figure-plays"
        />
        <FigureCard
          label={t("analytics.figures.completionRate")}
          value={formatRate(overview.completionRate)}
          target={target(TARGETS.completionRate)}
          reached={reaches(overview.completionRate, TARGETS.completionRate)}
          testId="figure-completion"
        />
        <FigureCard
          label={t("analytics.figures.leads")}
          value={formatCount(overview.leads)}
          testId="figure-leads"
        />
        <FigureCard
          label={t("analytics.figures.leadRate")}
          value={formatRate(overview.leadRate)}
          testId="figure-lead-rate"
        />
        <FigureCard
          label={t("analytics.figures.downloadLeadRate")}
          value={formatRate(overview.download.leadRate)}
          target={target(overview.download.target)}
          reached={reaches(overview.download.leadRate, overview.download.target)}
          testId="figure-download-lead-rate"
        />
        <FigureCard
          label={t("analytics.figures.platformPlays")}
          value={formatCount(overview.platformPlays)}
          platform
          testId="figure-platform-plays"
        />
      </SimpleGrid>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="sm" h="100%">
            <Title order={4} mb="xs">
              {t("analytics.charts.daily")}
            </Title>
            <LineChart
              h={260}
              data={overview.daily}
              dataKey="day"
              withRightYAxis
              withLegend
              curveType="monotone"
              withDots={false}
              xAxisProps={{ tickFormatter: (day: string) => day.slice(5) }}
              series={[
                { name: "views", label: t("analytics.figures.views"), color: "blue.6" },
                { name: "visitors", label: t("analytics.figures.visitors"), color: "cyan.6" },
                { name: "plays", label: t("analytics.figures.plays"), color: "indigo.6" },
                { name: "leads", label: t("analytics.figures.leads"), color: "orange.6", yAxisId: "right" },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FunnelCard steps={overview.funnel} />
        </Grid.Col>
      </Grid>
      <DefinitionsCard />
      {overview.tables.map((table) => (
        <AnalyticsTableCard key={table.id} view="overview" table={table} />
      ))}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
