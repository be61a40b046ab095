import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.server";

describe("rate limiter", () => {
  it("allows `limit` hits a window per key, then refuses until the window ends", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4].map(() => limiter.take("a", 1_000))).toEqual([true, true, true, false]);
    expect(limiter.take("b", 1_000)).toBe(true);
    expect(limiter.retryAfterSeconds("a", 31_000)).toBe(30);
    expect(limiter.take("a", 61_000)).toBe(true);
    expect(limiter.retryAfterSeconds("a", 61_000)).toBe(0);
  });

  it("keeps at most maxKeys windows", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.take("a", 0)).toBe(true);
  });
});
