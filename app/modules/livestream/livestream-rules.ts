/**
 * The dealership plan's livestream rules in one place, so the schema, the run of show, the
 * state machine and the UI all refuse the same things.
 */
export const MAX_PRODUCTS_PER_SHOW = 5;
export const MIN_SHOW_MINUTES = 90;
/** A show longer than a working day is a typo, not a plan. */
export const MAX_SHOW_MINUTES = 600;
/** Longest single part; anything above is almost certainly minutes typed as seconds. */
export const MAX_PART_SECONDS = 600;

export const RED_ENVELOPE_MAX_ROUNDS = 3;
export const RED_ENVELOPE_ROUND_SECONDS = 90;
export const RED_ENVELOPE_DEFAULT_THRESHOLD = 3000;

/** Producers nudge a block by half a minute; larger steps are made of several presses. */
export const ADJUST_STEP_MS = 30_000;
/** Cap on the total nudge of one block, so a stuck key cannot push the show off the map. */
export const MAX_BLOCK_OFFSET_MS = 10 * 60_000;
/** Above every platform's record for a dealership room: a larger number is a typing error. */
export const MAX_ONLINE_COUNT = 10_000_000;

/** The teleprompter warns in the last seconds of a block. */
export const WARNING_MS = 10_000;
/** Heartbeats arrive every second; three missed ones mean the screen may be lying. */
export const HEARTBEAT_MS = 1000;
export const STALE_AFTER_MS = 3000;

export interface TimingDefaults {
  painSeconds: number;
  sellingSeconds: number;
  perkSeconds: number;
  openingSeconds: number;
  interactionSeconds: number;
  ctaSeconds: number;
  closingSeconds: number;
  /** A steady sales-host pace in Mandarin; slower hosts get a lower figure per script. */
  hostCharsPerMinute: number;
}

export const DEFAULT_TIMING: Readonly<TimingDefaults> = Object.freeze({
  painSeconds: 30,
  sellingSeconds: 60,
  perkSeconds: 30,
  openingSeconds: 120,
  interactionSeconds: 60,
  ctaSeconds: 30,
  closingSeconds: 120,
  hostCharsPerMinute: 250,
});
