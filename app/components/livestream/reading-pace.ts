/**
 * The reading point moves at characters-left over time-left, recomputed every frame: when the
 * producer adds 30 s the scroll slows from where the host is, instead of jumping back.
 */
export function advanceReadingPosition(
  position: number,
  totalChars: number,
  remainingMs: number,
  dtMs: number,
): number {
  if (totalChars <= 0) return 0;
  const clamped = Math.min(Math.max(position, 0), totalChars);
  if (remainingMs <= 0 || dtMs >= remainingMs) return totalChars;
  if (dtMs <= 0) return clamped;
  return Math.min(totalChars, clamped + ((totalChars - clamped) * dtMs) / remainingMs);
}

/** Where a screen that joins mid-block (reload, reconnect) should start reading. */
export function initialReadingPosition(totalChars: number, elapsedMs: number, durationMs: number): number {
  if (totalChars <= 0) return 0;
  if (durationMs <= 0) return totalChars;
  return Math.min(totalChars, Math.max(0, (totalChars * elapsedMs) / durationMs));
}
