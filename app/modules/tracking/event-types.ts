import { z } from "zod";

export {
  EVENT_TYPES,
  isEventType,
  MAX_EVENTS_PER_BATCH,
  VIDEO_EVENT_TYPES,
  type EventType,
} from "./event-names";

/** A beacon of 50 events is under 6 KB; 64 KB leaves room and refuses floods. */
export const MAX_EVENTS_BODY_BYTES = 64 * 1024;
/** Client-made ids: a UUID or 8–64 URL-safe characters. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const optionalLabel = z.string().max(500).optional();

/**
 * One beacon: one page (slug) and its attribution, and up to 50 events. The type is checked
 * apart (`isEventType`), so an unknown type gets its own error that names it.
 */
export const eventBatchSchema = z.object({
  slug: z.string().min(1).max(100),
  src: optionalLabel,
  utm_source: optionalLabel,
  utm_medium: optionalLabel,
  utm_campaign: optionalLabel,
  events: z
    .array(
      z.object({
        id: z.string().regex(EVENT_ID_PATTERN),
        type: z.string().max(40),
        watchSeconds: z.number().int().min(0).max(86_400).optional(),
      }),
    )
    .min(1),
});
export type EventBatch = z.infer<typeof eventBatchSchema>;
