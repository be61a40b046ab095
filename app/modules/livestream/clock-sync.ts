import type { ShowState } from "./show-state";

export interface ClockSample {
  /** Client clock when the request left. */
  clientSent: number;
  /** Server clock when it answered. */
  serverTime: number;
  /** Client clock when the answer arrived. */
  clientReceived: number;
}

export interface ClockOffsetEstimate {
  /** Add to the client clock to get the server clock. */
  offsetMs: number;
  /** Round trip of the best sample: the estimate is off by at most half of it. */
  rttMs: number;
  samplesUsed: number;
}

/**
 * NTP-style: each sample brackets the server time between send and receive. Samples with the
 * shortest round trip suffered the least queuing, so only those (within a small margin of the
 * best) vote, and the median of their offsets resists one asymmetric outlier.
 */
export function estimateClockOffset(
  samples: readonly ClockSample[],
  marginMs = 10,
): ClockOffsetEstimate | null {
  const valid = samples
    .filter(
      (s) =>
        Number.isFinite(s.clientSent) &&
        Number.isFinite(s.serverTime) &&
        Number.isFinite(s.clientReceived) &&
        s.clientReceived >= s.clientSent,
    )
    .map((s) => ({
      rtt: s.clientReceived - s.clientSent,
      offset: s.serverTime - (s.clientSent + s.clientReceived) / 2,
    }));
  if (valid.length === 0) return null;
  const minRtt = Math.min(...valid.map((v) => v.rtt));
  const best = valid
    .filter((v) => v.rtt <= minRtt + marginMs)
    .map((v) => v.offset)
    .sort((a, b) => a - b);
  const mid = Math.floor(best.length / 2);
  const offsetMs = best.length % 2 === 1 ? best[mid] : (best[mid - 1] + best[mid]) / 2;
  return { offsetMs: Math.round(offsetMs), rttMs: minRtt, samplesUsed: best.length };
}

/**
 * Fallback when only one-way messages (SSE heartbeats) are available: serverNow minus arrival
 * time is the offset minus that message's delay, so the largest value is the least delayed one.
 */
export function estimateOneWayOffset(
  samples: readonly { serverTime: number; clientReceived: number }[],
): number | null {
  const diffs = samples
    .filter((s) => Number.isFinite(s.serverTime) && Number.isFinite(s.clientReceived))
    .map((s) => s.serverTime - s.clientReceived);
  return diffs.length === 0 ? null : Math.max(...diffs);
}

/**
 * The `event:` name of the last message of a stream the server ends because the session may no
 * longer watch (disabled, signed out, expired, role changed). Every other message is unnamed.
 */
export const STREAM_CLOSED_EVENT = "closed";

/** Messages on the show's event stream. */
export type ShowStreamMessage =
  | { type: "snapshot"; state: ShowState; serverNow: number }
  | { type: "heartbeat"; serverNow: number; version: number };

export function parseShowStreamMessage(data: string): ShowStreamMessage | null {
  try {
    const value = JSON.parse(data) as Partial<ShowStreamMessage> | null;
    if (!value || typeof value !== "object" || typeof value.serverNow !== "number") return null;
    if (value.type === "heartbeat" && typeof value.version === "number") return value as ShowStreamMessage;
    if (value.type === "snapshot" && value.state && typeof value.state === "object")
      return value as ShowStreamMessage;
    return null;
  } catch {
    return null;
  }
}
