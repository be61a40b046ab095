import { Badge, Box, Progress, Stack, Table, Text } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { ListPageHeader } from "~/components/shared/list-page-header";
import { PieceListView } from "~/components/shared/piece-list-view";
import { requireActor } from "~/lib/auth.server";
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
  return (
    <Stack>
      <ListPageHeader
        title={t("ebooks.listTitle")}
        create={canCreate ? { to: "/ebooks/new", label: t("ebooks.newBook"), testId: "new-book" } : null}
      />
      <PieceListView
        items={books}
        href={(b) => `/ebooks/${b.id}`}
        tableTestId="books-table"
        rowTestId={(b) => `book-row-${b.id}`}
        details={(b) =>
          `${t(`kinds.${b.kind}`)} · ${b.trim} · ${b.ownerName} · ${b.chapters} ${t("ebooks.chapters")}`
        }
        cardExtra={(b) => (
          <>
            <PagesCell book={b} />
            <Box mt={6}>
              <SignoffBadge book={b} />
            </Box>
          </>
        )}
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
        category={(b) => (
          <>
            {t(`kinds.${b.kind}`)} · {b.trim}
          </>
        )}
        cells={(b) => (
          <>
            <Table.Td>{b.chapters}</Table.Td>
            <Table.Td>
              <PagesCell book={b} />
            </Table.Td>
            <Table.Td>
              <SignoffBadge book={b} />
            </Table.Td>
          </>
        )}
        empty={t("ebooks.empty")}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
