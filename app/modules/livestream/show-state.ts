import { formatNumber } from "~/lib/dates";
import type { ErrorParams } from "~/lib/error-codes";
import {
  ADJUST_STEP_MS,
  MAX_BLOCK_OFFSET_MS,
  MAX_ONLINE_COUNT,
  RED_ENVELOPE_DEFAULT_THRESHOLD,
  RED_ENVELOPE_MAX_ROUNDS,
  RED_ENVELOPE_ROUND_SECONDS,
} from "./livestream-rules";

export type ShowStatus = "idle" | "running" | "paused" | "ended";

export interface RedEnvelopeRound {
  /** 1-based round number. */
  n: number;
  startedAt: number;
  endsAt: number;
}

export interface RedEnvelopeState {
  roundsFired: number;
  activeRound: RedEnvelopeRound | null;
  threshold: number;
  maxRounds: number;
  roundSeconds: number;
}

/**
 * Reference points, not ticks: every screen derives the countdown from `blockStartedAt`
 * (server epoch ms), `pausedAt` and the offsets, so a missed message never skews the clock.
 */
export interface ShowState {
  showId: string;
  /** Bumped by every accepted action; a gap tells a client it missed a snapshot. */
  version: number;
  status: ShowStatus;
  blockCount: number;
  blockIndex: number;
  blockStartedAt: number | null;
  pausedAt: number | null;
  /** Producer nudges per block index (as a string key, so the state round-trips through JSON). */
  blockOffsetsMs: Record<string, number>;
  onlineCount: number;
  peakOnline: number;
  redEnvelope: RedEnvelopeState;
}

export type ShowAction =
  // The reason is for going live from a script that is not approved (editors and admins only).
  | { type: "start"; overrideReason?: string }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "next" }
  | { type: "previous" }
  | { type: "jump"; blockIndex: number }
  | { type: "adjust"; deltaMs: number; blockIndex?: number }
  | { type: "setOnline"; count: number }
  | { type: "fireRedEnvelope" }
  | { type: "end" };

export type ShowActionType = ShowAction["type"];

export type ShowActionErrorCode =
  | "invalid_action"
  | "not_running"
  | "already_started"
  | "already_ended"
  | "not_paused"
  | "at_first_block"
  | "at_last_block"
  | "block_out_of_range"
  | "invalid_adjust"
  | "offset_limit"
  | "invalid_online_count"
  | "below_threshold"
  | "rounds_exhausted"
  | "round_active";

export interface ShowLogEntry {
  showId: string;
  /** Real server time of the action, epoch ms. */
  at: number;
  action: ShowAction;
  /** State version after the action. */
  version: number;
  statusBefore: ShowStatus;
  statusAfter: ShowStatus;
  blockIndexBefore: number;
  blockIndexAfter: number;
  /**
   * Set when the action leaves a block (or ends the show): the time actually spent on air
   * in it since it was entered, pauses excluded. The report sums these.
   */
  closedSegment: { blockIndex: number; activeMs: number } | null;
  redEnvelopeRound: number | null;
  onlineCount: number;
}

export type ShowActionResult =
  | { ok: true; state: ShowState; log: ShowLogEntry }
  | { ok: false; code: ShowActionErrorCode; message: string; params?: ErrorParams };

export interface CreateShowStateOptions {
  showId: string;
  blockCount: number;
  threshold?: number;
}

export function createShowState(options: CreateShowStateOptions): ShowState {
  return {
    showId: options.showId,
    version: 0,
    status: "idle",
    blockCount: options.blockCount,
    blockIndex: 0,
    blockStartedAt: null,
    pausedAt: null,
    blockOffsetsMs: {},
    onlineCount: 0,
    peakOnline: 0,
    redEnvelope: {
      roundsFired: 0,
      activeRound: null,
      threshold: options.threshold ?? RED_ENVELOPE_DEFAULT_THRESHOLD,
      maxRounds: RED_ENVELOPE_MAX_ROUNDS,
      roundSeconds: RED_ENVELOPE_ROUND_SECONDS,
    },
  };
}

