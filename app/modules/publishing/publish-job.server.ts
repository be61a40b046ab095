import type { DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { enqueueJob } from "../jobs/queue.server";

export const PUBLISH_JOB_TYPE = "publish.slot";

/** Publishing gives up after this many tries of a webhook that answers 5xx or cannot be reached. */
export const PUBLISH_MAX_ATTEMPTS = 5;

export interface PublishJobPayload {
  slotId: number;
  /** An editor's resend: sent even after the grace period (the editor decided). */
  resend?: boolean;
}

/**
 * One key per slot and dispatch: every dispatch or resend starts from a new slot version, so a
 * second tick or a double click finds the same job, and a later resend gets its own.
 */
export function publishJobKey(slotId: number, slotVersion: number): string {
  return `publish:${slotId}:${slotVersion}`;
}

/** Every publish job of a slot has a key starting with this (the sweep finds a slot's jobs by it). */
export function publishJobKeyPrefix(slotId: number): string {
  return `publish:${slotId}:`;
}

export function enqueuePublishJob(
  tx: DbOrTx,
  options: { slotId: number; slotVersion: number; resend?: boolean; actor: Actor | null; now: Date },
) {
  const payload: PublishJobPayload = { slotId: options.slotId, ...(options.resend ? { resend: true } : {}) };
  return enqueueJob(tx, {
    type: PUBLISH_JOB_TYPE,
    payload: { ...payload },
    idempotencyKey: publishJobKey(options.slotId, options.slotVersion),
    maxAttempts: PUBLISH_MAX_ATTEMPTS,
    actor: options.actor,
    now: options.now,
  });
}
