import { BarChart } from "@mantine/charts";
import { Card, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { RangeFilter } from "~/components/analytics/range-filter";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { resolveRange, todayOf } from "~/modules/analytics/dashboard-range";
import { getChannelDashboard } from "~/modules/analytics/get-channel-dashboard.server";
import { metricsQuerySchema } from "~/modules/analytics/metrics-schemas";

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
    ...getChannelDashboard({ db, range: resolved.range, timeZone: config.timeZone }),
  };
}

export default function ChannelsDashboard() {
  const { today, range, channels, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <RangeFilter from={range.from} to={range.to} today={today} />
      <Text size="sm" c="dimmed">
        {t("analytics.channels.hint")}
      </Text>
      <Card withBorder padding="sm">
        <Title order={4} mb="xs">
          {t("analytics.charts.channelVisits")}
        </Title>
        <BarChart
          h={240}
          data={channels.map((c) => ({ name: c.name, visitors: c.visitors, leads: c.leads }))}
          dataKey="name"
          withLegend
          withRightYAxis
          series={[
            { name: "visitors", label: t("analytics.figures.visitors"), color: "blue.6" },
            { name: "leads", label: t("analytics.figures.leads"), color: "orange.6", yAxisId: "right" },
          ]}
        />
      </Card>
      {tables.map((table) => (
        <AnalyticsTableCard key={table.id} view="channels" table={table} minWidth={1000} />
      ))}
      <DefinitionsCard items={["leadRate", "completionRate", "viral", "platform"]} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
