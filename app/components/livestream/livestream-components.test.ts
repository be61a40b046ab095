import { MantineProvider } from "@mantine/core";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/locales";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { computeRunOfShow } from "~/modules/livestream/run-of-show";
import { showScriptInputSchema, toShowScript } from "~/modules/livestream/show-script";
import {
  applyShowAction,
  createShowState,
  type ShowAction,
  type ShowState,
} from "~/modules/livestream/show-state";
import { ProducerConsole } from "./producer-console";
import { advanceReadingPosition, initialReadingPosition } from "./reading-pace";
import { clockOffsetMs, createClockCore, isStale, receiveMessage } from "./show-clock-core";
import { Teleprompter } from "./teleprompter";

const blocks = computeRunOfShow(
  toShowScript(showScriptInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse(demoShowScriptInput())),
);
const T0 = 1_750_075_200_000;

function stateAfter(actions: ShowAction[]): ShowState {
  let state = createShowState({ showId: "s1", blockCount: blocks.length });
  for (const action of actions) {
    const r = applyShowAction(state, action, T0);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  return state;
}

describe("show clock core", () => {
  const state = stateAfter([{ type: "start" }]);

  it("adopts snapshots, ignores older ones and asks for a resync on a version gap", () => {
    let core = createClockCore(null, 0);
    core = receiveMessage(core, { type: "snapshot", state, serverNow: T0 }, 100).core;
    expect(core.state?.version).toBe(1);
    const older = { ...state, version: 0, status: "idle" as const };
    expect(
      receiveMessage(core, { type: "snapshot", state: older, serverNow: T0 }, 200).core.state?.status,
    ).toBe("running");
    expect(receiveMessage(core, { type: "heartbeat", serverNow: T0 + 1000, version: 1 }, 1100).resync).toBe(
      false,
    );
    expect(receiveMessage(core, { type: "heartbeat", serverNow: T0 + 1000, version: 3 }, 1100).resync).toBe(
      true,
    );
  });

  it("turns stale after 3 s without a message and estimates the offset from heartbeats", () => {
    let core = createClockCore(null, 0);
    expect(isStale(core, 2_999, 3000)).toBe(false);
    expect(isStale(core, 3_001, 3000)).toBe(true);
    core = receiveMessage(core, { type: "heartbeat", serverNow: T0 + 1000, version: 0 }, 5_080).core;
    core = receiveMessage(core, { type: "heartbeat", serverNow: T0 + 2000, version: 0 }, 6_020).core;
    expect(isStale(core, 9_000, 3000)).toBe(false);
    expect(isStale(core, 9_021, 3000)).toBe(true);
    expect(clockOffsetMs(core)).toBe(T0 + 2000 - 6_020);
    expect(clockOffsetMs({ ...core, probedOffsetMs: 42 })).toBe(42);
  });
});

describe("reading pace", () => {
  it("finishes the text exactly when the time runs out, and slows down when time is added", () => {
    let pos = 0;
    for (let left = 30_000; left > 0; left -= 100) pos = advanceReadingPosition(pos, 125, left, 100);
    expect(pos).toBeCloseTo(125, 6);
    const halfway = advanceReadingPosition(0, 100, 20_000, 10_000);
    expect(halfway).toBe(50);
    // +30 s at the halfway point: the same 50 characters now spread over 40 s.
    expect(advanceReadingPosition(halfway, 100, 40_000, 10_000)).toBe(62.5);
    expect(advanceReadingPosition(10, 100, -5000, 16)).toBe(100);
    expect(initialReadingPosition(100, 15_000, 60_000)).toBe(25);
    expect(initialReadingPosition(0, 15_000, 60_000)).toBe(0);
  });
});

describe("screens render", () => {
  const wrap = (el: ReactElement, lang: Language = "zh") =>
    renderToString(
      createElement(I18nextProvider, { i18n: createI18n(lang) }, createElement(MantineProvider, null, el)),
    );
  const live = stateAfter([{ type: "start" }, { type: "setOnline", count: 3200 }]);
  const base = { blocks, initialSnapshot: { state: live, serverNow: T0 }, eventsUrl: "/shows/s1/events" };

  it("shows the current block, its text and the next block on the teleprompter", () => {
    const html = wrap(createElement(Teleprompter, base));
    expect(html).toContain("开场");
    expect(html).toContain("家人们晚上好");
    expect(html).toContain("下一段：第1轮 · 商品1「轩逸 经典款」 · 痛点");
    expect(wrap(createElement(Teleprompter, base), "en")).toContain("Next");
  });

  it("offers the producer the first red-envelope round once the peak passes 3000", async () => {
    const html = wrap(
      createElement(ProducerConsole, { ...base, onCommand: async () => ({ ok: true as const }) }),
    );
    expect(html).toContain("发第 1/3 轮红包雨");
    expect(html).toContain("3,200");
    expect(html).toContain("暂停");
    const quiet = wrap(
      createElement(ProducerConsole, {
        ...base,
        initialSnapshot: { state: stateAfter([{ type: "start" }]), serverNow: T0 },
      }),
    );
    expect(quiet).not.toContain("红包雨");
  });
});
