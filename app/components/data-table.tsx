import { Table, type MantineBreakpoint, type TableProps, type TableThProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A header cell: its label, or its label with the cell's own props (`ta`, `visibleFrom`, `w`). */
export type HeadCell = ReactNode | (TableThProps & { label?: ReactNode });

function isCellWithProps(cell: HeadCell): cell is TableThProps & { label?: ReactNode } {
  return typeof cell === "object" && cell !== null && !Array.isArray(cell) && !("$$typeof" in cell);
}

/** A table's header row, one cell per column, in order (an empty label for an actions column). */
export function TableHead({ columns }: { columns: HeadCell[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((cell, i) => {
          const { label, ...props } = isCellWithProps(cell) ? cell : { label: cell };
          return (
            <Table.Th key={i} {...props}>
              {label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}

/**
 * A list page's table: scrolls sideways below `minWidth`, a header row of `columns`, and the rows
 * given as children in its body. Other props go to the table itself.
 */
export function DataTable({
  minWidth,
  visibleFrom,
  columns,
  children,
  ...tableProps
}: {
  minWidth: number;
  visibleFrom?: MantineBreakpoint;
  columns: HeadCell[];
  children: ReactNode;
} & Omit<TableProps, "children"> & { "data-testid"?: string }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} visibleFrom={visibleFrom}>
      <Table {...tableProps}>
        <TableHead columns={columns} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
