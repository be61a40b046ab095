/**
 * The browser side of the landing pages' tracking: no cookies, no storage, no third party. Events
 * wait in memory for a short moment and leave in batches of at most 50 through sendBeacon (a
 * text/plain body, which needs no CORS preflight and survives the page closing), or fetch with
 * keepalive where a beacon is refused. Everything it decides comes from tracker-core.ts.
 */
import {
  advanceVideo,
  batchBody,
  initialVideoProgress,
  makeEventId,
  toBatches,
  type TrackedEvent,
  type TrackedEventType,
  type TrackerContext,
  type VideoSignal,
} from "./tracker-core";

export const EVENTS_URL = "/api/v1/events";
/** How long events wait for company before they are sent. */
const FLUSH_DELAY_MS = 1500;

export interface Tracker {
  track: (type: TrackedEventType, options?: { watchSeconds?: number; now?: boolean }) => void;
  /** Sends `type` only the first time it is asked for on this page view. */
  trackOnce: (type: TrackedEventType) => void;
  /** Reports a video element's play, quartiles and completion; returns the detach function. */
  watchVideo: (video: HTMLVideoElement) => () => void;
  flush: () => void;
  dispose: () => void;
}

function send(body: string): void {
  const beacon =
    typeof navigator !== "undefined" && typeof navigator.sendBeacon === "function"
      ? navigator.sendBeacon(EVENTS_URL, body)
      : false;
  if (beacon) return;
  void fetch(EVENTS_URL, {
    method: "POST",
    body,
    keepalive: true,
    headers: { "Content-Type": "text/plain;charset=UTF-8" },
  }).catch(() => {
    // Losing a page view to a dead network is accepted; the page must never break over it.
  });
}

export function createTracker(context: TrackerContext): Tracker {
  let queue: TrackedEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const once = new Set<TrackedEventType>();
  const cryptoSource = typeof crypto !== "undefined" ? crypto : null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queue.length === 0) return;
    const batches = toBatches(queue);
    queue = [];
    for (const batch of batches) send(batchBody(context, batch));
  };

  const track: Tracker["track"] = (type, options = {}) => {
    const event: TrackedEvent = { id: makeEventId(cryptoSource), type };
    if (options.watchSeconds !== undefined) event.watchSeconds = options.watchSeconds;
    queue.push(event);
    if (options.now) flush();
    else if (!timer) timer = setTimeout(flush, FLUSH_DELAY_MS);
  };

  const trackOnce: Tracker["trackOnce"] = (type) => {
    if (once.has(type)) return;
    once.add(type);
    track(type);
  };

  const onHide = () => {
    if (document.visibilityState === "hidden") flush();
  };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", flush);

  const watchVideo = (video: HTMLVideoElement) => {
    let progress = initialVideoProgress;
    const step = (signal: VideoSignal) => {
      const next = advanceVideo(progress, signal);
      progress = next.progress;
      for (const event of next.events)
        track(event.type, { watchSeconds: event.watchSeconds, now: event.type === "complete" });
    };
    const handlers: [string, () => void][] = [
      ["play", () => step({ kind: "play", position: video.currentTime })],
      ["seeking", () => step({ kind: "seek", position: video.currentTime })],
      ["timeupdate", () => step({ kind: "time", position: video.currentTime, duration: video.duration })],
      ["ended", () => step({ kind: "ended", duration: video.duration })],
    ];
    for (const [name, handler] of handlers) video.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of handlers) video.removeEventListener(name, handler);
    };
  };

  return {
    track,
    trackOnce,
    watchVideo,
    flush,
    dispose: () => {
      flush();
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flush);
    },
  };
}
