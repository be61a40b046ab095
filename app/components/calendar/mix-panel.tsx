import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MixDto } from "~/modules/calendar/calendar-types";
import { SideCard } from "./side-card";

const COLORS = ["blue", "teal", "grape"];

/** Actual against target short-video mix for the month: a bar per category, a warning when off. */
export function MixPanel({ mix, opened, onToggle }: { mix: MixDto; opened: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const month = Number(mix.month.slice(5, 7));
  const warnings = mix.categories.filter((c) => c.warning);
  return (
    <SideCard
      title={t("calendar.mix.title")}
      badge={t("calendar.mix.month", { month })}
      badgeColor={warnings.length ? "orange" : "gray"}
      opened={opened}
      onToggle={onToggle}
      testId="mix-panel"
      intro={t("calendar.mix.intro")}
    >
      {mix.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t("calendar.mix.empty")}
        </Text>
      ) : (
        <Stack gap={6}>
          {mix.categories.map((category, i) => (
            <div key={category.category} data-testid="mix-row" data-warning={category.warning}>
              <Group justify="space-between" gap={4} wrap="nowrap">
                <Text size="xs" fw={500}>
                  {category.category}
                </Text>
                <Text size="xs">
                  {t("calendar.mix.countShort", { count: category.actual })} ·{" "}
                  <Text span size="xs" fw={700} c={category.warning ? "orange.8" : undefined}>
                    {category.share.toFixed(1)}%
                  </Text>{" "}
                  / {t("calendar.mix.targetShort", { target: category.target })}
                </Text>
              </Group>
              {/* The bar is the actual share; the tick under it is the target. */}
              <Progress
                value={Math.min(100, category.share)}
                color={category.warning ? "orange" : COLORS[i % COLORS.length]}
                size="md"
                mt={2}
                aria-label={category.category}
              />
              <div style={{ position: "relative", height: 6 }}>
                <div
                  style={{
                    position: "absolute",
                    left: `calc(${category.target}% - 1px)`,
                    top: 0,
                    width: 2,
                    height: 6,
                    background: "var(--mantine-color-dark-3)",
                  }}
                />
              </div>
            </div>
          ))}
          <Text size="xs" c="dimmed">
            {t("calendar.mix.total", { count: mix.total })}
          </Text>
          {warnings.length ? (
            <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="mix-warning">
              {warnings.map((c) => (
                <Text size="xs" key={c.category}>
                  {t("calendar.mix.warning", {
                    category: c.category,
                    points: `${c.offBy > 0 ? "+" : ""}${c.offBy.toFixed(1)}`,
                  })}
                </Text>
              ))}
            </Alert>
          ) : (
            <Text size="xs" c="teal">
              {t("calendar.mix.ok")}
            </Text>
          )}
        </Stack>
      )}
    </SideCard>
  );
}
