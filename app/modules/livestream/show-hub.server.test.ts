import { afterEach, describe, expect, it, vi } from "vitest";
import { parseShowStreamMessage, type ShowStreamMessage } from "./clock-sync";
import { createShowHub, type ShowHub } from "./show-hub.server";
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
    const response = h.createEventStreamResponse(
      "a",
      new Request("http://studio.test/shows/a/events", { signal: abort.signal }),
    );
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

  it("answers clock probes with the server time", async () => {
    const h = setup({});
    expect(await h.createTimeResponse().json()).toEqual({ serverNow: NOW });
  });
});
