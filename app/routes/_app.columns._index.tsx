import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { formatNumber } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { listColumns } from "~/modules/columns/list-columns.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "columns.read");
  return { columns: listColumns({ db: getStudio().db }) };
}

export default function ColumnsPage() {
  const { columns } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack>
      <div>
        <Title order={2}>{t("media.columnsTitle")}</Title>
        <Text size="sm" c="dimmed">
          {t("media.columnsIntro")}
        </Text>
      </div>
      {columns.length === 0 ? <Text c="dimmed">{t("media.noColumns")}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {columns.map((c) => (
          <Card
            key={c.id}
            withBorder
            padding="lg"
            data-testid="column-card"
            style={{ borderTop: `4px solid ${c.primaryColor}` }}
          >
            <Group justify="space-between" align="start" wrap="nowrap">
              <Anchor component={Link} to={`/columns/${c.id}`} fw={700} size="lg">
                {c.name}
              </Anchor>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {c.mixCategory}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4} lineClamp={2}>
              {c.description}
            </Text>
            <Group gap="xs" mt="sm">
              <Badge variant="outline" color="gray">
                {t("media.secondsEach", { count: c.durationSeconds })}
              </Badge>
              {c.viewsTargetPerEpisode ? (
                <Badge variant="outline" color="gray">
                  {t("media.viewsTarget", { views: formatNumber(c.viewsTargetPerEpisode) })}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" mt="sm">
              {t("media.outro")}：{c.outroLine}
            </Text>
            <Group justify="space-between" mt="md" mb={4}>
              <Text size="sm" fw={600} data-testid="column-progress">
                {t("media.published", { n: c.publishedEpisodes, target: c.episodeTarget })}
              </Text>
              <Text size="xs" c="dimmed">
                {t("media.episodesTotal", { count: c.totalEpisodes })}
              </Text>
            </Group>
            <Progress
              value={Math.min(100, (c.publishedEpisodes / c.episodeTarget) * 100)}
              color={c.primaryColor}
            />
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
