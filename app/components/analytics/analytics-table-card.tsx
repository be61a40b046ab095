import { Anchor, Button, Card, Group, ScrollArea, Table, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "@remix-run/react";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { AnalyticsTable } from "~/modules/analytics/analytics-table";
import type { AnalyticsView } from "~/modules/analytics/analytics-views";
import { formatCell, formatTarget, reaches } from "./format";

/**
 * The export link of a table: the page's own query (range, month, year) plus the view and the
 * table, so the file holds what the page shows.
 */
export function useExportHref(
  view: AnalyticsView,
  table: string,
  extra: Record<string, string> = {},
): string {
  const [params] = useSearchParams();
  const query = new URLSearchParams();
  for (const key of ["from", "to", "month", "year"]) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  query.set("view", view);
  query.set("table", table);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return `/analytics/export?${query.toString()}`;
}

/**
 * A dashboard table from its definition: the same columns the CSV export writes, values that
 * reach the plan's target in green and those below it in red, and the export button.
 */
export function AnalyticsTableCard({
  view,
  table,
  exportQuery,
  minWidth = 720,
  maxHeight,
  description,
  platform,
}: {
  view: AnalyticsView;
  table: AnalyticsTable;
  exportQuery?: Record<string, string>;
  minWidth?: number;
  /** Long tables (one row a day) scroll inside the card past this height. */
  maxHeight?: number;
  description?: string;
  /** The table holds a platform's own figures: shaded, so it reads as "beside", not "ours". */
  platform?: boolean;
}) {
  const { t } = useTranslation();
  const href = useExportHref(view, table.id, exportQuery);
  return (
    <Card
      withBorder
      padding="sm"
      bg={platform ? "var(--mantine-color-gray-0)" : undefined}
      data-testid={`table-${table.id}`}
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <div>
          <Title order={4}>{t(table.title)}</Title>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Button
          component="a"
          href={href}
          download
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          data-testid={`export-${table.id}`}
        >
          {t("analytics.export")}
        </Button>
      </Group>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("analytics.empty")}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars="y">
          <DataTable
            minWidth={minWidth}
            striped
            highlightOnHover
            fz="sm"
            verticalSpacing={6}
            columns={table.columns.map((column) => ({
              label: (
                <>
                  {t(column.label)}
                  {column.target !== undefined && (
                    <Text span size="xs" c="dimmed" fw={400} display="block">
                      {t("analytics.figures.targetAtLeast", {
                        value: formatTarget(column.target, column.kind),
                      })}
                    </Text>
                  )}
                </>
              ),
              ta: column.kind === "text" || column.kind === "label" ? "left" : "right",
              style: { whiteSpace: "nowrap" },
            }))}
          >
            {table.rows.map((row, i) => (
              <Table.Tr key={i}>
                {table.columns.map((column) => {
                  const value = row[column.key] ?? null;
                  const numeric = column.kind !== "text" && column.kind !== "label";
                  const ok = typeof value === "number" ? reaches(value, column.target) : null;
                  const text =
                    column.kind === "label" && typeof value === "string"
                      ? t(value)
                      : formatCell(value, column.kind);
                  const linkId = column.link ? row[column.link.idKey] : null;
                  return (
                    <Table.Td
                      key={column.key}
                      ta={numeric ? "right" : "left"}
                      c={ok === null ? undefined : ok ? "teal.8" : "red.7"}
                      fw={ok === null ? undefined : 600}
                      style={
                        numeric
                          ? { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }
                          : column.kind === "label"
                            ? { whiteSpace: "nowrap" }
                            : // A title wraps within a readable width instead of taking the row.
                              { minWidth: 160, maxWidth: 320 }
                      }
                    >
                      {column.link && linkId !== null ? (
                        <Anchor component={Link} to={`${column.link.prefix}${linkId}`} size="sm">
                          {text}
                        </Anchor>
                      ) : (
                        text
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </DataTable>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
