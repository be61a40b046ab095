import { Alert, Anchor, Card, Code, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildIds, ChapterChanges } from "~/components/ebooks/compare/chapter-changes";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { apiError, requireActor } from "~/lib/auth.server";
import { formatBytes, formatDateTime, formatDuration } from "~/lib/dates";
import { failureResponse, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { compareBuilds } from "~/modules/ebooks/compare-builds.server";
import { compareQuerySchema } from "~/modules/ebooks/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const pieceId = parseId(params.id);
  const query = compareQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw apiError(request, 400, "compare_needs_two_builds", "请选择两个版本进行对比。");
  const comparison = compareBuilds({ db: getStudio().db, pieceId, a: query.data.a, b: query.data.b });
  if (!comparison.ok) throw failureResponse(request, comparison);
  const { book, older, newer, diff } = comparison;
  return { book, older, newer, diff };
}

/** A hash is told apart by its first characters; the whole one is in the tooltip. */
function ShortHash({ value }: { value: string }) {
  return <Code title={value}>{value.slice(0, 12)}</Code>;
}

export default function CompareBuilds() {
  const { book, older, newer, diff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const ids = { older: older.id, newer: newer.id };
  const rows: Array<[string, (b: typeof older) => React.ReactNode]> = [
    [t("ebooks.createdAt"), (b) => formatDateTime(b.createdAt, timeZone)],
    [t("ebooks.profile"), (b) => t(`ebooks.profile_${b.profile}`)],
    [t("ebooks.pageCount"), (b) => b.pages],
    [t("ebooks.size"), (b) => formatBytes(b.bytes)],
    [t("ebooks.renderMs"), (b) => formatDuration(b.renderMs / 1000, { secondsBelowMinute: true })],
    [t("ebooks.sha256"), (b) => <ShortHash value={b.sha256} />],
    [t("ebooks.contentHash"), (b) => <ShortHash value={b.contentHash} />],
  ];
  return (
    <Stack>
      <Anchor component={Link} to={`/ebooks/${book.id}`} size="sm">
        ← {book.title}
      </Anchor>
      <Title order={2}>
        {t("ebooks.compareTitle")}：#{older.id} → #{newer.id}
      </Title>
      <Table withTableBorder withColumnBorders data-testid="compare-table" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={{ base: 84, sm: 120 }} />
            <Table.Th>
              {t("ebooks.older")} #{older.id}
            </Table.Th>
            <Table.Th>
              {t("ebooks.newer")} #{newer.id}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, cell]) => (
            <Table.Tr key={label}>
              <Table.Th>{label}</Table.Th>
              <Table.Td>{cell(older)}</Table.Td>
              <Table.Td>{cell(newer)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {diff.identicalContent ? <Text data-testid="compare-identical">{t("ebooks.identical")}</Text> : null}
      {diff.textMissing.length ? (
        <Alert color="yellow" data-testid="compare-text-missing">
          {t("ebooks.textMissingNotice", { ids: buildIds(diff.textMissing, ids) })}
        </Alert>
      ) : null}
      {/* On a phone the diff needs the width more than the card needs its padding. */}
      <Card withBorder p={{ base: "xs", sm: "md" }}>
        <Title order={4} mb="xs">
          {t("ebooks.chapterChanges")}
        </Title>
        <ChapterChanges chapters={diff.chapters} ids={ids} />
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t("ebooks.metadataChanges")}
          </Title>
          {diff.metadata.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : null}
          {diff.metadata.map((m) => (
            <Text key={m.field} size="sm">
              <b>{t(`ebooks.field_${m.field}`)}</b>：{m.before || "—"} → {m.after || "—"}
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t("ebooks.imageChanges")}
          </Title>
          {diff.images.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : null}
          {diff.images.map((i) => (
            <Text key={i.name} size="sm">
              {t(`ebooks.change_${i.kind}`)} · {i.name}
            </Text>
          ))}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
