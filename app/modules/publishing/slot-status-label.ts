import { translator } from "~/i18n/i18n";

/** A slot status in Chinese for module messages (stored or logged), from the calendar's strings. */
export function slotStatusLabel(status: string): string {
  return translator("zh")(`calendar.slotStatuses.${status}`, { defaultValue: status });
}
