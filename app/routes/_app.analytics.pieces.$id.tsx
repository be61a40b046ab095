import { BarChart } from "@mantine/charts";
import { Anchor, Grid, Group, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { ChartCard, DailyChart } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { firstPartyFigures } from "~/components/analytics/figure-grid";
import { FunnelCard } from "~/components/analytics/funnel-card";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { requestedRange } from "~/lib/dashboard-range.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getPieceDashboard } from "~/modules/analytics/get-piece-dashboard.server";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const pieceId = parseId(params.id);
  const { today, range } = requestedRange(request);
  const { db, config } = getStudio();
  const result = getPieceDashboard({ db, pieceId, range, timeZone: config.timeZone });
  if (!result.ok) throw failureResponse(request, result);
  return { today, dashboard: result.dashboard };
}

export default function PieceDashboardPage() {
  const { today, dashboard } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { piece, metrics, range } = dashboard;
  const exportQuery = { piece: String(piece.id) };
  const [sources, platform, daily] = dashboard.tables;
  return (
    <DashboardPage
      header={
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
      }
      period={{ kind: "range", ...range, today }}
      figures={[
        ...firstPartyFigures(metrics),
        { label: "avgWatch", value: metrics.avgWatchSeconds, as: "duration", testId: "figure-avg-watch" },
        { label: "leads", value: metrics.leads, as: "count", testId: "figure-leads" },
        dashboard.live
          ? {
              label: "liveLeadRate",
              value: dashboard.live.leadRate,
              as: "rate",
              target: dashboard.live.target,
              testId: "figure-lead-rate",
            }
          : {
              label: piece.kind === "ebook" ? "downloadLeadRate" : "leadRate",
              value: metrics.leadRate,
              as: "rate",
              target: piece.kind === "ebook" ? TARGETS.downloadLeadRate : undefined,
              testId: "figure-lead-rate",
            },
        {
          label: "platformPlays",
          value: metrics.platform.length ? metrics.platform.reduce((s, f) => s + (f.plays ?? 0), 0) : null,
          as: "count",
          platform: true,
          testId: "figure-platform-plays",
        },
      ]}
    >
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DailyChart h={240} data={dashboard.daily} series={["views", "plays", "completes", "leads"]} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ChartCard title="bySource" fill empty={metrics.bySource.length === 0}>
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
          </ChartCard>
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
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
