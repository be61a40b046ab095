import { Badge, Button, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { formatDate, formatInstant } from "~/lib/dates";
import type { BacklogPieceDto, GapDto } from "~/modules/calendar/calendar-types";
import { ruleText } from "./rule-text";
import { SideCard } from "./side-card";

const SHOWN = 5;

/**
 * Where the visible range misses or exceeds a channel's cadence, open periods first, with the
 * approved pieces that could fill each gap (one click opens the schedule form for it).
 */
export function GapsPanel({
  gaps,
  canSchedule,
  onFill,
  opened,
  onToggle,
}: {
  gaps: GapDto[];
  canSchedule: boolean;
  onFill(gap: GapDto, piece: BacklogPieceDto): void;
  opened: boolean;
  onToggle(): void;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const [all, setAll] = useState(false);
  // Suggestions unfold per gap: thirty gaps with three pieces each would bury the list.
  const [unfolded, setUnfolded] = useState<string | null>(null);
  const ordered = [...gaps].sort(
    (a, b) => Number(a.past) - Number(b.past) || a.periodStart.localeCompare(b.periodStart),
  );
  const shown = all ? ordered : ordered.slice(0, SHOWN);
  const periodLabel = (gap: GapDto) =>
    gap.period === "day"
      ? t("calendar.gaps.day", { date: formatDate(gap.periodStart, timeZone) })
      : gap.period === "week"
        ? t("calendar.gaps.week", { date: formatDate(gap.periodStart, timeZone) })
        : t("calendar.gaps.month", { date: formatInstant(gap.periodStart, timeZone, "YYYY-MM") });
  return (
    <SideCard
      title={t("calendar.gaps.title")}
      badge={gaps.length}
      badgeColor={gaps.some((g) => g.kind === "gap" && !g.past) ? "red" : "gray"}
      opened={opened}
      onToggle={onToggle}
      testId="gaps-panel"
      intro={t("calendar.gaps.intro")}
    >
      {gaps.length === 0 ? (
        <Text size="sm" c="teal">
          {t("calendar.gaps.none")}
        </Text>
      ) : null}
      <Stack gap={8}>
        {shown.map((gap) => {
          const id = `${gap.channelKey}-${gap.rule.id}-${gap.periodStart}`;
          return (
            <div key={id} data-testid="gap-item" data-kind={gap.kind} style={{ opacity: gap.past ? 0.6 : 1 }}>
              <Group gap={6} wrap="nowrap" align="start">
                <Badge
                  size="xs"
                  color={gap.kind === "gap" ? "red" : "orange"}
                  variant="light"
                  style={{ flexShrink: 0 }}
                >
                  {gap.kind === "gap"
                    ? t("calendar.gaps.gap", { missing: gap.expected - gap.actual })
                    : t("calendar.gaps.excess", { extra: gap.actual - gap.expected })}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <Text size="xs" fw={500}>
                    {periodLabel(gap)}
                  </Text>
                  <Text size="xs">
                    {t("calendar.gaps.gapLine", {
                      channel: gap.channelName,
                      rule: ruleText(gap.rule, t),
                      expected: gap.expected,
                      actual: gap.actual,
                    })}
                  </Text>
                </div>
              </Group>
              {gap.kind === "gap" && !gap.past && canSchedule ? (
                gap.suggestions.length ? (
                  <div style={{ paddingLeft: "var(--mantine-spacing-md)" }}>
                    <UnstyledButton
                      onClick={() => setUnfolded(unfolded === id ? null : id)}
                      aria-expanded={unfolded === id}
                      data-testid="gap-suggestions-toggle"
                    >
                      <Text size="xs" c="indigo">
                        {t("calendar.gaps.suggestionsCount", { count: gap.suggestions.length })}
                      </Text>
                    </UnstyledButton>
                    {unfolded === id ? (
                      <Stack gap={2} mt={2}>
                        {gap.suggestions.slice(0, 5).map((piece) => (
                          <Group key={piece.id} gap={4} wrap="nowrap" justify="space-between">
                            <Text size="xs" lineClamp={1} style={{ minWidth: 0 }}>
                              {piece.title}
                            </Text>
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => onFill(gap, piece)}
                              data-testid="gap-fill"
                            >
                              {t("calendar.gaps.fill")}
                            </Button>
                          </Group>
                        ))}
                      </Stack>
                    ) : null}
                  </div>
                ) : (
                  <Text size="xs" c="dimmed" mt={2} pl="md">
                    {t("calendar.gaps.noSuggestions")}
                  </Text>
                )
              ) : null}
            </div>
          );
        })}
      </Stack>
      {ordered.length > SHOWN ? (
        <Button variant="subtle" size="compact-xs" mt="xs" onClick={() => setAll(!all)}>
          {all ? t("calendar.gaps.showLess") : t("calendar.gaps.more", { count: ordered.length - SHOWN })}
        </Button>
      ) : null}
    </SideCard>
  );
}
