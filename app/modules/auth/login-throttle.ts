/**
 * Sign-in throttling. Failures are remembered for an hour (and the rows, with their addresses,
 * deleted after that). Past a few free failures each further try must wait, twice as long as the
 * one before: per account from one address (an attacker elsewhere cannot lock the real user out),
 * and per address across accounts (one address spraying many accounts).
 */
export const THROTTLE = {
  windowMs: 60 * 60 * 1000,
  freeFailuresPerAccountAndAddress: 5,
  freeFailuresPerAddress: 20,
  firstDelayMs: 60 * 1000,
  maxDelayMs: 15 * 60 * 1000,
} as const;

/** How long after the latest failure the next try must wait, given `failures` in the window. */
export function backoffMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - freeFailures), THROTTLE.maxDelayMs);
}
