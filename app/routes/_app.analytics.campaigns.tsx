import { BarChart } from "@mantine/charts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
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
    <DashboardPage
      period={{ kind: "year", year }}
      hint={t("analytics.campaigns.hint")}
      tables={{ view: "campaigns", list: tables, exportQuery: { year: String(year) }, minWidth: 1100 }}
      definitions={["leadRate", "visitors"]}
    >
      <ChartCard title="leadsVsTarget">
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
      </ChartCard>
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