/** On-air time spent in the current block so far, pauses excluded. */
export function blockElapsedMs(state: ShowState, nowMs: number): number {
  if (state.blockStartedAt === null) return 0;
  const until = state.pausedAt ?? nowMs;
  return Math.max(0, until - state.blockStartedAt);
}

export function blockOffsetMs(state: ShowState, blockIndex: number): number {
  return state.blockOffsetsMs[String(blockIndex)] ?? 0;
}

export function activeRedEnvelope(state: ShowState, nowMs: number): RedEnvelopeRound | null {
  const round = state.redEnvelope.activeRound;
  // An ended show has no round running: its screens stop the countdown with the show.
  return round && state.status !== "ended" && nowMs < round.endsAt ? round : null;
}

/** Whether the producer may fire a round now: the rule is on the PEAK, not the current count. */
export function redEnvelopeArmed(state: ShowState, nowMs: number): boolean {
  const re = state.redEnvelope;
  return (
    state.status === "running" &&
    state.peakOnline >= re.threshold &&
    re.roundsFired < re.maxRounds &&
    activeRedEnvelope(state, nowMs) === null
  );
}

/** `params` are what the code's translation interpolates (`errors.<code>`); `message` stays the log's text. */
const fail = (code: ShowActionErrorCode, message: string, params?: ErrorParams): ShowActionResult => ({
  ok: false,
  code,
  message,
  ...(params ? { params } : {}),
});

function moveTo(state: ShowState, blockIndex: number, now: number): ShowState {
  return {
    ...state,
    blockIndex,
    blockStartedAt: now,
    // Moving while paused lands on the new block, still paused, at its very start.
    pausedAt: state.status === "paused" ? now : null,
  };
}

/**
 * The only way a show changes. Time is injected so the server stamps every action once and
 * tests can replay any sequence exactly.
 */
