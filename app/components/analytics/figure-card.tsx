import { Badge, Card, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * One figure: its label, its value, and — when the plan sets one — the target with a badge
 * saying whether it is reached. `platform` marks a platform's own figure, shown beside ours.
 */
export function FigureCard({
  label,
  value,
  target,
  reached,
  hint,
  platform,
  testId,
}: {
  label: string;
  value: string;
  target?: string;
  reached?: boolean | null;
  hint?: string;
  platform?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" bg={platform ? "var(--mantine-color-gray-0)" : undefined}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" lineClamp={1}>
          {label}
        </Text>
        {platform && (
          <Badge size="xs" variant="outline" color="gray">
            {t("analytics.platformLabel")}
          </Badge>
        )}
      </Group>
      <Text fw={800} fz={24} data-testid={testId} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
      {(target || hint) && (
        <Group gap={6} mt={2} wrap="wrap">
          {target && (
            <Text size="xs" c="dimmed">
              {target}
            </Text>
          )}
          {reached !== undefined && reached !== null && (
            <Badge size="xs" color={reached ? "teal" : "red"} variant="light">
              {reached ? t("analytics.figures.reached") : t("analytics.figures.below")}
            </Badge>
          )}
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}
