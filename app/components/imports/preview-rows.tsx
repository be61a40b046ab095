import { Anchor, Badge, Select, Stack, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { AnalysisDto } from "~/modules/metrics-import/import-dto";
import { FiguresText } from "./figures-text";

export interface Candidate {
  id: number;
  title: string;
  onChannel: boolean;
}

/** One row's choice in the form: "" (automatic), "skip", or a piece id. */
export type Choices = Record<number, string>;

function RowItem({ row }: { row: AnalysisDto["rows"][number] }) {
  return (
    <Stack gap={2} maw={280}>
      <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
        {row.title ?? "—"}
      </Text>
      {row.url ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {row.url}
        </Text>
      ) : null}
      {row.platformId || row.publishedDay ? (
        <Text size="xs" c="dimmed">
          {[row.platformId, row.publishedDay].filter(Boolean).join(" · ")}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Every row of a preview: what the export says, the piece it matched (and how), its figures and
 * its problems; each row has a select to pick its piece by hand or skip it. The selects are named
 * `match.<row>`, so the apply form sends the choices as they stand.
 */
export function PreviewRows({
  rows,
  candidates,
  choices,
  onChoose,
}: {
  rows: AnalysisDto["rows"];
  candidates: Candidate[];
  choices: Choices;
  onChoose(row: number, value: string): void;
}) {
  const { t } = useTranslation();
  const titles = useMemo(() => new Map(candidates.map((c) => [String(c.id), c.title])), [candidates]);
  const data = useMemo(
    () => [
      { value: "auto", label: t("imports.choose.auto") },
      { value: "skip", label: t("imports.choose.skip") },
      {
        group: t("imports.choose.onChannel"),
        items: candidates
          .filter((c) => c.onChannel)
          .map((c) => ({ value: String(c.id), label: `${c.title} · #${c.id}` })),
      },
      {
        group: t("imports.choose.others"),
        items: candidates
          .filter((c) => !c.onChannel)
          .map((c) => ({ value: String(c.id), label: `${c.title} · #${c.id}` })),
      },
    ],
    [candidates, t],
  );
  return (
    <DataTable
      minWidth={980}
      verticalSpacing="xs"
      data-testid="preview-rows"
      columns={[
        { label: t("imports.table.row"), w: 56 },
        t("imports.table.item"),
        { label: t("imports.table.match"), w: 300 },
        t("imports.table.figures"),
        t("imports.table.problems"),
      ]}
    >
      {rows.map((row) => {
        const choice = choices[row.row] ?? "";
        const chosen = choice && choice !== "skip" ? titles.get(choice) : null;
        // A choice made here overrides what the server found for the row; the apply checks again.
        const resolved = choice === "skip" || chosen !== null;
        const blocking = !resolved && row.blocking;
        return (
          <Table.Tr
            key={row.row}
            data-testid={`preview-row-${row.row}`}
            bg={blocking ? "var(--mantine-color-red-light)" : undefined}
          >
            <Table.Td>{row.row}</Table.Td>
            <Table.Td>
              <RowItem row={row} />
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {choice === "skip" ? (
                  <Badge color="gray" variant="light">
                    {t("imports.choose.skipped")}
                  </Badge>
                ) : chosen ? (
                  <Text size="sm">{t("imports.choose.manual", { title: chosen })}</Text>
                ) : row.match ? (
                  <Text size="sm">
                    <Badge size="xs" variant="light" mr={6}>
                      {t(`imports.matchBy.${row.match.by}`)}
                    </Badge>
                    <Anchor component={Link} to={`/pieces/${row.match.pieceId}`} size="sm">
                      {row.match.pieceTitle}
                    </Anchor>
                  </Text>
                ) : (
                  <Badge color="red" variant="light">
                    {t("imports.choose.unmatched")}
                  </Badge>
                )}
                <Select
                  name={`match.${row.row}`}
                  size="xs"
                  data={data}
                  // No value is "automatic" (the placeholder says so), so typing searches the pieces.
                  value={choice || null}
                  onChange={(value) => onChoose(row.row, !value || value === "auto" ? "" : value)}
                  placeholder={t("imports.choose.auto")}
                  searchable
                  limit={60}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  aria-label={t("imports.table.match")}
                  data-testid={`match-${row.row}`}
                />
              </Stack>
            </Table.Td>
            <Table.Td>
              <FiguresText figures={row.figures} />
            </Table.Td>
            <Table.Td>
              {!resolved || choice !== "skip"
                ? row.problems
                    .filter((p) => !resolved || !["unmatched", "ambiguous"].includes(p.problem))
                    .map((p, i) => (
                      <Text key={i} size="xs" c="red">
                        {p.message}
                      </Text>
                    ))
                : null}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
