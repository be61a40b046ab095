import { Anchor, Badge, Box, Progress, Stack, Table, Text } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { ListPageHeader } from "~/components/shared/list-page-header";
import { PieceCard } from "~/components/shared/piece-card";
import { StatusBadge } from "~/components/status-badge";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { listBooks } from "~/modules/ebooks/list-books.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  return { books: listBooks({ db: getStudio().db }), canCreate: can(actor.roles, "ebooks.edit") };
}

type BookRow = ReturnType<typeof useLoaderData<typeof loader>>["books"][number];

function PagesCell({ book }: { book: BookRow }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" data-testid="book-pages">
        {book.latestPages
          ? t("ebooks.pagesOf", { pages: book.latestPages, target: book.targetPages })
          : `${t("ebooks.noBuildYet")} / ${book.targetPages}`}
      </Text>
      {book.latestPages ? (
        <Progress
          value={Math.min(100, (book.latestPages / book.targetPages) * 100)}
          size="xs"
          color={book.latestPages > book.targetPages ? "orange" : "indigo"}
        />
      ) : null}
    </>
  );
}

function SignoffBadge({ book }: { book: BookRow }) {
  const { t } = useTranslation();
  if (book.kind !== "handbook" && book.signoff === "none") return <>—</>;
  return (
    <Badge
      size="sm"
      variant="light"
      color={book.signoff === "valid" ? "green" : book.signoff === "voided" ? "red" : "gray"}
    >
      {t(
        book.signoff === "valid"
          ? "ebooks.signoffValid"
          : book.signoff === "voided"
            ? "ebooks.signoffVoided"
            : "ebooks.signoffNone",
      )}
    </Badge>
  );
}

export default function EbooksList() {
  const { books, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <ListPageHeader
        title={t("ebooks.listTitle")}
        create={canCreate ? { to: "/ebooks/new", label: t("ebooks.newBook"), testId: "new-book" } : null}
      />
      <Stack gap="sm" hiddenFrom="sm">
        {books.map((b) => (
          <PieceCard
            key={b.id}
            to={`/ebooks/${b.id}`}
            title={b.title}
            status={b.status}
            details={`${t(`kinds.${b.kind}`)} · ${b.trim} · ${b.ownerName} · ${b.chapters} ${t("ebooks.chapters")}`}
          >
            <PagesCell book={b} />
            <Box mt={6}>
              <SignoffBadge book={b} />
            </Box>
          </PieceCard>
        ))}
      </Stack>
      <DataTable
        minWidth={720}
        visibleFrom="sm"
        striped
        highlightOnHover
        data-testid="books-table"
        columns={[
          t("ebooks.title"),
          t("ebooks.kind"),
          t("common.status"),
          t("common.owner"),
          t("ebooks.chapters"),
          { label: t("ebooks.pages"), miw: 150 },
          t("ebooks.signoff"),
          t("ebooks.updatedAt"),
        ]}
      >
        {books.map((b) => (
          <Table.Tr key={b.id} data-testid={`book-row-${b.id}`}>
            <Table.Td>
              <Anchor component={Link} to={`/ebooks/${b.id}`}>
                {b.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {t(`kinds.${b.kind}`)} · {b.trim}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={b.status} />
            </Table.Td>
            <Table.Td>{b.ownerName}</Table.Td>
            <Table.Td>{b.chapters}</Table.Td>
            <Table.Td>
              <PagesCell book={b} />
            </Table.Td>
            <Table.Td>
              <SignoffBadge book={b} />
            </Table.Td>
            <Table.Td>{formatDateTime(b.updatedAt, timeZone)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {books.length === 0 ? <Text c="dimmed">{t("ebooks.empty")}</Text> : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
