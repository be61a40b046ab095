import { LineChart } from "@mantine/charts";
import { Card, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A dashboard chart in its card: the title (a key of `analytics.charts`), then the chart, or a
 * line saying there is nothing to draw when `empty`.
 */
export function ChartCard({
  title,
  empty = false,
  fill = false,
  children,
}: {
  title: string;
  empty?: boolean;
  /** Fill the grid cell's height, so cards side by side end on one line. */
  fill?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" h={fill ? "100%" : undefined}>
      <Title order={4} mb="xs">
        {t(`analytics.charts.${title}`)}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t("analytics.empty")}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

const DAILY_SERIES = {
  views: { color: "blue.6" },
  visitors: { color: "cyan.6" },
  plays: { color: "indigo.6" },
  completes: { color: "teal.6" },
  // Leads are tens where views are thousands: they get the right-hand axis.
  leads: { color: "orange.6", yAxisId: "right" },
} as const;

type DailySeries = keyof typeof DAILY_SERIES;

/** The figures day by day (`day` is `YYYY-MM-DD`, shown as `MM-DD`), leads on their own axis. */
export function DailyChart({
  data,
  series,
  h,
}: {
  data: Array<{ day: string } & Partial<Record<DailySeries, number>>>;
  series: DailySeries[];
  h: number;
}) {
  const { t } = useTranslation();
  return (
    <ChartCard title="daily" fill>
      <LineChart
        h={h}
        data={data}
        dataKey="day"
        withRightYAxis
        withLegend
        curveType="monotone"
        withDots={false}
        xAxisProps={{ tickFormatter: (day: string) => day.slice(5) }}
        series={series.map((name) => ({
          name,
          label: t(`analytics.figures.${name}`),
          ...DAILY_SERIES[name],
        }))}
      />
    </ChartCard>
  );
}
