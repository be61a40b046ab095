import { Anchor, Badge, Card, Group, Select, Stack, Table, Text, type ComboboxData } from "@mantine/core";
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

interface CellProps {
  row: AnalysisDto["rows"][number];
  choice: string;
  chosen: string | null;
  resolved: boolean;
  data: ComboboxData;
  onChoose(row: number, value: string): void;
  testId: string;
}

/** What the row matched (or the person chose) and the select to change it. */
function RowMatch({ row, choice, chosen, data, onChoose, testId }: CellProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {choice === "skip" ? (
        <Badge color="gray" variant="light">
          {t("imports.choose.skipped")}
        </Badge>
      ) : chosen ? (
        <Text size="sm">{t("imports.choose.manual", { title: chosen })}</Text>
      ) : row.match ? (
        // A div: the badge is a div, which a <p> may not hold (the parser would split it).
        <Text size="sm" component="div">
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
        data-testid={testId}
      />
    </Stack>
  );
}

/** The row's problems; a choice made here answers "no piece found". */
function RowProblems({ row, choice, resolved }: CellProps) {
  return (
    <>
      {!resolved || choice !== "skip"
        ? row.problems
            .filter((p) => !resolved || !["unmatched", "ambiguous"].includes(p.problem))
            .map((p, i) => (
              <Text key={i} size="xs" c="red">
                {p.message}
              </Text>
            ))
        : null}
    </>
  );
}

/**
 * Every row of a preview: what the export says, the piece it matched (and how), its figures and
 * its problems; each row has a select to pick its piece by hand or skip it. Hidden `match.<row>`
 * fields carry the choices, so the apply form sends them as they stand. A table on wide screens,
 * one card per row on a phone.
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
  const view = rows.map((row) => {
    const choice = choices[row.row] ?? "";
    const chosen = choice && choice !== "skip" ? (titles.get(choice) ?? null) : null;
    // A choice made here overrides what the server found for the row; the apply checks again.
    const resolved = choice === "skip" || chosen !== null;
    return {
      row,
      blocking: !resolved && row.blocking,
      props: { row, choice, chosen, resolved, data, onChoose },
    };
  });
  const red = "var(--mantine-color-red-light)";
  return (
    <>
      {/* The rows decided here travel once, whichever layout (table or phone cards) shows the selects. */}
      {view
        .filter(({ props }) => props.choice)
        .map(({ row, props }) => (
          <input key={row.row} type="hidden" name={`match.${row.row}`} value={props.choice} />
        ))}
      <Stack gap="xs" hiddenFrom="sm" data-testid="preview-cards">
        {view.map(({ row, blocking, props }) => (
          <Card key={row.row} withBorder padding="sm" bg={blocking ? red : undefined}>
            <Stack gap={6}>
              <Group gap={6} wrap="nowrap" align="start">
                <Badge variant="default" size="sm">
                  {t("imports.table.row")} {row.row}
                </Badge>
                <RowItem row={row} />
              </Group>
              <RowMatch {...props} testId={`match-card-${row.row}`} />
              <FiguresText figures={row.figures} />
              <RowProblems {...props} testId="" />
            </Stack>
          </Card>
        ))}
      </Stack>
      <DataTable
        visibleFrom="sm"
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
        {view.map(({ row, blocking, props }) => (
          <Table.Tr key={row.row} data-testid={`preview-row-${row.row}`} bg={blocking ? red : undefined}>
            <Table.Td>{row.row}</Table.Td>
            <Table.Td>
              <RowItem row={row} />
            </Table.Td>
            <Table.Td>
              <RowMatch {...props} testId={`match-${row.row}`} />
            </Table.Td>
            <Table.Td>
              <FiguresText figures={row.figures} />
            </Table.Td>
            <Table.Td>
              <RowProblems {...props} testId="" />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
