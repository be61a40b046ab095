import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { AnalyticsTable } from "~/modules/analytics/analytics-table";
import type { AnalyticsView } from "~/modules/analytics/analytics-views";
import { AnalyticsTableCard } from "./analytics-table-card";
import { DashboardFilter, type DashboardPeriod } from "./dashboard-filter";
import { DefinitionsCard, type Definition } from "./definitions-card";
import { FigureGrid, type Figure } from "./figure-grid";

/**
 * One dashboard, top to bottom: an optional heading, the period filter, a one-line hint, the
 * summary figures, the page's own charts (children), its tables and the definitions of its figures.
 * Each analytics route configures one; a part it leaves out is not drawn.
 */
export function DashboardPage({
  header,
  period,
  hint,
  figures,
  children,
  tables,
  definitions,
}: {
  header?: ReactNode;
  period?: DashboardPeriod;
  hint?: string;
  figures?: Figure[];
  children?: ReactNode;
  tables?: {
    view: AnalyticsView;
    list: AnalyticsTable[];
    exportQuery?: Record<string, string>;
    minWidth?: number;
  };
  definitions?: Definition[];
}) {
  return (
    <Stack gap="md">
      {header}
      {period ? <DashboardFilter period={period} /> : null}
      {hint ? (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      ) : null}
      {figures ? <FigureGrid figures={figures} /> : null}
      {children}
      {tables?.list.map((table) => (
        <AnalyticsTableCard
          key={table.id}
          view={tables.view}
          table={table}
          exportQuery={tables.exportQuery}
          minWidth={tables.minWidth}
        />
      ))}
      {definitions ? <DefinitionsCard items={definitions} /> : null}
    </Stack>
  );
}
