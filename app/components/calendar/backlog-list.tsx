import { ActionIcon, Card, Group, ScrollArea, Stack, Text } from "@mantine/core";
import { IconGripVertical, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { BacklogPieceDto } from "~/modules/calendar/calendar-types";
import { SideCard } from "./side-card";

/**
 * Approved pieces with no slot yet. Each row is a FullCalendar external draggable (the board
 * finds them by `.backlog-item` inside the element handed to `onContainer`); the plus button does
 * the same without dragging, for a phone or a keyboard.
 */
export function BacklogList({
  pieces,
  canSchedule,
  opened,
  onToggle,
  onContainer,
  onSchedule,
}: {
  pieces: BacklogPieceDto[];
  canSchedule: boolean;
  opened: boolean;
  onToggle(): void;
  onContainer(element: HTMLDivElement | null): void;
  onSchedule(piece: BacklogPieceDto): void;
}) {
  const { t } = useTranslation();
  return (
    <SideCard
      title={t("calendar.unscheduled.title")}
      badge={t("calendar.unscheduled.count", { count: pieces.length })}
      badgeColor="indigo"
      opened={opened}
      onToggle={onToggle}
      testId="backlog"
    >
      {canSchedule && pieces.length ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t("calendar.unscheduled.hint")}
        </Text>
      ) : null}
      {pieces.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t("calendar.unscheduled.empty")}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah={360} mt="xs" type="auto" offsetScrollbars>
        <Stack gap={6} ref={onContainer}>
          {pieces.map((piece) => (
            <Card
              key={piece.id}
              withBorder
              padding={6}
              className={canSchedule ? "backlog-item" : undefined}
              data-piece-id={piece.id}
              data-title={piece.title}
              data-kind={piece.kind}
              data-testid="backlog-item"
            >
              <Group gap={6} wrap="nowrap" align="start">
                {canSchedule ? <IconGripVertical size={16} style={{ flexShrink: 0, marginTop: 2 }} /> : null}
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" lineClamp={2}>
                    {piece.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`kinds.${piece.kind}`)}
                    {piece.mixCategory ? ` · ${piece.mixCategory}` : ""}
                    {piece.ownerName ? ` · ${piece.ownerName}` : ""}
                  </Text>
                </div>
                {canSchedule ? (
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t("calendar.unscheduled.schedule")}
                    onClick={() => onSchedule(piece)}
                  >
                    <IconPlus size={14} />
                  </ActionIcon>
                ) : null}
              </Group>
            </Card>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </SideCard>
  );
}