export function applyShowAction(state: ShowState, action: ShowAction, now: number): ShowActionResult {
  if (!Number.isFinite(now)) return fail("invalid_action", "服务器时间无效", { context: "clock" });
  // Expired rounds are cleared lazily: a round ends by time, not by a message.
  const current: ShowState =
    state.redEnvelope.activeRound && now >= state.redEnvelope.activeRound.endsAt
      ? { ...state, redEnvelope: { ...state.redEnvelope, activeRound: null } }
      : state;

  if (current.status === "ended" && action.type !== "setOnline") {
    return fail("already_ended", "直播已结束");
  }

  const live = current.status === "running" || current.status === "paused";
  const closeCurrent = () => ({ blockIndex: current.blockIndex, activeMs: blockElapsedMs(current, now) });
  let next: ShowState;
  let closedSegment: ShowLogEntry["closedSegment"] = null;
  let redEnvelopeRound: number | null = null;

  switch (action.type) {
    case "start":
      if (current.status !== "idle") return fail("already_started", "直播已经开始");
      if (current.blockCount < 1)
        return fail("invalid_action", "流程为空，无法开播", { context: "emptyRundown" });
      next = { ...current, status: "running", blockIndex: 0, blockStartedAt: now, pausedAt: null };
      break;
    case "pause":
      if (current.status !== "running")
        return fail("not_running", "直播未在进行中，无法暂停", { context: "pause" });
      next = { ...current, status: "paused", pausedAt: now };
      break;
    case "resume": {
      if (current.status !== "paused" || current.pausedAt === null) return fail("not_paused", "直播未暂停");
      // Shift the reference point by the pause so elapsed time excludes it.
      const started = (current.blockStartedAt ?? now) + (now - current.pausedAt);
      next = { ...current, status: "running", blockStartedAt: started, pausedAt: null };
      break;
    }
    case "next":
      if (!live) return fail("not_running", "直播尚未开始");
      if (current.blockIndex >= current.blockCount - 1)
        return fail("at_last_block", "已是最后一段，请点「结束直播」");
      closedSegment = closeCurrent();
      next = moveTo(current, current.blockIndex + 1, now);
      break;
    case "previous":
      if (!live) return fail("not_running", "直播尚未开始");
      if (current.blockIndex === 0) return fail("at_first_block", "已是第一段");
      closedSegment = closeCurrent();
      next = moveTo(current, current.blockIndex - 1, now);
      break;
    case "jump":
      if (!live) return fail("not_running", "直播尚未开始");
      if (
        !Number.isInteger(action.blockIndex) ||
        action.blockIndex < 0 ||
        action.blockIndex >= current.blockCount
      ) {
        return fail("block_out_of_range", `段落编号必须在 1 到 ${current.blockCount} 之间`, {
          count: current.blockCount,
        });
      }
      if (action.blockIndex === current.blockIndex)
        return fail("invalid_action", "已在该段落", { context: "sameBlock" });
      closedSegment = closeCurrent();
      next = moveTo(current, action.blockIndex, now);
      break;
    case "adjust": {
      if (Math.abs(action.deltaMs) !== ADJUST_STEP_MS) {
        return fail("invalid_adjust", `每次只能增减 ${ADJUST_STEP_MS / 1000} 秒`, {
          seconds: ADJUST_STEP_MS / 1000,
        });
      }
      const target = action.blockIndex ?? current.blockIndex;
      if (!Number.isInteger(target) || target < 0 || target >= current.blockCount) {
        return fail("block_out_of_range", `段落编号必须在 1 到 ${current.blockCount} 之间`, {
          count: current.blockCount,
        });
      }
      const offset = blockOffsetMs(current, target) + action.deltaMs;
      if (Math.abs(offset) > MAX_BLOCK_OFFSET_MS) {
        return fail("offset_limit", `单段最多调整 ±${MAX_BLOCK_OFFSET_MS / 60_000} 分钟`, {
          minutes: MAX_BLOCK_OFFSET_MS / 60_000,
        });
      }
      const offsets = { ...current.blockOffsetsMs };
      if (offset === 0) delete offsets[String(target)];
      else offsets[String(target)] = offset;
      next = { ...current, blockOffsetsMs: offsets };
      break;
    }
    case "setOnline":
      if (!Number.isInteger(action.count) || action.count < 0 || action.count > MAX_ONLINE_COUNT) {
        return fail(
          "invalid_online_count",
          `在线人数必须是 0 到 ${formatNumber(MAX_ONLINE_COUNT)} 之间的整数`,
          { max: formatNumber(MAX_ONLINE_COUNT) },
        );
      }
      next = {
        ...current,
        onlineCount: action.count,
        peakOnline: Math.max(current.peakOnline, action.count),
      };
      break;
    case "fireRedEnvelope": {
      const re = current.redEnvelope;
      if (current.status !== "running")
        return fail("not_running", "直播进行中才能发红包雨", { context: "redEnvelope" });
      if (re.roundsFired >= re.maxRounds)
        return fail("rounds_exhausted", `本场红包雨已发满 ${re.maxRounds} 轮`, { max: re.maxRounds });
      if (re.activeRound)
        return fail("round_active", `第 ${re.activeRound.n} 轮红包雨还在进行中`, { round: re.activeRound.n });
      if (current.peakOnline < re.threshold) {
        return fail(
          "below_threshold",
          `在线峰值 ${current.peakOnline} 人，未达到 ${re.threshold} 人，不能发红包雨`,
          { peak: current.peakOnline, threshold: re.threshold },
        );
      }
      const n = re.roundsFired + 1;
      redEnvelopeRound = n;
      next = {
        ...current,
        redEnvelope: {
          ...re,
          roundsFired: n,
          activeRound: { n, startedAt: now, endsAt: now + re.roundSeconds * 1000 },
        },
      };
      break;
    }
    case "end":
      if (current.status === "idle") return fail("not_running", "直播尚未开始");
      closedSegment = closeCurrent();
      next = {
        ...current,
        status: "ended",
        pausedAt: current.pausedAt ?? now,
        redEnvelope: { ...current.redEnvelope, activeRound: null },
      };
      break;
    default:
      return fail("invalid_action", "未知操作");
  }

  next = { ...next, version: current.version + 1 };
  return {
    ok: true,
    state: next,
    log: {
      showId: current.showId,
      at: now,
      action,
      version: next.version,
      statusBefore: current.status,
      statusAfter: next.status,
      blockIndexBefore: current.blockIndex,
      blockIndexAfter: next.blockIndex,
      closedSegment,
      redEnvelopeRound,
      onlineCount: next.onlineCount,
    },
  };
}
