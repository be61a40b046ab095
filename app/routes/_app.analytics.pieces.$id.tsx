import { BarChart, LineChart } from "@mantine/charts";
import { Anchor, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { FigureCard } from "~/components/analytics/figure-card";
import { formatCount, formatRate, reaches } from "~/components/analytics/format";
import { FunnelCard } from "~/components/analytics/funnel-card";
import { RangeFilter } from "~/components/analytics/range-filter";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { formatDuration } from "~/lib/dates";
import { failureResponse, parseId, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveRange, todayOf } from "~/modules/analytics/dashboard-range";
import { getPieceDashboard } from "~/modules/analytics/get-piece-dashboard.server";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const pieceId = parseId(params.id);
  const query = parseQuery(request, metricsQuerySchema);
  const { db, config, now } = getStudio();
  const today = todayOf(now(), config.timeZone);
  const resolved = resolveRange(query, today);
  if (!resolved.ok) throw failureResponse(request, resolved);
  const result = getPieceDashboard({ db, pieceId, range: resolved.range, timeZone: config.timeZone });
  if (!result.ok) throw failureResponse(request, result);
  return { today, dashboard: result.dashboard };
}

export default function PieceDashboardPage() {
  const { today, dashboard } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { piece, metrics, range } = dashboard;
  const target = (value: number) => t("analytics.figures.targetAtLeast", { value: formatRate(value) });
  const exportQuery = { piece: String(piece.id) };
  const [sources, platform, daily] = dashboard.tables;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="start" gap="xs">
        <Stack gap={2}>
          <Title order={3} data-testid="piece-title">
            {t("analytics.piece.title", { title: piece.title })}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`kinds.${piece.kind}`)} · {t(`statuses.${piece.status}`)}
          </Text>
        </Stack>
        <Group gap="md">
          <Anchor component={Link} to={`/pieces/${piece.id}`} size="sm">
            {t("analytics.piece.back")}
          </Anchor>
          {piece.status === "published" && (
            <Anchor href={`/p/${piece.slug}`} target="_blank" rel="noreferrer" size="sm">
              {t("analytics.piece.landing")}
            </Anchor>
          )}
        </Group>
      </Group>
      <RangeFilter from={range.from} to={range.to} today={today} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <FigureCard
          label={t("analytics.figures.views")}
          value={formatCount(metrics.views)}
          testId="figure-views"
        />
        <FigureCard
          label={t("analytics.figures.visitors")}
          value={formatCount(metrics.visitors)}
          testId="figure-visitors"
        />
        <FigureCard
          label={t("analytics.figures.plays")}
          value={formatCount(metrics.plays)}
          testId="figure-plays"
        />
        <FigureCard
          label={t("analytics.figures.completionRate")}
          value={formatRate(metrics.completionRate)}
          target={target(TARGETS.completionRate)}
          reached={reaches(metrics.completionRate, TARGETS.completionRate)}
          testId="figure-completion"
        />
        <FigureCard
          label={t("analytics.figures.avgWatch")}
          value={formatDuration(metrics.avgWatchSeconds)}
          testId="figure-avg-watch"
        />
        <FigureCard
          label={t("analytics.figures.leads")}
          value={formatCount(metrics.leads)}
          testId="figure-leads"
        />
        {dashboard.live ? (
          <FigureCard
            label={t("analytics.figures.liveLeadRate")}
            value={formatRate(dashboard.live.leadRate)}
            target={target(dashboard.live.target)}
            reached={reaches(dashboard.live.leadRate, dashboard.live.target)}
            testId="figure-lead-rate"
          />
        ) : (
          <FigureCard
            label={
              piece.kind === "ebook"
                ? t("analytics.figures.downloadLeadRate")
                : t("analytics.figures.leadRate")
            }
            value={formatRate(metrics.leadRate)}
            target={piece.kind === "ebook" ? target(TARGETS.downloadLeadRate) : undefined}
            reached={piece.kind === "ebook" ? reaches(metrics.leadRate, TARGETS.downloadLeadRate) : undefined}
            testId="figure-lead-rate"
          />
        )}
        <FigureCard
          label={t("analytics.figures.platformPlays")}
          value={
            metrics.platform.length
              ? formatCount(metrics.platform.reduce((s, f) => s + (f.plays ?? 0), 0))
              : "—"
          }
          platform
          testId="figure-platform-plays"
        />
      </SimpleGrid>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder padding="sm" h="100%">
            <Title order={4} mb="xs">
              {t("analytics.charts.daily")}
            </Title>
            <LineChart
              h={240}
              data={dashboard.daily}
              dataKey="day"
              withLegend
              withRightYAxis
              curveType="monotone"
              withDots={false}
              xAxisProps={{ tickFormatter: (day: string) => day.slice(5) }}
              series={[
                { name: "views", label: t("analytics.figures.views"), color: "blue.6" },
                { name: "plays", label: t("analytics.figures.plays"), color: "indigo.6" },
                { name: "completes", label: t("analytics.figures.completes"), color: "teal.6" },
                { name: "leads", label: t("analytics.figures.leads"), color: "orange.6", yAxisId: "right" },
              ]}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="sm" h="100%">
            <Title order={4} mb="xs">
              {t("analytics.charts.bySource")}
            </Title>
            {metrics.bySource.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("analytics.empty")}
              </Text>
            ) : (
              <BarChart
                h={240}
                orientation="vertical"
                data={metrics.bySource.map((s) => ({ source: s.source, views: s.views, leads: s.leads }))}
                dataKey="source"
                yAxisProps={{ width: 110 }}
                series={[
                  { name: "views", label: t("analytics.figures.views"), color: "blue.6" },
                  { name: "leads", label: t("analytics.figures.leads"), color: "orange.6" },
                ]}
              />
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <AnalyticsTableCard view="piece" table={sources} exportQuery={exportQuery} />
      <div data-testid="platform-figures">
        <AnalyticsTableCard
          view="piece"
          table={platform}
          exportQuery={exportQuery}
          minWidth={900}
          platform
          description={
            metrics.platform.length ? t("analytics.piece.platformHint") : t("analytics.piece.platformEmpty")
          }
        />
      </div>
      <FunnelCard steps={dashboard.funnel} />
      <DefinitionsCard
        items={
          piece.kind === "livestream"
            ? ["liveLeadRate", "leadRate", "completionRate", "visitors", "platform"]
            : piece.kind === "ebook"
              ? ["downloadLeadRate", "leadRate", "visitors", "platform"]
              : ["completionRate", "leadRate", "visitors", "platform"]
        }
      />
      <AnalyticsTableCard view="piece" table={daily} exportQuery={exportQuery} maxHeight={420} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
