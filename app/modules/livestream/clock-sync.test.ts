import { describe, expect, it } from "vitest";
import { estimateClockOffset, estimateOneWayOffset, parseShowStreamMessage } from "./clock-sync";

describe("clock offset estimation", () => {
  it("recovers the server offset from symmetric round trips", () => {
    // Server runs 5 s ahead; 40 ms each way.
    expect(estimateClockOffset([{ clientSent: 1000, serverTime: 6040, clientReceived: 1080 }])).toEqual({
      offsetMs: 5000,
      rttMs: 80,
      samplesUsed: 1,
    });
  });

  it("trusts the fastest round trips over queued ones", () => {
    const offset = -2500;
    const samples = [
      // Queued on the way back: 20 ms out, 900 ms back; taken alone it would be off by ~440 ms.
      { clientSent: 0, serverTime: 20 + offset, clientReceived: 920 },
      { clientSent: 1000, serverTime: 1030 + offset, clientReceived: 1060 },
      { clientSent: 2000, serverTime: 2026 + offset, clientReceived: 2054 },
      { clientSent: 3000, serverTime: 3300 + offset, clientReceived: 3310 + 290 },
    ];
    const estimate = estimateClockOffset(samples)!;
    expect(estimate.rttMs).toBe(54);
    expect(estimate.samplesUsed).toBe(2);
    expect(Math.abs(estimate.offsetMs - offset)).toBeLessThanOrEqual(2);
  });

  it("ignores impossible samples and returns null without any", () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ clientSent: 100, serverTime: 50, clientReceived: 90 }])).toBeNull();
    expect(estimateClockOffset([{ clientSent: Number.NaN, serverTime: 50, clientReceived: 90 }])).toBeNull();
  });

  it("takes the least delayed one-way message", () => {
    expect(
      estimateOneWayOffset([
        { serverTime: 10_000, clientReceived: 7_300 },
        { serverTime: 11_000, clientReceived: 8_010 },
        { serverTime: 12_000, clientReceived: 9_900 },
      ]),
    ).toBe(2_990);
    expect(estimateOneWayOffset([])).toBeNull();
  });

  it("parses stream messages and drops garbage", () => {
    expect(parseShowStreamMessage('{"type":"heartbeat","serverNow":5,"version":3}')).toEqual({
      type: "heartbeat",
      serverNow: 5,
      version: 3,
    });
    expect(parseShowStreamMessage("not json")).toBeNull();
    expect(parseShowStreamMessage('{"type":"snapshot","serverNow":5}')).toBeNull();
    expect(parseShowStreamMessage("null")).toBeNull();
  });
});
