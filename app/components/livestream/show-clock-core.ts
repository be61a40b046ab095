import { estimateOneWayOffset, type ShowStreamMessage } from "~/modules/livestream/clock-sync";
import type { ShowState } from "~/modules/livestream/show-state";

/** What a screen knows about the show, kept apart from React so it can be tested directly. */
export interface ShowClockCore {
  state: ShowState | null;
  /** Client clock of the last message of any kind: snapshots prove liveness as well. */
  lastMessageAt: number | null;
  oneWaySamples: { serverTime: number; clientReceived: number }[];
  /** From round-trip probes when a time URL is available; preferred over one-way samples. */
  probedOffsetMs: number | null;
}

const MAX_ONE_WAY_SAMPLES = 30;

export function createClockCore(
  initial?: { state: ShowState; serverNow: number } | null,
  clientNow?: number,
): ShowClockCore {
  return {
    state: initial?.state ?? null,
    // A grace period from mount: the stream gets the stale window to deliver its first message.
    lastMessageAt: clientNow ?? null,
    oneWaySamples:
      initial && clientNow !== undefined
        ? [{ serverTime: initial.serverNow, clientReceived: clientNow }]
        : [],
    probedOffsetMs: null,
  };
}

/**
 * Folds one stream message in. `resync` asks the caller for a full snapshot: a heartbeat
 * announcing a newer version means a snapshot was lost.
 */
export function receiveMessage(
  core: ShowClockCore,
  message: ShowStreamMessage,
  clientNow: number,
): { core: ShowClockCore; resync: boolean } {
  const oneWaySamples = [
    ...core.oneWaySamples,
    { serverTime: message.serverNow, clientReceived: clientNow },
  ].slice(-MAX_ONE_WAY_SAMPLES);
  const base = { ...core, lastMessageAt: clientNow, oneWaySamples };
  if (message.type === "heartbeat") {
    return { core: base, resync: core.state !== null && message.version > core.state.version };
  }
  const incoming = message.state;
  // Snapshots can cross on the wire (publish racing a reconnect): never step back in time.
  const older =
    core.state !== null && core.state.showId === incoming.showId && incoming.version < core.state.version;
  return { core: older ? base : { ...base, state: incoming }, resync: false };
}

export function clockOffsetMs(core: ShowClockCore): number {
  return core.probedOffsetMs ?? estimateOneWayOffset(core.oneWaySamples) ?? 0;
}

export function isStale(core: ShowClockCore, clientNow: number, staleAfterMs: number): boolean {
  return core.lastMessageAt === null ? true : clientNow - core.lastMessageAt > staleAfterMs;
}
