import { Anchor, Stack, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { DataTable, type HeadCell } from "~/components/data-table";
import { PieceCard } from "~/components/shared/piece-card";
import { StatusBadge } from "~/components/status-badge";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { formatDateTime } from "~/lib/dates";

type ListedPiece = { id: number; title: string; status: string; ownerName: string | null; updatedAt: string };

/**
 * A list page's pieces: cards on a phone, a table from `sm` up (title linking to the piece, its
 * `category`, status, owner, the list's own `cells`, last update), and `empty` when there are none.
 * `columns` are the table's headings in that order.
 */
export function PieceListView<T extends ListedPiece>({
  items,
  href,
  columns,
  tableTestId,
  rowTestId,
  cardTestId,
  details,
  cardExtra,
  category,
  cells,
  empty,
}: {
  items: T[];
  href: (item: T) => string;
  columns: HeadCell[];
  tableTestId: string;
  rowTestId: (item: T) => string;
  cardTestId?: (item: T) => string;
  /** The card's grey line. */
  details: (item: T) => ReactNode;
  /** What the card shows under its grey line. */
  cardExtra?: (item: T) => ReactNode;
  /** The second column's content (a channel, a kind). */
  category: (item: T) => ReactNode;
  /** The cells between the owner and the last update, as `Table.Td`s. */
  cells: (item: T) => ReactNode;
  empty: string;
}) {
  const timeZone = useStudioTimeZone();
  return (
    <>
      <Stack gap="sm" hiddenFrom="sm">
        {items.map((item) => (
          <PieceCard
            key={item.id}
            to={href(item)}
            title={item.title}
            status={item.status}
            details={details(item)}
            testId={cardTestId?.(item)}
          >
            {cardExtra?.(item)}
          </PieceCard>
        ))}
      </Stack>
      <DataTable
        minWidth={720}
        visibleFrom="sm"
        striped
        highlightOnHover
        data-testid={tableTestId}
        columns={columns}
      >
        {items.map((item) => (
          <Table.Tr key={item.id} data-testid={rowTestId(item)}>
            <Table.Td>
              <Anchor component={Link} to={href(item)}>
                {item.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{category(item)}</Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>{item.ownerName}</Table.Td>
            {cells(item)}
            <Table.Td>{formatDateTime(item.updatedAt, timeZone)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {items.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
    </>
  );
}
