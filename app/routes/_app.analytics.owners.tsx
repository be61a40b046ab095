import { BarChart } from "@mantine/charts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { targetDomain } from "~/components/analytics/format";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { parseQuery } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { todayOf } from "~/modules/analytics/dashboard-range";
import { getOwnerDashboard } from "~/modules/analytics/get-owner-dashboard.server";
import { monthQuerySchema } from "~/modules/analytics/metrics-schemas";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const query = parseQuery(request, monthQuerySchema);
  const { db, config, now } = getStudio();
  const month = query.month ?? todayOf(now(), config.timeZone).slice(0, 7);
  return getOwnerDashboard({ db, month, timeZone: config.timeZone });
}

export default function OwnersDashboard() {
  const { month, owners, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <DashboardPage
      period={{ kind: "month", month }}
      hint={t("analytics.owners.hint")}
      tables={{ view: "owners", list: tables, exportQuery: { month } }}
      definitions={["viral", "platform"]}
    >
      <ChartCard title="postsVsTarget" empty={owners.length === 0}>
        <BarChart
          h={Math.max(160, owners.length * 44)}
          orientation="vertical"
          data={owners.map((o) => ({ name: o.name, videoPosts: o.videoPosts, viralPosts: o.viralPosts }))}
          dataKey="name"
          withLegend
          yAxisProps={{ width: 90 }}
          xAxisProps={{ domain: targetDomain(TARGETS.postsPerOwnerMonth) }}
          referenceLines={[
            { x: TARGETS.postsPerOwnerMonth, color: "red.6", label: String(TARGETS.postsPerOwnerMonth) },
          ]}
          series={[
            { name: "videoPosts", label: t("analytics.columns.videoPosts"), color: "blue.6" },
            { name: "viralPosts", label: t("analytics.columns.viralPosts"), color: "orange.6" },
          ]}
        />
      </ChartCard>
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
