/**
 * The landing pages' tracker, as pure functions: the queue and its batches, the request body, the
 * event ids, and the video's quartiles and watch time. The browser glue (tracker.ts) only wires
 * these to sendBeacon, timers and media events, so everything that decides what is sent is
 * tested here without a browser.
 */

import { MAX_EVENTS_PER_BATCH, type EventType } from "~/modules/tracking/event-names";

export type TrackedEventType = EventType;

/** The events endpoint takes at most this many events in one body. */
export const MAX_BATCH = MAX_EVENTS_PER_BATCH;

export interface TrackedEvent {
  id: string;
  type: TrackedEventType;
  watchSeconds?: number;
}

/** Who the page is and where its visitor came from: sent with every batch. */
export interface TrackerContext {
  slug: string;
  /** The attribution's source; "direct" is left out of the body (the server's default). */
  source: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

/** Splits queued events into request-sized batches, in order. */
export function toBatches(events: readonly TrackedEvent[], max = MAX_BATCH): TrackedEvent[][] {
  const batches: TrackedEvent[][] = [];
  for (let i = 0; i < events.length; i += max) batches.push(events.slice(i, i + max));
  return batches;
}

/** The JSON body of one batch, in the events endpoint's field names. */
export function batchBody(context: TrackerContext, events: readonly TrackedEvent[]): string {
  return JSON.stringify({
    slug: context.slug,
    ...(context.source && context.source !== "direct" ? { src: context.source } : {}),
    ...(context.utmSource ? { utm_source: context.utmSource } : {}),
    ...(context.utmMedium ? { utm_medium: context.utmMedium } : {}),
    ...(context.utmCampaign ? { utm_campaign: context.utmCampaign } : {}),
    events,
  });
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A client-made event id (8–64 of [A-Za-z0-9_-]), so a retried beacon is stored once: a random
 * UUID where the browser has one (secure contexts only), else 22 characters from getRandomValues
 * or, on the oldest browsers, Math.random.
 */
export function makeEventId(
  source: {
    randomUUID?: () => string;
    getRandomValues?: (array: Uint8Array) => Uint8Array;
  } | null,
  random: () => number = Math.random,
): string {
  if (source?.randomUUID) return source.randomUUID();
  const bytes = new Uint8Array(22);
  if (source?.getRandomValues) source.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  let id = "";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

export const QUARTILES = [
  { at: 0.25, type: "progress_25" },
  { at: 0.5, type: "progress_50" },
  { at: 0.75, type: "progress_75" },
] as const;

/** What one page view of the video has already reported, and the time watched so far. */
export interface VideoProgress {
  played: boolean;
  reached: ReadonlySet<TrackedEventType>;
  completed: boolean;
  /** Seconds actually watched (seeks are not counted). */
  watched: number;
  /** The player's position at the last time update, to measure the next step. */
  lastPosition: number | null;
}

export const initialVideoProgress: VideoProgress = {
  played: false,
  reached: new Set(),
  completed: false,
  watched: 0,
  lastPosition: null,
};

/** A time update further than this from the last one is a seek, not playback. */
const MAX_STEP_SECONDS = 2;

export type VideoSignal =
  | { kind: "play"; position: number }
  | { kind: "time"; position: number; duration: number }
  | { kind: "seek"; position: number }
  | { kind: "ended"; duration: number };

export interface VideoStep {
  progress: VideoProgress;
  /** Events to send, with watchSeconds already filled in. */
  events: { type: TrackedEventType; watchSeconds: number }[];
}

/**
 * One step of the video's reporting. `play` is sent once per page view, each quartile once (when
 * the position passes 25/50/75 % of the duration) and `complete` once, on `ended`. Watch time
 * adds the small steps between time updates, so seeking ahead is not counted as watched.
 */
export function advanceVideo(progress: VideoProgress, signal: VideoSignal): VideoStep {
  const events: VideoStep["events"] = [];
  let next: VideoProgress = progress;
  const seconds = () => Math.floor(next.watched);
  switch (signal.kind) {
    case "play":
      next = { ...next, lastPosition: signal.position };
      if (!next.played) {
        next = { ...next, played: true };
        events.push({ type: "play", watchSeconds: seconds() });
      }
      break;
    case "seek":
      next = { ...next, lastPosition: signal.position };
      break;
    case "time": {
      const step = next.lastPosition === null ? 0 : signal.position - next.lastPosition;
      const watched = step > 0 && step <= MAX_STEP_SECONDS ? next.watched + step : next.watched;
      next = { ...next, watched, lastPosition: signal.position };
      if (!(signal.duration > 0) || !Number.isFinite(signal.duration)) break;
      const fraction = signal.position / signal.duration;
      const reached = new Set(next.reached);
      for (const quartile of QUARTILES)
        if (fraction >= quartile.at && !reached.has(quartile.type)) {
          reached.add(quartile.type);
          events.push({ type: quartile.type, watchSeconds: seconds() });
        }
      next = { ...next, reached };
      break;
    }
    case "ended": {
      // The last time update can land a fraction before the end: count the rest as watched.
      const rest =
        next.lastPosition !== null && signal.duration - next.lastPosition <= MAX_STEP_SECONDS
          ? Math.max(0, signal.duration - next.lastPosition)
          : 0;
      next = { ...next, watched: next.watched + rest, lastPosition: signal.duration };
      const reached = new Set(next.reached);
      for (const quartile of QUARTILES)
        if (!reached.has(quartile.type)) {
          reached.add(quartile.type);
          events.push({ type: quartile.type, watchSeconds: seconds() });
        }
      next = { ...next, reached };
      if (!next.completed) {
        next = { ...next, completed: true };
        events.push({ type: "complete", watchSeconds: seconds() });
      }
      break;
    }
  }
  return { progress: next, events };
}
