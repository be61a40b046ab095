import { BarChart } from "@mantine/charts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { targetDomain } from "~/components/analytics/format";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { getLivestreamDashboard } from "~/modules/analytics/get-livestream-dashboard.server";
import { TARGETS } from "~/modules/analytics/targets";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  return getLivestreamDashboard({ db: getStudio().db });
}

export default function LivestreamsDashboard() {
  const { shows, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rated = shows.filter((show) => show.leadRate !== null);
  return (
    <DashboardPage
      hint={t("analytics.livestreams.hint")}
      tables={{ view: "livestreams", list: tables }}
      definitions={["liveLeadRate", "leadRate", "visitors"]}
    >
      <ChartCard title="liveLeadRate" empty={rated.length === 0}>
        <BarChart
          h={220}
          data={rated.map((show) => ({
            name: show.title,
            rate: Math.round((show.leadRate ?? 0) * 1000) / 10,
          }))}
          dataKey="name"
          unit="%"
          xAxisProps={{ tick: false }}
          yAxisProps={{ domain: targetDomain(TARGETS.liveLeadRate * 100) }}
          referenceLines={[
            { y: TARGETS.liveLeadRate * 100, color: "red.6", label: "6%", labelPosition: "insideTopRight" },
          ]}
          series={[{ name: "rate", label: t("analytics.figures.liveLeadRate"), color: "violet.6" }]}
        />
      </ChartCard>
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
