import type { Logger } from "~/lib/logger.server";
import type { Studio } from "~/lib/studio.server";
import { workerIsGone } from "../jobs/worker.server";
import { dispatchDueSlots, nextDueSlotAt } from "./dispatch-due-slots.server";
import { sweepPublishing } from "./sweep-publishing.server";

/**
 * The longest pause between two passes: well inside the 60 s a slot may wait for its dispatch,
 * and the bound for slots planned or moved after a pass. Between passes the tick also wakes at the
 * next planned slot's time, so a slot known in advance goes out within a fraction of a second.
 */
export const PUBLISHING_TICK_MS = 10_000;
/** The shortest pause, so a burst of slots due together costs one pass, not a busy loop. */
const MIN_TICK_MS = 200;

/**
 * One pass: first settle what a previous run left (stuck `publishing` → unconfirmed, overdue
 * tasks → missed, held slots re-checked), then queue the slots that are due. The first pass at
 * start is what sends a slot that came due while the server was down (within its grace period).
 */
export function runPublishingTick(options: {
  studio: Studio;
  holderIsGone?: (leaseOwner: string | null) => boolean;
}) {
  const { studio } = options;
  const sweep = sweepPublishing({
    db: studio.db,
    now: studio.now(),
    holderIsGone: options.holderIsGone ?? workerIsGone,
  });
  const dispatched = dispatchDueSlots({ db: studio.db, now: studio.now() });
  return { ...sweep, queued: dispatched.queued, missed: [...sweep.missed, ...dispatched.missed] };
}

/** The periodic tick inside the server process (started by boot after the job workers). */
export function startPublishingTicker(options: { studio: Studio; logger: Logger; intervalMs?: number }): {
  stop: () => void;
} {
  const { studio, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    try {
      const result = runPublishingTick({ studio });
      const counts = Object.fromEntries(
        Object.entries(result)
          .filter(([, ids]) => ids.length > 0)
          .map(([key, ids]) => [key, ids.length]),
      );
      if (Object.keys(counts).length > 0) logger.info(counts, "publishing tick");
    } catch (error) {
      // A busy database or a bad row must not stop the ticks that follow.
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "publishing tick failed");
    }
    if (!stopped) timer = setTimeout(tick, nextDelay());
  };
  const nextDelay = () => {
    const interval = options.intervalMs ?? PUBLISHING_TICK_MS;
    try {
      const now = studio.now();
      const next = nextDueSlotAt({ db: studio.db, now });
      if (!next) return interval;
      return Math.min(interval, Math.max(MIN_TICK_MS, next.getTime() - now.getTime() + 50));
    } catch {
      return interval;
    }
  };
  timer = setTimeout(tick, 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
