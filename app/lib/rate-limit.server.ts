/**
 * A fixed-window counter per key (an address, or an address and a route), in memory. Public
 * endpoints (events, leads, deletion requests) ask it before reading a body. One process serves
 * the studio, so memory is the right place; a restart forgets the counts, which only lets a
 * client start over.
 */
export interface RateLimiter {
  /** Counts one hit for `key`; false when the key has used up its window. */
  take(key: string, now?: number): boolean;
  /** Seconds until `key` may try again (for Retry-After); 0 when it may now. */
  retryAfterSeconds(key: string, now?: number): number;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const maxKeys = options.maxKeys ?? 50_000;
  const windows = new Map<string, { start: number; count: number }>();

  function current(key: string, now: number) {
    const entry = windows.get(key);
    if (entry && now - entry.start < options.windowMs) return entry;
    return null;
  }

  function sweep(now: number) {
    for (const [key, entry] of windows) if (now - entry.start >= options.windowMs) windows.delete(key);
    // Still full: drop the oldest windows rather than grow without bound under a flood of addresses.
    while (windows.size >= maxKeys) {
      const oldest = windows.keys().next().value;
      if (oldest === undefined) break;
      windows.delete(oldest);
    }
  }

  return {
    take(key, now = Date.now()) {
      const entry = current(key, now);
      if (entry) {
        if (entry.count >= options.limit) return false;
        entry.count += 1;
        return true;
      }
      if (windows.size >= maxKeys) sweep(now);
      windows.set(key, { start: now, count: 1 });
      return true;
    },
    retryAfterSeconds(key, now = Date.now()) {
      const entry = current(key, now);
      if (!entry || entry.count < options.limit) return 0;
      return Math.max(1, Math.ceil((entry.start + options.windowMs - now) / 1000));
    },
  };
}
