import { Badge, Group, Text } from "@mantine/core";
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconClockExclamation,
  IconHelpCircle,
  IconSend,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SLOT_STATUSES } from "~/modules/calendar/calendar-types";

/** One icon per status: the mark stays readable where colour belongs to the channel. */
export const STATUS_ICONS: Record<string, typeof IconClock> = {
  planned: IconCalendarEvent,
  queued: IconClock,
  publishing: IconSend,
  published: IconCircleCheck,
  failed: IconCircleX,
  missed: IconClockExclamation,
  unconfirmed: IconHelpCircle,
};

export const STATUS_COLORS: Record<string, string> = {
  planned: "gray",
  queued: "blue",
  publishing: "indigo",
  published: "green",
  failed: "red",
  missed: "dark",
  unconfirmed: "orange",
};

export function SlotStatusIcon({ status, size = 13 }: { status: string; size?: number }) {
  const Icon = STATUS_ICONS[status] ?? IconCalendarEvent;
  return <Icon size={size} stroke={2} aria-hidden />;
}

export function SlotStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status] ?? "gray"}
      variant="light"
      leftSection={<SlotStatusIcon status={status} size={12} />}
      data-slot-status={status}
    >
      {t(`calendar.slotStatuses.${status}`)}
    </Badge>
  );
}

/** What the marks on the calendar mean: channel colours, status borders and icons, cadence. */
export function CalendarLegend({ channels }: { channels: { key: string; name: string; color: string }[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="calendar-legend">
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {t("calendar.legendChannels")}
      </Text>
      <Group gap={8} mb="xs">
        {channels.map((channel) => (
          <Group key={channel.key} gap={4} wrap="nowrap">
            <span
              className="slot-swatch"
              style={{ background: channel.color, borderColor: channel.color }}
              aria-hidden
            />
            <Text size="xs">{channel.name}</Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {t("calendar.legendStatuses")}
      </Text>
      <Group gap={8}>
        {SLOT_STATUSES.map((status) => (
          <Group key={status} gap={4} wrap="nowrap">
            <span className={`slot-swatch slot-status-${status}`} aria-hidden />
            <SlotStatusIcon status={status} size={12} />
            <Text size="xs">{t(`calendar.slotStatuses.${status}`)}</Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <span className="cadence-swatch cadence-gap" aria-hidden />
          <Text size="xs">{t("calendar.legendGap")}</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <span className="cadence-swatch cadence-excess" aria-hidden />
          <Text size="xs">{t("calendar.legendExcess")}</Text>
        </Group>
      </Group>
    </div>
  );
}
