import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { demoShowScriptInput } from "./demo-show-script";
import { computeRunOfShow } from "./run-of-show";
import { showActionSchema } from "./show-action-schema";
import { computePosition, formatClock } from "./show-position";
import { buildShowReport } from "./show-report";
import { showScriptInputSchema, toShowScript } from "./show-script";
import {
  applyShowAction,
  createShowState,
  type ShowAction,
  type ShowLogEntry,
  type ShowState,
} from "./show-state";

const blocks = computeRunOfShow(
  toShowScript(showScriptInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse(demoShowScriptInput())),
);
const T0 = Date.UTC(2025, 5, 16, 12, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

/** Applies actions at the given second offsets; fails the test on any refusal. */
function run(
  steps: [number, ShowAction][],
  start: ShowState = createShowState({ showId: "show-1", blockCount: blocks.length }),
) {
  let state = start;
  const logs: ShowLogEntry[] = [];
  for (const [at, action] of steps) {
    const result = applyShowAction(state, action, s(at));
    if (!result.ok) throw new Error(`${action.type} at ${at}s refused: ${result.message}`);
    state = result.state;
    logs.push(result.log);
  }
  return { state, logs };
}

function refusal(state: ShowState, action: ShowAction, at: number) {
  const result = applyShowAction(state, action, s(at));
  if (result.ok) throw new Error(`${action.type} unexpectedly accepted`);
  return result;
}

describe("show state machine", () => {
  it("counts down the opening from the server start time", () => {
    const { state } = run([[0, { type: "start" }]]);
    const p = computePosition(state, blocks, s(100.5));
    expect(p.block!.id).toBe("opening");
    expect(p.elapsedMs).toBe(100_500);
    expect(p.remainingMs).toBe(19_500);
    expect(p.warning).toBe(false);
    expect(p.nextBlock!.id).toBe("l1-p1-pain");
    expect(computePosition(state, blocks, s(111)).warning).toBe(true);
  });

  it("excludes paused time and keeps the countdown frozen while paused", () => {
    const { state } = run([
      [0, { type: "start" }],
      [40, { type: "pause" }],
    ]);
    expect(computePosition(state, blocks, s(40)).remainingMs).toBe(80_000);
    expect(computePosition(state, blocks, s(500)).remainingMs).toBe(80_000);
    const resumed = run([[100, { type: "resume" }]], state).state;
    expect(resumed.blockStartedAt).toBe(s(60));
    expect(computePosition(resumed, blocks, s(110)).remainingMs).toBe(70_000);
  });

  it("adds and removes 30 s on the current block", () => {
    const { state } = run([
      [0, { type: "start" }],
      [10, { type: "adjust", deltaMs: 30_000 }],
      [11, { type: "adjust", deltaMs: 30_000 }],
      [12, { type: "adjust", deltaMs: -30_000 }],
    ]);
    expect(state.blockOffsetsMs).toEqual({ "0": 30_000 });
    expect(computePosition(state, blocks, s(20)).remainingMs).toBe(130_000);
    expect(refusal(state, { type: "adjust", deltaMs: 45_000 }, 21).code).toBe("invalid_adjust");
  });

  it("detects an overrun and counts it up", () => {
    const { state } = run([
      [0, { type: "start" }],
      [120, { type: "next" }],
    ]);
    const p = computePosition(state, blocks, s(120 + 37));
    expect(p.block!.id).toBe("l1-p1-pain");
    expect(p.overrun).toBe(true);
    expect(p.overrunMs).toBe(7000);
    expect(p.remainingMs).toBe(-7000);
    expect(formatClock(p.remainingMs)).toBe("-0:07");
    expect(formatClock(29_001)).toBe("0:30");
  });

  it("moves through blocks and refuses to leave the run of show", () => {
    const started = run([[0, { type: "start" }]]).state;
    expect(refusal(started, { type: "previous" }, 1).code).toBe("at_first_block");
    expect(refusal(started, { type: "jump", blockIndex: blocks.length }, 1).code).toBe("block_out_of_range");
    const last = run([[5, { type: "jump", blockIndex: blocks.length - 1 }]], started).state;
    expect(refusal(last, { type: "next" }, 6).code).toBe("at_last_block");
    const ended = run([[7, { type: "end" }]], last).state;
    expect(ended.status).toBe("ended");
    expect(refusal(ended, { type: "start" }, 8).code).toBe("already_ended");
    expect(refusal(createShowState({ showId: "x", blockCount: 3 }), { type: "next" }, 0).code).toBe(
      "not_running",
    );
  });

  it("stays paused when the producer moves while paused", () => {
    const { state } = run([
      [0, { type: "start" }],
      [10, { type: "pause" }],
      [20, { type: "next" }],
    ]);
    expect(state.status).toBe("paused");
    expect(computePosition(state, blocks, s(90)).elapsedMs).toBe(0);
  });

  it("refuses absurd online counts and tracks the peak", () => {
    const { state } = run([
      [0, { type: "start" }],
      [1, { type: "setOnline", count: 3200 }],
      [2, { type: "setOnline", count: 1500 }],
    ]);
    expect(state.onlineCount).toBe(1500);
    expect(state.peakOnline).toBe(3200);
    for (const count of [-1, 2.5, Number.NaN, 50_000_000]) {
      expect(refusal(state, { type: "setOnline", count }, 3).code).toBe("invalid_online_count");
    }
  });
});

describe("red-envelope rain", () => {
  const live = run([
    [0, { type: "start" }],
    [1, { type: "setOnline", count: 2999 }],
  ]).state;

  it("is refused below the threshold and armed by the peak, not the current count", () => {
    const r = refusal(live, { type: "fireRedEnvelope" }, 2);
    expect(r.code).toBe("below_threshold");
    expect(r.message).toContain("3000");
    expect(computePosition(live, blocks, s(2)).redEnvelope.armed).toBe(false);
    const dipped = run(
      [
        [3, { type: "setOnline", count: 3000 }],
        [4, { type: "setOnline", count: 2100 }],
      ],
      live,
    ).state;
    expect(computePosition(dipped, blocks, s(5)).redEnvelope.armed).toBe(true);
    expect(run([[5, { type: "fireRedEnvelope" }]], dipped).state.redEnvelope.roundsFired).toBe(1);
  });

  it("runs 90 s rounds, refuses one while active and a 4th round", () => {
    const { state, logs } = run(
      [
        [3, { type: "setOnline", count: 4500 }],
        [10, { type: "fireRedEnvelope" }],
      ],
      live,
    );
    const position = computePosition(state, blocks, s(40));
    expect(position.redEnvelope.active).toEqual({ n: 1, remainingMs: 60_000, totalMs: 90_000 });
    expect(position.redEnvelope.armed).toBe(false);
    expect(logs[1].redEnvelopeRound).toBe(1);
    expect(refusal(state, { type: "fireRedEnvelope" }, 99).code).toBe("round_active");

    const three = run(
      [
        [100, { type: "fireRedEnvelope" }],
        [200, { type: "fireRedEnvelope" }],
      ],
      state,
    ).state;
    expect(three.redEnvelope.roundsFired).toBe(3);
    expect(computePosition(three, blocks, s(250)).redEnvelope.active?.n).toBe(3);
    const fourth = refusal(three, { type: "fireRedEnvelope" }, 400);
    expect(fourth.code).toBe("rounds_exhausted");
    expect(fourth.message).toContain("3 轮");
    expect(computePosition(three, blocks, s(400)).redEnvelope).toMatchObject({
      armed: false,
      roundsLeft: 0,
      active: null,
    });
  });
});

describe("show report", () => {
  it("lists overruns first, largest first, with actual on-air time excluding pauses", () => {
    const { state, logs } = run([
      [0, { type: "start" }],
      [1, { type: "setOnline", count: 3500 }],
      [130, { type: "next" }], // opening 120 s planned, 130 s actual: +10
      [150, { type: "pause" }],
      [200, { type: "resume" }],
      [210, { type: "next" }], // pain 30 s planned, 30 s on air (50 s paused)
      [230, { type: "fireRedEnvelope" }],
      [300, { type: "adjust", deltaMs: 30_000 }],
      [305, { type: "next" }], // selling 60+30 s planned, 95 s actual: +5 is on time
      [340, { type: "next" }], // perk 30 s, 35 s actual: +5 on time
      [400, { type: "next" }], // product 2 pain 30 s, 60 s actual: +30
      [405, { type: "end" }],
    ]);
    const report = buildShowReport(blocks, logs, state);
    expect(report.rows.slice(0, 2).map((r) => [r.blockId, r.deltaSeconds, r.status])).toEqual([
      ["l1-p2-pain", 30, "overrun"],
      ["opening", 10, "overrun"],
    ]);
    expect(report.rows.slice(2, 5).map((r) => [r.blockId, r.actualSeconds, r.status])).toEqual([
      ["l1-p1-pain", 30, "on_time"],
      ["l1-p1-selling", 95, "on_time"],
      ["l1-p1-perk", 35, "on_time"],
    ]);
    expect(report.rows.find((r) => r.blockId === "l1-p2-selling")).toMatchObject({
      actualSeconds: 5,
      status: "short",
    });
    expect(report.rows.at(-1)).toMatchObject({
      blockId: "closing",
      status: "not_reached",
      actualSeconds: null,
    });
    expect(report.overrunBlocks).toBe(2);
    expect(report.peakOnline).toBe(3500);
    expect(report.redEnvelopeRoundsFired).toBe(1);
    expect(report.redEnvelopeRounds).toEqual([{ n: 1, firedAt: s(230) }]);
    expect(logs.every((l) => Number.isFinite(l.at))).toBe(true);
  });
});

describe("action body schema", () => {
  it("accepts producer commands and refuses bad ones at the field", () => {
    expect(showActionSchema.parse({ type: "setOnline", count: "3200" })).toEqual({
      type: "setOnline",
      count: 3200,
    });
    const bad = showActionSchema.safeParse({ type: "setOnline", count: -5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["count"], message: "在线人数不能为负数" });
    expect(showActionSchema.safeParse({ type: "adjust", deltaMs: 60_000 }).success).toBe(false);
    expect(showActionSchema.safeParse({ type: "selfDestruct" }).success).toBe(false);
  });
});
