import { describe, expect, it } from "vitest";
import {
  advanceVideo,
  batchBody,
  initialVideoProgress,
  makeEventId,
  MAX_BATCH,
  toBatches,
  type TrackedEvent,
  type VideoProgress,
  type VideoSignal,
} from "./tracker-core";

const ID = /^[A-Za-z0-9_-]{8,64}$/;

function events(n: number): TrackedEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `event-${String(i).padStart(4, "0")}`,
    type: "page_view",
  }));
}

/** Runs signals through the video reporter and lists what it would send. */
function play(signals: VideoSignal[], start: VideoProgress = initialVideoProgress) {
  let progress = start;
  const sent: { type: string; watchSeconds: number }[] = [];
  for (const signal of signals) {
    const step = advanceVideo(progress, signal);
    progress = step.progress;
    sent.push(...step.events);
  }
  return { progress, sent, types: sent.map((e) => e.type) };
}

/** Time updates every quarter second from `from` to `to` (as a browser sends them while playing). */
function ticks(from: number, to: number, duration: number): VideoSignal[] {
  const out: VideoSignal[] = [];
  for (let t = from; t <= to + 1e-9; t += 0.25) out.push({ kind: "time", position: t, duration });
  return out;
}

describe("batches", () => {
  it("splits a queue into batches of at most 50, in order, and keeps a short queue whole", () => {
    expect(toBatches(events(0))).toEqual([]);
    expect(toBatches(events(3)).map((b) => b.length)).toEqual([3]);
    expect(toBatches(events(50)).map((b) => b.length)).toEqual([50]);
    const split = toBatches(events(121));
    expect(split.map((b) => b.length)).toEqual([50, 50, 21]);
    expect(split.flat().map((e) => e.id)).toEqual(events(121).map((e) => e.id));
    expect(MAX_BATCH).toBe(50);
  });

  it("writes the body in the endpoint's field names, leaving out a direct source and empty UTM values", () => {
    const context = {
      slug: "rain-tips",
      source: "poster-12-wangfang",
      utmSource: "wechat",
      utmMedium: null,
      utmCampaign: "spring",
    };
    expect(JSON.parse(batchBody(context, events(1)))).toEqual({
      slug: "rain-tips",
      src: "poster-12-wangfang",
      utm_source: "wechat",
      utm_campaign: "spring",
      events: [{ id: "event-0000", type: "page_view" }],
    });
    const direct = JSON.parse(
      batchBody({ slug: "x", source: "direct", utmSource: null, utmMedium: null, utmCampaign: null }, []),
    );
    expect(direct).toEqual({ slug: "x", events: [] });
  });
});

describe("event ids", () => {
  it("uses randomUUID where there is one, else random bytes, else Math.random; always in the endpoint's alphabet", () => {
    expect(makeEventId({ randomUUID: () => "0b7e2c1a-3f4d-4e5f-8a9b-0c1d2e3f4a5b" })).toBe(
      "0b7e2c1a-3f4d-4e5f-8a9b-0c1d2e3f4a5b",
    );
    const fromBytes = makeEventId({
      getRandomValues: (a: Uint8Array) => {
        a.forEach((_, i) => (a[i] = i * 7));
        return a;
      },
    });
    expect(fromBytes).toMatch(ID);
    const fromMath = makeEventId(null, () => 0.5);
    expect(fromMath).toMatch(ID);
    const real = new Set(Array.from({ length: 200 }, () => makeEventId(null)));
    expect(real.size).toBe(200);
    for (const id of real) expect(id).toMatch(ID);
  });
});

describe("the video's reporting", () => {
  it("sends play, each quartile and complete once, with the seconds watched", () => {
    const run = play([{ kind: "play", position: 0 }, ...ticks(0, 20, 20), { kind: "ended", duration: 20 }]);
    expect(run.types).toEqual(["play", "progress_25", "progress_50", "progress_75", "complete"]);
    expect(run.sent.map((e) => e.watchSeconds)).toEqual([0, 5, 10, 15, 20]);
  });

  it("does not send play or a quartile again after a pause, a replay or a second pass", () => {
    const first = play([{ kind: "play", position: 0 }, ...ticks(0, 12, 20)]);
    expect(first.types).toEqual(["play", "progress_25", "progress_50"]);
    const again = play(
      [
        { kind: "play", position: 12 },
        ...ticks(12, 20, 20),
        { kind: "ended", duration: 20 },
        { kind: "seek", position: 0 },
        { kind: "play", position: 0 },
        ...ticks(0, 20, 20),
        { kind: "ended", duration: 20 },
      ],
      first.progress,
    );
    expect(again.types).toEqual(["progress_75", "complete"]);
  });

  it("does not count a seek as watched time, though the position passes the quartiles", () => {
    const run = play([
      { kind: "play", position: 0 },
      ...ticks(0, 2, 40),
      { kind: "seek", position: 31 },
      { kind: "time", position: 31, duration: 40 },
    ]);
    expect(run.types).toEqual(["play", "progress_25", "progress_50", "progress_75"]);
    expect(run.sent.at(-1)!.watchSeconds).toBe(2);
    // A jump without a seeking event (a stalled player catching up) is not counted either.
    const jump = play([
      { kind: "play", position: 0 },
      ...ticks(0, 1, 40),
      { kind: "time", position: 9, duration: 40 },
    ]);
    expect(Math.floor(jump.progress.watched)).toBe(1);
  });

  it("waits for a known duration before judging quartiles", () => {
    const run = play([
      { kind: "play", position: 0 },
      { kind: "time", position: 0.2, duration: Number.NaN },
      { kind: "time", position: 0.4, duration: Infinity },
      { kind: "time", position: 0.6, duration: 0 },
    ]);
    expect(run.types).toEqual(["play"]);
  });

  it("on ended, reports the quartiles the last time updates skipped and the tail as watched", () => {
    const run = play([{ kind: "play", position: 0 }, ...ticks(0, 3.5, 4), { kind: "ended", duration: 4 }]);
    expect(run.types).toEqual(["play", "progress_25", "progress_50", "progress_75", "complete"]);
    expect(run.sent.at(-1)!.watchSeconds).toBe(4);
    const skipped = play([
      { kind: "play", position: 0 },
      { kind: "ended", duration: 4 },
    ]);
    expect(skipped.types).toEqual(["play", "progress_25", "progress_50", "progress_75", "complete"]);
  });
});
