import { Badge, Card, Code, Group, Pagination, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TooltipIcon } from "~/components/tooltip-icon";
import type { TermDto } from "~/modules/compliance/terms/term-types";
import { CategoryBadge, SeverityBadge } from "./term-badges";

const PAGE_SIZE = 50;

interface TermListProps {
  items: TermDto[];
  /** Changes when the filters do: the list goes back to its first page. */
  filterKey: string;
  canManage: boolean;
  onEdit(term: TermDto): void;
  onDelete(term: TermDto): void;
}

function TermText({ term }: { term: TermDto }) {
  const { t } = useTranslation();
  return term.pattern !== null ? (
    <Group gap={6} wrap="nowrap" align="center">
      <Badge size="xs" variant="outline" color="violet" style={{ flexShrink: 0 }}>
        {t("terms.patternBadge")}
      </Badge>
      <Code style={{ wordBreak: "break-all" }}>{term.pattern}</Code>
    </Group>
  ) : (
    <Text fw={600}>{term.term}</Text>
  );
}

function Contexts({ contexts }: { contexts: string[] }) {
  const { t } = useTranslation();
  if (contexts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {t("terms.allowedIn", { contexts: contexts.join("、") })}
    </Text>
  );
}

function Actions({ term, onEdit, onDelete }: Pick<TermListProps, "onEdit" | "onDelete"> & { term: TermDto }) {
  const { t } = useTranslation();
  const label = term.term ?? term.pattern ?? "";
  return (
    <Group gap={2} wrap="nowrap">
      <TooltipIcon label={`${t("terms.edit")} ${label}`} onClick={() => onEdit(term)} data-testid="term-edit">
        <IconPencil size={16} />
      </TooltipIcon>
      <TooltipIcon
        label={`${t("terms.delete")} ${label}`}
        color="red"
        onClick={() => onDelete(term)}
        data-testid="term-delete"
      >
        <IconTrash size={16} />
      </TooltipIcon>
    </Group>
  );
}

/**
 * The terms: a table on wide screens, one card per term on a phone, 50 to a page. Edit and
 * delete buttons only for those who may change the library.
 */
export function TermList({ items, filterKey, canManage, onEdit, onDelete }: TermListProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  // A new filter starts at the first page; an edit keeps the page.
  useEffect(() => setPage(1), [filterKey]);
  // A page past the end after a delete shows the last one.
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  if (items.length === 0)
    return (
      <Text c="dimmed" py="lg">
        {t("terms.empty")}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Stack gap="xs" hiddenFrom="md">
        {shown.map((term) => (
          <Card key={term.id} withBorder padding="sm" data-testid="term-card">
            <Group justify="space-between" wrap="nowrap" align="start">
              <TermText term={term} />
              {canManage ? <Actions term={term} onEdit={onEdit} onDelete={onDelete} /> : null}
            </Group>
            <Group gap={6} mt={6}>
              <SeverityBadge severity={term.severity} />
              <CategoryBadge category={term.category} />
            </Group>
            <Text size="sm" mt={6}>
              {term.reason}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {t("terms.basis", { basis: term.basis })}
            </Text>
            {term.suggestion ? (
              <Text size="sm" mt={6} c="teal.8">
                → {term.suggestion}
              </Text>
            ) : null}
            <Contexts contexts={term.allowedContexts} />
          </Card>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={900} visibleFrom="md">
        <Table verticalSpacing="sm" striped highlightOnHover data-testid="terms-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>{t("terms.columns.term")}</Table.Th>
              <Table.Th w={140}>{t("terms.columns.category")}</Table.Th>
              <Table.Th w={90}>{t("terms.columns.severity")}</Table.Th>
              <Table.Th>{t("terms.columns.reason")}</Table.Th>
              <Table.Th w="26%">{t("terms.columns.suggestion")}</Table.Th>
              {canManage ? <Table.Th w={84}>{t("terms.columns.actions")}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((term) => (
              <Table.Tr key={term.id} data-testid="term-row" data-term={term.term ?? term.pattern}>
                <Table.Td>
                  <TermText term={term} />
                </Table.Td>
                <Table.Td>
                  <CategoryBadge category={term.category} />
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={term.severity} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{term.reason}</Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    {t("terms.basis", { basis: term.basis })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{term.suggestion}</Text>
                  <Contexts contexts={term.allowedContexts} />
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Actions term={term} onEdit={onEdit} onDelete={onDelete} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Pagination total={pages} value={current} onChange={setPage} size="sm" withEdges={false} />
      ) : null}
    </Stack>
  );
}
