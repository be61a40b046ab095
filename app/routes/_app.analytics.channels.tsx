import { BarChart } from "@mantine/charts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { requestedRange } from "~/lib/dashboard-range.server";
import { getStudio } from "~/lib/studio.server";
import { getChannelDashboard } from "~/modules/analytics/get-channel-dashboard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const { today, range } = requestedRange(request);
  const { db, config } = getStudio();
  return { today, range, ...getChannelDashboard({ db, range, timeZone: config.timeZone }) };
}

export default function ChannelsDashboard() {
  const { today, range, channels, tables } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <DashboardPage
      period={{ kind: "range", ...range, today }}
      hint={t("analytics.channels.hint")}
      tables={{ view: "channels", list: tables, minWidth: 1000 }}
      definitions={["leadRate", "completionRate", "viral", "platform"]}
    >
      <ChartCard title="channelVisits">
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
      </ChartCard>
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
