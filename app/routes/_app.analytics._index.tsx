import { Grid } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DailyChart } from "~/components/analytics/chart-card";
import { DashboardPage } from "~/components/analytics/dashboard-page";
import { DefinitionsCard } from "~/components/analytics/definitions-card";
import { firstPartyFigures } from "~/components/analytics/figure-grid";
import { FunnelCard } from "~/components/analytics/funnel-card";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { requestedRange } from "~/lib/dashboard-range.server";
import { getStudio } from "~/lib/studio.server";
import { getOverview } from "~/modules/analytics/get-overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  const { today, range } = requestedRange(request);
  const { db, config } = getStudio();
  return { today, overview: getOverview({ db, range, timeZone: config.timeZone }) };
}

export default function AnalyticsOverview() {
  const { today, overview } = useLoaderData<typeof loader>();
  return (
    <DashboardPage
      period={{ kind: "range", ...overview.range, today }}
      figures={[
        ...firstPartyFigures(overview),
        { label: "leads", value: overview.leads, as: "count", testId: "figure-leads" },
        { label: "leadRate", value: overview.leadRate, as: "rate", testId: "figure-lead-rate" },
        {
          label: "downloadLeadRate",
          value: overview.download.leadRate,
          as: "rate",
          target: overview.download.target,
          testId: "figure-download-lead-rate",
        },
        {
          label: "platformPlays",
          value: overview.platformPlays,
          as: "count",
          platform: true,
          testId: "figure-platform-plays",
        },
      ]}
      tables={{ view: "overview", list: overview.tables }}
    >
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DailyChart h={260} data={overview.daily} series={["views", "visitors", "plays", "leads"]} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FunnelCard steps={overview.funnel} />
        </Grid.Col>
      </Grid>
      <DefinitionsCard />
    </DashboardPage>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
