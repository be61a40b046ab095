import { WARNING_MS } from "./livestream-rules";
import type { RunOfShowBlock } from "./run-of-show";
import {
  activeRedEnvelope,
  blockElapsedMs,
  blockOffsetMs,
  redEnvelopeArmed,
  type ShowState,
  type ShowStatus,
} from "./show-state";

export interface RedEnvelopePosition {
  /** The producer may fire the next round now. */
  armed: boolean;
  roundsLeft: number;
  active: { n: number; remainingMs: number; totalMs: number } | null;
}

export interface ShowPosition {
  status: ShowStatus;
  blockIndex: number;
  block: RunOfShowBlock | null;
  nextBlock: RunOfShowBlock | null;
  /** Planned length of the current block including the producer's nudges. */
  durationMs: number;
  elapsedMs: number;
  /** Negative once the block overruns. */
  remainingMs: number;
  /** In the last seconds of the block, still on time. */
  warning: boolean;
  overrun: boolean;
  /** Counts up from zero once the block overruns. */
  overrunMs: number;
  /** Remaining time of this block (not below zero) plus every later block as planned. */
  showRemainingMs: number;
  redEnvelope: RedEnvelopePosition;
}

export function blockDurationMs(
  state: ShowState,
  blocks: readonly RunOfShowBlock[],
  blockIndex: number,
): number {
  const block = blocks[blockIndex];
  if (!block) return 0;
  // A nudge can take a block below zero only on paper; on air it just ends immediately.
  return Math.max(0, block.plannedSeconds * 1000 + blockOffsetMs(state, blockIndex));
}

/** Pure: every screen calls this each frame with its estimate of the server clock. */
export function computePosition(
  state: ShowState,
  blocks: readonly RunOfShowBlock[],
  nowMs: number,
): ShowPosition {
  const index = Math.min(Math.max(state.blockIndex, 0), Math.max(blocks.length - 1, 0));
  const durationMs = blockDurationMs(state, blocks, index);
  const elapsedMs = state.status === "idle" ? 0 : blockElapsedMs(state, nowMs);
  const remainingMs = durationMs - elapsedMs;
  const onAir = state.status === "running" || state.status === "paused";
  const overrun = onAir && remainingMs < 0;
  let later = 0;
  for (let i = index + 1; i < blocks.length; i += 1) later += blockDurationMs(state, blocks, i);

  const re = state.redEnvelope;
  const round = activeRedEnvelope(state, nowMs);
  return {
    status: state.status,
    blockIndex: index,
    block: blocks[index] ?? null,
    nextBlock: blocks[index + 1] ?? null,
    durationMs,
    elapsedMs,
    remainingMs,
    warning: onAir && remainingMs >= 0 && remainingMs <= WARNING_MS,
    overrun,
    overrunMs: overrun ? -remainingMs : 0,
    showRemainingMs: state.status === "ended" ? 0 : Math.max(0, remainingMs) + later,
    redEnvelope: {
      armed: redEnvelopeArmed(state, nowMs),
      roundsLeft: Math.max(0, re.maxRounds - re.roundsFired),
      active: round
        ? {
            n: round.n,
            remainingMs: Math.max(0, round.endsAt - nowMs),
            totalMs: round.endsAt - round.startedAt,
          }
        : null,
    },
  };
}

/** `m:ss`, with a leading minus for overruns shown as a countdown. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  // Round up while counting down so "0:00" appears exactly when the block is over.
  const totalSeconds = ms < 0 ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${minutes}:${String(seconds).padStart(2, "0")}`;
}
