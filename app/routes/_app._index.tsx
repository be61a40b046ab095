import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PieceMiniList } from "~/components/piece-list";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { getDashboard } from "~/modules/pieces/get-dashboard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const { db, now, config } = getStudio();
  return { name: actor.name, ...getDashboard({ db, actor, now: now(), timeZone: config.timeZone }) };
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t("dashboard.greeting", { name: data.name })}</Title>
      {data.campaign ? (
        <Card withBorder padding="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text size="xs" c="dimmed">
                {t("dashboard.campaign")} · {t("dashboard.campaignMonth", { month: data.campaign.month })}
              </Text>
              <Text fw={600}>
                {data.campaign.name} — {data.campaign.theme}
              </Text>
            </div>
            <Badge size="lg" variant="light">
              {data.campaign.target}
            </Badge>
          </Group>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder data-testid="my-pieces">
          <Title order={4} mb="sm">
            {t("dashboard.myPieces")}
          </Title>
          <PieceMiniList pieces={data.myPieces} />
        </Card>
        <Card withBorder data-testid="due-pieces">
          <Title order={4} mb="sm">
            {t("dashboard.due")}
          </Title>
          <PieceMiniList pieces={data.due} showDue />
        </Card>
        <Card withBorder data-testid="review-pieces">
          <Title order={4} mb="sm">
            {t("dashboard.review")}
          </Title>
          <PieceMiniList pieces={data.waitingForReview} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
