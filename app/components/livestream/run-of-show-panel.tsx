import { Alert, Badge, Card, Group, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDuration } from "~/lib/dates";
import { MIN_SHOW_MINUTES } from "~/modules/livestream/livestream-rules";
import { blockTitle, type RunOfShowBlock, type RunOfShowIssue } from "~/modules/livestream/run-of-show";
import { formatClock } from "~/modules/livestream/show-position";

/** The computed run of show with each issue shown at the block that has it, and the total vs 90 min. */
export function RunOfShowPanel({
  blocks,
  issues,
  totalSeconds,
}: {
  blocks: RunOfShowBlock[];
  issues: RunOfShowIssue[];
  totalSeconds: number;
}) {
  const { t } = useTranslation();
  // By id, not index: once the blocks are frozen the issues still come from the current script.
  const byBlock = new Map<string, RunOfShowIssue[]>();
  for (const issue of issues) byBlock.set(issue.blockId, [...(byBlock.get(issue.blockId) ?? []), issue]);
  const longEnough = totalSeconds >= MIN_SHOW_MINUTES * 60;
  return (
    <Card withBorder padding={0}>
      <Stack gap="xs" p="md">
        <Title order={4}>{t("livestream.runOfShow")}</Title>
        <Group gap="xs">
          <Text size="sm" data-testid="run-total">
            {t("livestream.total", {
              total: formatDuration(totalSeconds),
              min: formatDuration(MIN_SHOW_MINUTES * 60),
            })}
          </Text>
          <Badge color={longEnough ? "green" : "red"}>
            {longEnough ? t("livestream.totalOk") : t("livestream.totalShort")}
          </Badge>
        </Group>
        {issues.length > 0 ? (
          <Alert color="orange" p="xs" data-testid="run-issues">
            {t("livestream.issuesCount", { count: issues.length })}
          </Alert>
        ) : (
          <Alert color="green" p="xs" data-testid="run-ok">
            {t("livestream.noIssues")}
          </Alert>
        )}
      </Stack>
      <ScrollArea.Autosize mah={640}>
        <Table striped verticalSpacing={4} fz="sm" data-testid="run-of-show">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t("livestream.blockStart")}</Table.Th>
              <Table.Th>{t("livestream.block")}</Table.Th>
              <Table.Th ta="right">{t("livestream.plannedSeconds")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {blocks.map((block, i) => {
              const blockIssues = byBlock.get(block.id) ?? [];
              return (
                <Table.Tr
                  key={block.id}
                  data-block-id={block.id}
                  bg={blockIssues.length ? "var(--mantine-color-orange-light)" : undefined}
                >
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                    {formatDuration(block.startsAtSeconds)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{blockTitle(block, t)}</Text>
                    {blockIssues.map((issue) => (
                      <Text
                        key={issue.code + issue.path}
                        size="xs"
                        c="red.8"
                        data-testid={`issue-${block.id}`}
                      >
                        {issue.message}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {formatClock(block.plannedSeconds * 1000)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
