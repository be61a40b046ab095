import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColumnProgress } from "~/components/media/column-progress";
import { PageHeader } from "~/components/page-header";
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
      <PageHeader title={t("media.columnsTitle")} intro={t("media.columnsIntro")} />
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
            <ColumnProgress column={c} mt="md" size="sm" />
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
