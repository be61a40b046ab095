import { Anchor, Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatBytes, formatDateTime } from "~/lib/dates";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { findBook } from "~/modules/ebooks/find-book.server";
import { compareBuilds } from "~/modules/ebooks/compare-builds.server";
import { compareQuerySchema } from "~/modules/ebooks/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  const pieceId = parseId(params.id);
  const query = compareQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw json({ message: "请选择两个版本进行对比。" }, { status: 400 });
  const { db } = getStudio();
  const book = findBook({ db, pieceId });
  if (!book) throw json({ message: "这本书不存在。" }, { status: 404 });
  const comparison = compareBuilds({ db, pieceId, a: query.data.a, b: query.data.b });
  if (!comparison) throw json({ message: "找不到这两个版本。" }, { status: 404 });
  return { book: { id: pieceId, title: book.piece.title }, ...comparison };
}

const KIND_COLORS: Record<string, string> = {
  added: "green",
  removed: "red",
  changed: "orange",
  retitled: "blue",
  moved: "grape",
  same: "gray",
};

export default function CompareBuilds() {
  const { book, older, newer, diff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const rows: Array<[string, (b: typeof older) => React.ReactNode]> = [
    [t("ebooks.profile"), (b) => t(`ebooks.profile_${b.profile}`)],
    [t("ebooks.pageCount"), (b) => b.pages],
    [t("ebooks.size"), (b) => formatBytes(b.bytes)],
    [t("ebooks.createdAt"), (b) => formatDateTime(b.createdAt, timeZone)],
    [t("ebooks.renderMs"), (b) => `${b.renderMs} ms`],
    [t("ebooks.sha256"), (b) => <Code style={{ wordBreak: "break-all" }}>{b.sha256}</Code>],
    [t("ebooks.contentHash"), (b) => <Code style={{ wordBreak: "break-all" }}>{b.contentHash}</Code>],
  ];
  const changes = diff.chapters.filter((c) => c.kind !== "same");
  return (
    <Stack>
      <Anchor component={Link} to={`/ebooks/${book.id}`} size="sm">
        ← {book.title}
      </Anchor>
      <Title order={2}>
        {t("ebooks.compareTitle")}：#{older.id} → #{newer.id}
      </Title>
      <Table.ScrollContainer minWidth={360}>
        <Table withTableBorder withColumnBorders data-testid="compare-table" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110} />
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
      </Table.ScrollContainer>
      {diff.identicalContent ? <Text data-testid="compare-identical">{t("ebooks.identical")}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t("ebooks.chapterChanges")}
          </Title>
          <Stack gap={6} data-testid="chapter-changes">
            {changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ) : null}
            {changes.map((c) => (
              <Group key={`${c.kind}-${c.chapterId}`} gap="xs" wrap="nowrap" align="start">
                <Badge color={KIND_COLORS[c.kind]} variant="light" style={{ flexShrink: 0 }}>
                  {t(`ebooks.change_${c.kind}`)}
                </Badge>
                <Text size="sm">
                  {c.section} · {c.title}
                  {c.previousTitle ? `（${c.previousTitle}）` : ""}
                  {c.charsBefore !== undefined && c.charsAfter !== undefined && c.charsBefore !== c.charsAfter
                    ? ` · ${c.charsBefore} → ${c.charsAfter}`
                    : ""}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
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
          <Title order={4} mt="md" mb="xs">
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
