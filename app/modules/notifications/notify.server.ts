import { and, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can, type Capability } from "../auth/permissions";
import { enqueueWecomDeliveries } from "./enqueue-wecom.server";
import { DEFAULT_PREFERENCE, type NotificationParams, type NotificationType } from "./notification-types";

/** What happened, with what each recipient rule needs to know. */
export type NotifyEvent =
  | { type: "review_requested"; pieceId: number; actor: Actor | null }
  | { type: "approved"; pieceId: number; actor: Actor | null }
  | { type: "rejected"; pieceId: number; actor: Actor | null; reason: string }
  | {
      type: "job_finished" | "job_failed";
      pieceId: number;
      jobId: number;
      /** A video render or an e-book build. */
      job: "render" | "build";
      /** Whoever asked for the job; the piece's owner when unknown. */
      requesterId: number | null;
      error?: string;
    }
  | { type: "signoff_voided"; pieceId: number; signoffIds: number[]; reason: string; actor: Actor | null }
  | {
      type: "mentioned";
      pieceId: number;
      commentId: number;
      userIds: number[];
      actor: Actor;
      excerpt: string;
    }
  | {
      type: "task_due";
      pieceId: number;
      slotId: number;
      /** The channel's operator; the people who may publish when the channel has none. */
      operatorId: number | null;
      channelName: string;
      publishAt: Date;
    };

export interface Recipient {
  id: number;
  name: string;
  roles: string[];
}

type Piece = { id: number; kind: string; title: string; ownerId: number };

const MAX_PARAM_CHARS = 300;
const clip = (text: string) =>
  text.length > MAX_PARAM_CHARS ? `${text.slice(0, MAX_PARAM_CHARS - 1)}…` : text;

function activeUsers(tx: DbOrTx, ids?: number[]): Recipient[] {
  if (ids && ids.length === 0) return [];
  return tx
    .select({ id: schema.users.id, name: schema.users.name, roles: schema.users.roles })
    .from(schema.users)
    .where(
      ids
        ? and(eq(schema.users.disabled, false), inArray(schema.users.id, ids))
        : eq(schema.users.disabled, false),
    )
    .all();
}

const withCapability = (tx: DbOrTx, capability: Capability) =>
  activeUsers(tx).filter((u) => can(u.roles, capability));

/** Where a click on the notification leads. */
function linkFor(event: NotifyEvent, piece: Piece): string {
  const editor = piece.kind === "ebook" || piece.kind === "handbook" ? "ebooks" : "episodes";
  switch (event.type) {
    case "job_finished":
    case "job_failed":
      return `/${event.job === "build" ? "ebooks" : editor}/${piece.id}`;
    case "signoff_voided":
      return `/ebooks/${piece.id}`;
    case "mentioned":
      return `/pieces/${piece.id}#comment-${event.commentId}`;
    case "rejected":
      return `/pieces/${piece.id}#comments`;
    case "task_due":
      return "/";
    default:
      return `/pieces/${piece.id}`;
  }
}

/** The people an event is for, before preferences; whoever caused it is never told of it. */
function recipientsOf(tx: DbOrTx, event: NotifyEvent, piece: Piece): Recipient[] {
  switch (event.type) {
    case "review_requested":
      return withCapability(tx, "pieces.review");
    case "approved":
    case "rejected":
      return activeUsers(tx, [piece.ownerId]);
    case "job_finished":
    case "job_failed":
      return activeUsers(tx, [event.requesterId ?? piece.ownerId]);
    case "signoff_voided": {
      const signers = event.signoffIds.length
        ? tx
            .select({ by: schema.ebookSignoffs.recordedBy })
            .from(schema.ebookSignoffs)
            .where(inArray(schema.ebookSignoffs.id, event.signoffIds))
            .all()
            .map((r) => r.by)
        : [];
      return activeUsers(tx, [...new Set([piece.ownerId, ...signers])]);
    }
    case "mentioned":
      return activeUsers(tx, [...new Set(event.userIds)]);
    case "task_due":
      return event.operatorId !== null
        ? activeUsers(tx, [event.operatorId])
        : withCapability(tx, "pieces.publish");
  }
}

