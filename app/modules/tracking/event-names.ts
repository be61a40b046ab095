/**
 * The event names and the batch size, shared by the server and the landing pages' browser
 * tracker (which must not pull in the server's validation, so this file imports nothing).
 */

/** What a landing page reports. The browser tracker sends these names as they are. */
export const EVENT_TYPES = [
  "page_view",
  "play",
  "progress_25",
  "progress_50",
  "progress_75",
  "complete",
  "form_start",
  "lead",
  "download",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Events of watching the video: they carry the page view's cumulative watch seconds. */
export const VIDEO_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  "play",
  "progress_25",
  "progress_50",
  "progress_75",
  "complete",
]);

/** The events endpoint takes at most this many events in one body. */
export const MAX_EVENTS_PER_BATCH = 50;
