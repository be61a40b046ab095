import type { BlockKind, RunOfShowBlock } from "./run-of-show";
import { blockDurationMs } from "./show-position";
import type { ShowLogEntry, ShowState } from "./show-state";

export type ReportRowStatus = "overrun" | "on_time" | "short" | "not_reached";

export interface ShowReportRow {
  blockIndex: number;
  blockId: string;
  /** The stored (Chinese) title; a page names the block from the fields below with `blockTitle`. */
  title: string;
  kind: BlockKind;
  loop: number;
  productIndex?: number;
  productName?: string;
  plannedSeconds: number;
  /** Planned plus the producer's nudges. */
  adjustedSeconds: number;
  /** On-air seconds, pauses excluded; null when the block never aired. */
  actualSeconds: number | null;
  /** Actual minus adjusted; positive = overrun. */
  deltaSeconds: number | null;
  status: ReportRowStatus;
}

export interface ShowReport {
  rows: ShowReportRow[];
  plannedSeconds: number;
  actualSeconds: number;
  overrunBlocks: number;
  peakOnline: number;
  redEnvelopeRoundsFired: number;
  redEnvelopeRounds: { n: number; firedAt: number }[];
  startedAt: number | null;
  endedAt: number | null;
}

/** Within this many seconds of the plan a block counts as on time: nobody cues to the second. */
const ON_TIME_TOLERANCE_SECONDS = 5;

/**
 * Planned vs actual per block, overruns first (largest first) because that is what the
 * producer reviews after the show; the rest keep run order.
 */
export function buildShowReport(
  blocks: readonly RunOfShowBlock[],
  logEntries: readonly ShowLogEntry[],
  state: ShowState,
): ShowReport {
  const entries = [...logEntries].sort((a, b) => a.at - b.at || a.version - b.version);
  const actualMs = new Map<number, number>();
  for (const entry of entries) {
    if (entry.closedSegment) {
      const { blockIndex, activeMs } = entry.closedSegment;
      actualMs.set(blockIndex, (actualMs.get(blockIndex) ?? 0) + activeMs);
    }
  }

  const rows: ShowReportRow[] = blocks.map((block, blockIndex) => {
    const adjustedSeconds = blockDurationMs(state, blocks, blockIndex) / 1000;
    const ms = actualMs.get(blockIndex);
    const actualSeconds = ms === undefined ? null : Math.round(ms / 1000);
    const deltaSeconds = actualSeconds === null ? null : actualSeconds - adjustedSeconds;
    let status: ReportRowStatus = "not_reached";
    if (deltaSeconds !== null) {
      status =
        deltaSeconds > ON_TIME_TOLERANCE_SECONDS
          ? "overrun"
          : deltaSeconds < -ON_TIME_TOLERANCE_SECONDS
            ? "short"
            : "on_time";
    }
    return {
      blockIndex,
      blockId: block.id,
      title: block.title,
      kind: block.kind,
      loop: block.loop,
      productIndex: block.productIndex,
      productName: block.productName,
      plannedSeconds: block.plannedSeconds,
      adjustedSeconds,
      actualSeconds,
      deltaSeconds,
      status,
    };
  });

  const overruns = rows
    .filter((r) => r.status === "overrun")
    .sort((a, b) => (b.deltaSeconds ?? 0) - (a.deltaSeconds ?? 0));
  const rest = rows.filter((r) => r.status !== "overrun");
  const started = entries.find((e) => e.action.type === "start");
  const ended = entries.find((e) => e.action.type === "end");

  return {
    rows: [...overruns, ...rest],
    plannedSeconds: blocks.reduce((s, b) => s + b.plannedSeconds, 0),
    actualSeconds: rows.reduce((s, r) => s + (r.actualSeconds ?? 0), 0),
    overrunBlocks: overruns.length,
    peakOnline: state.peakOnline,
    redEnvelopeRoundsFired: state.redEnvelope.roundsFired,
    redEnvelopeRounds: entries
      .filter((e) => e.redEnvelopeRound !== null)
      .map((e) => ({ n: e.redEnvelopeRound as number, firedAt: e.at })),
    startedAt: started?.at ?? null,
    endedAt: ended?.at ?? null,
  };
}
