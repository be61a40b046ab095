import { afterEach, describe, expect, it, vi } from "vitest";
import { parseShowStreamMessage, type ShowStreamMessage } from "./clock-sync";
import { createShowHub, type ShowHub, type StreamAccess } from "./show-hub.server";
import { applyShowAction, createShowState, type ShowState } from "./show-state";

const NOW = 1_750_075_200_000;
let hub: ShowHub | null = null;
afterEach(() => {
  hub?.close();
  hub = null;
  vi.useRealTimers();
});

function setup(states: Record<string, ShowState>) {
  hub = createShowHub({ loadState: async (id) => states[id] ?? null, now: () => NOW });
  return hub;
}

const initial = createShowState({ showId: "a", blockCount: 10 });

describe("show hub", () => {
  it("sends the stored state as a snapshot on subscribe", async () => {
    const h = setup({ a: initial });
    const got: ShowStreamMessage[] = [];
    h.subscribe("a", (m) => got.push(m));
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toEqual({ type: "snapshot", state: initial, serverNow: NOW });
  });

  it("publishes to every subscriber of that show only, and stops after unsubscribe", async () => {
    const h = setup({ a: initial, b: createShowState({ showId: "b", blockCount: 3 }) });
    const one: ShowStreamMessage[] = [];
    const two: ShowStreamMessage[] = [];
    const other: ShowStreamMessage[] = [];
    const off = h.subscribe("a", (m) => one.push(m));
    h.subscribe("a", (m) => two.push(m));
    h.subscribe("b", (m) => other.push(m));
    await vi.waitFor(() => expect(one.length + two.length + other.length).toBe(3));
    const started = applyShowAction(initial, { type: "start" }, NOW);
    if (!started.ok) throw new Error(started.message);
    h.publish("a", started.state);
    expect(one.at(-1)).toMatchObject({ type: "snapshot", state: { version: 1, status: "running" } });
    expect(two.at(-1)).toEqual(one.at(-1));
    expect(other).toHaveLength(1);
    off();
    h.publish("a", { ...started.state, version: 2 });
    expect(one).toHaveLength(2);
    expect(two).toHaveLength(3);
    expect(h.subscriberCount("a")).toBe(1);
  });

  it("beats every second with the latest version, only while someone listens", async () => {
    vi.useFakeTimers();
    const h = setup({ a: { ...initial, version: 7 } });
    const got: ShowStreamMessage[] = [];
    const off = h.subscribe("a", (m) => got.push(m));
    await vi.advanceTimersByTimeAsync(3000);
    expect(got.filter((m) => m.type === "heartbeat")).toEqual([
      { type: "heartbeat", serverNow: NOW, version: 7 },
      { type: "heartbeat", serverNow: NOW, version: 7 },
      { type: "heartbeat", serverNow: NOW, version: 7 },
    ]);
    off();
    await vi.advanceTimersByTimeAsync(3000);
    expect(got.filter((m) => m.type === "heartbeat")).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("streams server-sent events with a snapshot first and unsubscribes on abort", async () => {
    const h = setup({ a: initial });
    const abort = new AbortController();
    const opened = h.createEventStreamResponse(
      "a",
      new Request("http://studio.test/shows/a/events", { signal: abort.signal }),
      { holder: "1", stillAllowed: () => true },
    );
    if (!opened.ok) throw new Error(opened.message);
    const { response } = opened;
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-cache");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("data: ")) text += decoder.decode((await reader.read()).value);
    while (!text.endsWith("\n\n")) text += decoder.decode((await reader.read()).value);
    const data = text
      .split("\n")
      .find((line) => line.startsWith("data: "))!
      .slice(6);
    expect(parseShowStreamMessage(data)).toMatchObject({ type: "snapshot", state: { showId: "a" } });
    expect(h.subscriberCount("a")).toBe(1);
    abort.abort();
    expect(h.subscriberCount("a")).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });

  it("caps open streams per person and per show, and frees a slot when a stream ends", () => {
    hub = createShowHub({
      loadState: () => initial,
      now: () => NOW,
      maxStreamsPerHolder: 2,
      maxStreamsPerShow: 3,
    });
    const h = hub;
    const open = (holder: string, showId = "a") => {
      const abort = new AbortController();
      const request = new Request(`http://studio.test/shows/${showId}/events`, { signal: abort.signal });
      return {
        result: h.createEventStreamResponse(showId, request, { holder, stillAllowed: () => true }),
        abort,
      };
    };
    const first = open("u1");
    expect(open("u1").result.ok).toBe(true);
    const third = open("u1").result;
    expect(third).toMatchObject({ ok: false, status: 429, code: "too_many_streams" });
    expect(!third.ok && third.message).toContain("2 个实时连接");
    expect(open("u1", "b").result.ok).toBe(true); // the person's cap is per show
    expect(open("u2").result.ok).toBe(true);
    const full = open("u3").result;
    expect(full).toMatchObject({ ok: false, status: 429 });
    expect(!full.ok && full.message).toContain("已达上限（3 个）");
    first.abort.abort();
    expect(open("u3").result.ok).toBe(true);
    expect(h.subscriberCount("a")).toBe(3);
  });

  it("asks again every few heartbeats and closes the stream with a closed event once access ends", async () => {
    vi.useFakeTimers();
    hub = createShowHub({ loadState: () => initial, now: () => NOW, recheckEveryBeats: 3 });
    const h = hub;
    let allowed = true;
    let asked = 0;
    const access: StreamAccess = {
      holder: "7",
      stillAllowed: async () => {
        asked += 1;
        return allowed;
      },
    };
    const opened = h.createEventStreamResponse("a", new Request("http://studio.test/shows/a/events"), access);
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const drain = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return true;
        text += decoder.decode(value);
        if (text.endsWith("\n\n") && !text.endsWith("retry: 1000\n\n")) return false;
      }
    };
    await vi.advanceTimersByTimeAsync(6000);
    expect(asked).toBe(2);
    expect(h.subscriberCount("a")).toBe(1);
    allowed = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(asked).toBe(3);
    let ended = false;
    while (!ended) ended = await drain();
    expect(text).toMatch(/event: closed\ndata: \{"reason":"access"\}\n\n$/);
    expect(h.subscriberCount("a")).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    // A check that throws (the session store is unreachable) closes the stream as well.
    const again = h.createEventStreamResponse("a", new Request("http://studio.test/shows/a/events"), {
      holder: "7",
      stillAllowed: () => {
        throw new Error("database closed");
      },
    });
    if (!again.ok) throw new Error(again.message);
    await vi.advanceTimersByTimeAsync(3000);
    expect(h.subscriberCount("a")).toBe(0);
  });

  it("answers clock probes with the server time", async () => {
    const h = setup({});
    expect(await h.createTimeResponse().json()).toEqual({ serverNow: NOW });
  });
});
