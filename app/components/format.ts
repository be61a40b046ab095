const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
});
const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

// Instants are stored in UTC and shown in the dealership's time zone.
export function formatDate(iso: string | Date): string {
  return dateFormat.format(new Date(iso));
}
export function formatDateTime(iso: string | Date): string {
  return dateTimeFormat.format(new Date(iso));
}
/** Value for <input type="datetime-local"> in Asia/Shanghai. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}
