import { BarChart } from "@mantine/charts";
import { Card, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalyticsTableCard } from "~/components/analytics/analytics-table-card";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { PeriodFilter } from "~/components/analytics/period-filter";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { todayOf } from "~/modules/analytics/dashboard-range";
import { getCampaignDashboard } from "~/modules/analytics/get-campaign-dashboard.server";
import { yearQuerySchema } from "~/modules/analytics/metrics-schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const query = parseQuery(request, yearQuerySchema);
  const { db, config, now } = getStudio();
  const year = query.year ?? Number(todayOf(now(), config.timeZone).slice(0, 4));
  return getCampaignDashboard({ db, year, timeZone: config.timeZone });
}

export default function CampaignsDashboard() {
  const { year, campaigns, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PeriodFilter name="year" value={String(year)} />
      <Text size="sm" c="dimmed">
        {t("analytics.campaigns.hint")}
      </Text>
      <Card withBorder padding="sm">
        <Title order={4} mb="xs">
          {t("analytics.charts.leadsVsTarget")}
        </Title>
        <BarChart
          h={240}
          data={campaigns.map((c) => ({
            name: `${c.month} · ${c.name}`,
            leads: c.leads,
            leadTarget: c.leadTarget ?? 0,
          }))}
          dataKey="name"
          withLegend
          xAxisProps={{ tickFormatter: (name: string) => name.split(" · ")[0] }}
          series={[
            { name: "leads", label: t("analytics.columns.leads"), color: "orange.6" },
            { name: "leadTarget", label: t("analytics.columns.leadTarget"), color: "gray.4" },
          ]}
        />
      </Card>
      {tables.map((table) => (
        <AnalyticsTableCard
          key={table.id}
          view="campaigns"
          table={table}
          exportQuery={{ year: String(year) }}
          minWidth={1100}
        />
      ))}
      <DefinitionsCard items={["leadRate", "visitors"]} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
