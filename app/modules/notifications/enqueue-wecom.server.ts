import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { enqueueJob } from "../jobs/queue.server";
import type { NotificationParams, NotificationType } from "./notification-types";

export const WECOM_JOB_TYPE = "notification.wecom";
/**
 * Tries of one message. With the worker's backoff (5 s doubling) the last comes about five
 * minutes after the first: later than that, a chat message about a review is no longer news.
 */
export const WECOM_MAX_ATTEMPTS = 6;

export interface WecomJobPayload {
  robotId: number;
  type: NotificationType;
  params: NotificationParams;
  link: string;
  /** The team members the message is for (shown in the message, not @-linked: WeCom ids are unknown). */
  names: string[];
}

/**
 * One delivery job per enabled robot whose team (roles) holds at least one of `recipients`, queued
 * in the caller's transaction. The job carries the robot's id, not its URL: a robot switched off
 * or re-pointed before the job runs is honoured.
 */
export function enqueueWecomDeliveries(
  tx: DbOrTx,
  options: {
    type: NotificationType;
    params: NotificationParams;
    link: string;
    recipients: { id: number; name: string; roles: string[] }[];
    now: Date;
  },
): number[] {
  if (options.recipients.length === 0) return [];
  const robots = tx.select().from(schema.wecomRobots).where(eq(schema.wecomRobots.enabled, true)).all();
  const jobs: number[] = [];
  for (const robot of robots) {
    const team = options.recipients.filter((u) => u.roles.some((r) => robot.roles.includes(r)));
    if (team.length === 0) continue;
    const payload: WecomJobPayload = {
      robotId: robot.id,
      type: options.type,
      params: options.params,
      link: options.link,
      names: team.map((u) => u.name),
    };
    const { job } = enqueueJob(tx, {
      type: WECOM_JOB_TYPE,
      payload: { ...payload },
      maxAttempts: WECOM_MAX_ATTEMPTS,
      actor: null,
      now: options.now,
    });
    jobs.push(job.id);
  }
  return jobs;
}
