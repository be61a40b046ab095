import { useCallback, useEffect, useRef, useState } from "react";
import {
  estimateClockOffset,
  parseShowStreamMessage,
  STREAM_CLOSED_EVENT,
  type ClockSample,
} from "~/modules/livestream/clock-sync";
import { STALE_AFTER_MS } from "~/modules/livestream/livestream-rules";
import type { ShowState } from "~/modules/livestream/show-state";
import {
  clockOffsetMs,
  createClockCore,
  isStale,
  receiveMessage,
  type ShowClockCore,
} from "./show-clock-core";

export interface ShowSnapshot {
  state: ShowState;
  serverNow: number;
}

export interface UseShowClockOptions {
  /** The show's SSE endpoint; it sends a snapshot on every (re)connect, then heartbeats. */
  eventsUrl: string;
  /** Optional `{ serverNow }` endpoint for round-trip clock probes (better than one-way). */
  timeUrl?: string;
  /** Optional `{ state, serverNow }` endpoint; without it a resync reopens the stream. */
  snapshotUrl?: string;
  initialSnapshot?: ShowSnapshot | null;
  staleAfterMs?: number;
  /** Re-render at most this often; the teleprompter wants every frame, a console does not. */
  frameIntervalMs?: number;
}

export interface ShowClock {
  state: ShowState | null;
  /** Estimated server time for this frame (epoch ms). */
  serverNow: number;
  offsetMs: number;
  stale: boolean;
  connected: boolean;
  /** The server ended the stream because this session may no longer watch: no reconnecting. */
  closed: boolean;
  /** Folds in a state the command endpoint returned, without waiting for the stream. */
  applySnapshot: (snapshot: ShowSnapshot) => void;
}

const PROBE_COUNT = 5;
const PROBE_EVERY_MS = 60_000;
const RECONNECT_MS = 2000;

/**
 * Draws the show from reference points: the state says when the block started on the server
 * clock, this hook estimates that clock and re-renders on animation frames. Nothing waits for
 * a tick, so a lost message never freezes the countdown.
 */
export function useShowClock(options: UseShowClockOptions): ShowClock {
  const { eventsUrl, timeUrl, snapshotUrl, staleAfterMs = STALE_AFTER_MS, frameIntervalMs = 0 } = options;
  const coreRef = useRef<ShowClockCore>(createClockCore(options.initialSnapshot ?? null, Date.now()));
  const [core, setCore] = useState<ShowClockCore>(coreRef.current);
  const [connected, setConnected] = useState(false);
  const [closed, setClosed] = useState(false);
  const [clientNow, setClientNow] = useState(() => Date.now());

  const commit = useCallback((next: ShowClockCore) => {
    coreRef.current = next;
    setCore(next);
  }, []);

  const applySnapshot = useCallback(
    (snapshot: ShowSnapshot) => {
      commit(receiveMessage(coreRef.current, { type: "snapshot", ...snapshot }, Date.now()).core);
    },
    [commit],
  );

  // Stream: EventSource retries by itself; a closed one (HTTP error) is reopened by hand.
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
    let disposed = false;
    let fetchingSnapshot = false;

    const open = () => {
      if (disposed) return;
      source?.close();
      source = new EventSource(eventsUrl);
      source.onopen = () => setConnected(true);
      // Access ended (disabled, signed out, expired): retrying would only bounce off the login page.
      source.addEventListener(STREAM_CLOSED_EVENT, () => {
        disposed = true;
        source?.close();
        setConnected(false);
        setClosed(true);
      });
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !reconnectTimer) {
          reconnectTimer = setTimeout(() => {
            reconnectTimer = null;
            open();
          }, RECONNECT_MS);
        }
      };
      source.onmessage = (event: MessageEvent<string>) => {
        const message = parseShowStreamMessage(event.data);
        if (!message) return;
        const { core: next, resync } = receiveMessage(coreRef.current, message, Date.now());
        commit(next);
        if (resync) requestSnapshot();
      };
    };

    const requestSnapshot = () => {
      if (!snapshotUrl) {
        open();
        return;
      }
      if (fetchingSnapshot) return;
      fetchingSnapshot = true;
      fetch(snapshotUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then((r) =>
          r.ok ? (r.json() as Promise<ShowSnapshot>) : Promise.reject(new Error(String(r.status))),
        )
        .then((snapshot) => {
          if (!disposed) applySnapshot(snapshot);
        })
        .catch(() => open())
        .finally(() => {
          fetchingSnapshot = false;
        });
    };

    open();
    return () => {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      source?.close();
    };
  }, [eventsUrl, snapshotUrl, commit, applySnapshot]);

  // Round-trip probes, sequential so they do not queue behind each other.
  useEffect(() => {
    if (!timeUrl) return;
    let disposed = false;
    const probe = async () => {
      const samples: ClockSample[] = [];
      for (let i = 0; i < PROBE_COUNT && !disposed; i += 1) {
        try {
          const clientSent = Date.now();
          const response = await fetch(timeUrl, { cache: "no-store" });
          const body = (await response.json()) as { serverNow?: unknown };
          const clientReceived = Date.now();
          if (typeof body.serverNow === "number")
            samples.push({ clientSent, serverTime: body.serverNow, clientReceived });
        } catch {
          // One failed probe is fine; the one-way estimate still stands.
        }
      }
      const estimate = estimateClockOffset(samples);
      if (estimate && !disposed) commit({ ...coreRef.current, probedOffsetMs: estimate.offsetMs });
    };
    void probe();
    const timer = setInterval(() => void probe(), PROBE_EVERY_MS);
    return () => {
      disposed = true;
      clearInterval(timer);
    };
  }, [timeUrl, commit]);

  // Frames: React state only changes when the frame interval has passed.
  useEffect(() => {
    if (typeof requestAnimationFrame === "undefined") return;
    let handle = 0;
    let last = 0;
    const frame = () => {
      const t = Date.now();
      if (t - last >= frameIntervalMs) {
        last = t;
        setClientNow(t);
      }
      handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [frameIntervalMs]);

  const offsetMs = clockOffsetMs(core);
  return {
    state: core.state,
    serverNow: clientNow + offsetMs,
    offsetMs,
    stale: isStale(core, clientNow, staleAfterMs),
    connected,
    closed,
    applySnapshot,
  };
}
