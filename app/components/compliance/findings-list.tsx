import { Badge, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Finding } from "~/modules/compliance/compliance-types";
import { collapseNested, sortFindings } from "./finding-offsets";

export const SEVERITY_COLORS = { block: "red", review: "orange" } as const;

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Called when a finding is clicked: the editor selects its range in the field. */
  onSelect?(finding: Finding): void;
  /** Where a finding is, when the list covers several fields ("第 2 句 · 口播"). */
  locate?(finding: Finding): string | null;
  /** Height after which the list scrolls. */
  maxHeight?: number;
  /** Name each place once, by its longest term (default); false lists every term that matched. */
  collapse?: boolean;
}

/**
 * The findings of a scan in text order: severity, category, the matched text, why it is a problem,
 * the rule it rests on and the suggested rewrite. Each one selects its place in the field when
 * clicked (if the editor passes `onSelect`).
 */
export function FindingsList({
  findings,
  onSelect,
  locate,
  maxHeight = 320,
  collapse = true,
}: FindingsListProps) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  const sorted = sortFindings(collapse ? collapseNested(findings) : findings);
  const blocked = sorted.filter((f) => f.severity === "block").length;
  return (
    <Stack gap={4} data-testid="findings-list">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t("findings.count", { count: sorted.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("findings.summary", { block: blocked, review: sorted.length - blocked })}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={maxHeight} type="auto">
        <Stack gap={6}>
          {sorted.map((finding) => (
            <FindingItem
              key={`${finding.termId}:${finding.start}:${finding.end}`}
              finding={finding}
              where={locate?.(finding) ?? null}
              onSelect={onSelect}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function FindingItem({
  finding,
  where,
  onSelect,
}: {
  finding: Finding;
  where: string | null;
  onSelect?(finding: Finding): void;
}) {
  const { t } = useTranslation();
  const color = SEVERITY_COLORS[finding.severity];
  const body = (
    <Paper
      withBorder
      p="xs"
      style={{ borderLeft: `3px solid var(--mantine-color-${color}-filled)` }}
      data-testid="finding"
      data-severity={finding.severity}
      data-category={finding.category}
    >
      <Group gap={6} wrap="wrap" mb={2}>
        <Badge
          size="sm"
          color={color}
          variant="filled"
          title={t(`findings.severityHints.${finding.severity}`)}
        >
          {t(`findings.severities.${finding.severity}`)}
        </Badge>
        <Badge size="sm" color={color} variant="light" data-testid="finding-category">
          {t(`findings.categories.${finding.category}`)}
        </Badge>
        {where ? (
          <Text size="xs" c="dimmed">
            {where}
          </Text>
        ) : null}
        <Text
          size="sm"
          fw={700}
          data-testid="finding-match"
          style={{ boxShadow: `inset 0 -2px 0 var(--mantine-color-${color}-filled)`, whiteSpace: "pre-wrap" }}
        >
          {finding.match}
        </Text>
      </Group>
      <Text size="sm" data-testid="finding-reason">
        {finding.reason}
      </Text>
      {finding.basis ? (
        <Text size="xs" c="dimmed" data-testid="finding-basis">
          {t("findings.basis", { text: finding.basis })}
        </Text>
      ) : null}
      {finding.suggestion ? (
        <Text size="sm" c="teal.8" data-testid="finding-suggestion">
          {t("findings.suggestion", { text: finding.suggestion })}
        </Text>
      ) : null}
    </Paper>
  );
  if (!onSelect) return body;
  return (
    <UnstyledButton
      onClick={() => onSelect(finding)}
      title={t("findings.select", { match: finding.match })}
      style={{ display: "block", width: "100%", textAlign: "start" }}
    >
      {body}
    </UnstyledButton>
  );
}