/** A rejection may point at comments by writing their numbers (`#12`); only this piece's count. */
function citedComments(tx: DbOrTx, pieceId: number, reason: string): number[] {
  const ids = [...new Set([...reason.matchAll(/#(\d{1,9})\b/g)].map((m) => Number(m[1])))];
  if (ids.length === 0) return [];
  return tx
    .select({ id: schema.comments.id })
    .from(schema.comments)
    .where(and(eq(schema.comments.pieceId, pieceId), inArray(schema.comments.id, ids)))
    .all()
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

function paramsOf(tx: DbOrTx, event: NotifyEvent, piece: Piece): NotificationParams {
  const actorName = "actor" in event && event.actor ? event.actor.name : null;
  const base = { title: piece.title, actor: actorName };
  switch (event.type) {
    case "rejected": {
      const cited = citedComments(tx, piece.id, event.reason);
      return { ...base, reason: clip(event.reason), comments: cited.map((id) => `#${id}`).join(", ") };
    }
    case "job_finished":
    case "job_failed":
      return { ...base, job: event.job, jobId: event.jobId, error: event.error ? clip(event.error) : null };
    case "signoff_voided":
      return { ...base, reason: clip(event.reason) };
    case "mentioned":
      return { ...base, excerpt: clip(event.excerpt), commentId: event.commentId };
    case "task_due":
      return { ...base, channel: event.channelName, at: event.publishAt.toISOString(), slotId: event.slotId };
    default:
      return base;
  }
}

function preferencesOf(tx: DbOrTx, type: NotificationType, userIds: number[]) {
  const rows = userIds.length
    ? tx
        .select()
        .from(schema.notificationPreferences)
        .where(
          and(
            eq(schema.notificationPreferences.type, type),
            inArray(schema.notificationPreferences.userId, userIds),
          ),
        )
        .all()
    : [];
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return (userId: number) => byUser.get(userId) ?? DEFAULT_PREFERENCE;
}

/**
 * The one seam every event goes through, called inside the transaction of the change that caused
 * it: if that change rolls back, nobody is told. Writes the in-app rows for the event's recipients
 * who want them, and queues one WeCom delivery job per team robot for those who want WeCom. It
 * never sends anything itself, so a slow or broken WeCom cannot block or fail the change.
 */
export function notify(options: { db: DbOrTx; now: Date; event: NotifyEvent }): {
  notified: number[];
  wecomJobs: number[];
} {
  const { db: tx, now, event } = options;
  const piece = tx
    .select({
      id: schema.pieces.id,
      kind: schema.pieces.kind,
      title: schema.pieces.title,
      ownerId: schema.pieces.ownerId,
    })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, event.pieceId))
    .get();
  if (!piece) return { notified: [], wecomJobs: [] };
  const actorId = "actor" in event && event.actor ? event.actor.id : null;
  const recipients = recipientsOf(tx, event, piece).filter((u) => u.id !== actorId);
  if (recipients.length === 0) return { notified: [], wecomJobs: [] };
  const prefer = preferencesOf(
    tx,
    event.type,
    recipients.map((u) => u.id),
  );
  const params = paramsOf(tx, event, piece);
  const link = linkFor(event, piece);

  const inApp = recipients.filter((u) => prefer(u.id).inApp);
  if (inApp.length > 0)
    tx.insert(schema.notifications)
      .values(
        inApp.map((u) => ({
          userId: u.id,
          type: event.type,
          pieceId: piece.id,
          actorId,
          params,
          link,
          createdAt: now,
        })),
      )
      .run();
  const wecomJobs = enqueueWecomDeliveries(tx, {
    type: event.type,
    params,
    link,
    recipients: recipients.filter((u) => prefer(u.id).wecom),
    now,
  });
  return { notified: inApp.map((u) => u.id), wecomJobs };
}
