import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { openSecret } from "~/lib/sealed-secret.server";
import { auditSlot } from "../calendar/audit-slot.server";
import { auditActor } from "../auth/actor";
import { resolvePublicBase } from "../ebooks/public-url.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { notifyTaskDue } from "../notifications/notify-task-due.server";
import { sendSignedWebhook, type WebhookOutcome } from "../webhooks/send-signed-webhook.server";
import { recordAttempt, recordSlotFailed, recordSlotMissed } from "./attempt-rows.server";
import { getPublishBundle } from "./publish-bundle.server";
import { publishHoldReason } from "./publish-hold.server";
import { PUBLISH_JOB_TYPE, type PublishJobPayload } from "./publish-job.server";
import { publishPieceForSlot } from "./publish-piece.server";
import { graceEnds, loadSlot } from "./slot-rows.server";
import { markSlotUnconfirmed } from "./unconfirm-slot.server";

const SYSTEM = auditActor(null);

export interface PublishHandlerOptions {
  /** The webhook transport (the global fetch by default). */
  fetch?: typeof fetch;
  /** Per request; see DEFAULT_WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Base of the absolute links a receiver gets; the configured public base URL by default. */
  publicBase?: () => string;
}

type Begin =
  | { kind: "done"; result: Record<string, unknown> }
  | { kind: "failed"; message: string }
  | {
      kind: "send";
      slotId: number;
      attemptId: number;
      url: string;
      secret: string;
      idempotencyKey: string;
      payload: Record<string, unknown>;
    };

/**
 * Everything before the request, in one IMMEDIATE transaction: the slot must still be `queued`;
 * a slot found `publishing` was being sent by a run that died, so it becomes `unconfirmed` and is
 * not sent again. Then the grace period (first try only), the gates, the hand-off of a manual
 * channel, and for a webhook the committed `publishing` status with a `started` attempt: after
 * this commit a crash can no longer lead to a second send.
 */
function beginPublish(options: {
  db: Db;
  /** Opens the channel's sealed webhook secret (decision 0047). */
  dataKey: Buffer;
  jobId: number;
  payload: PublishJobPayload;
  firstTry: boolean;
  now: Date;
  base: string;
}): Begin {
  const { db, now, jobId } = options;
  return db.transaction(
    (tx) => {
      const found = loadSlot(tx, options.payload.slotId);
      if (!found) return { kind: "done", result: { skipped: "gone" } };
      const { slot, channel, piece } = found;

      if (slot.status === "publishing") {
        markSlotUnconfirmed(tx, {
          slot,
          detail: "发送过程中服务中断，无法确认接收方是否收到；不会自动重发，请核实后标记已发布或重新发送。",
          now,
        });
        return { kind: "done", result: { slotId: slot.id, outcome: "unconfirmed" } };
      }
      if (slot.status !== "queued")
        return { kind: "done", result: { slotId: slot.id, skipped: slot.status } };

      if (options.firstTry && !options.payload.resend && now > graceEnds(slot, channel)) {
        tx.update(schema.slots)
          .set({ status: "missed", version: sql`${schema.slots.version} + 1`, updatedAt: now })
          .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, "queued")))
          .run();
        recordSlotMissed(tx, {
          slotId: slot.id,
          jobId,
          publisher: channel.publisher,
          detail: `超过发布时间 ${channel.graceMinutes} 分钟的宽限期仍未发出。`,
          before: { status: slot.status },
          now,
        });
        return { kind: "done", result: { slotId: slot.id, outcome: "missed" } };
      }

      const hold = publishHoldReason(tx, piece);
      if (hold) {
        tx.update(schema.slots)
          .set({ heldReason: hold, version: sql`${schema.slots.version} + 1`, updatedAt: now })
          .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, "queued")))
          .run();
        recordAttempt(tx, {
          slotId: slot.id,
          jobId,
          publisher: channel.publisher,
          outcome: "held",
          detail: hold,
          startedAt: now,
          finishedAt: now,
        });
        auditSlot(tx, null, "slot.hold", slot.id, now, {
          before: { heldReason: slot.heldReason },
          after: { heldReason: hold },
        });
        return { kind: "done", result: { slotId: slot.id, outcome: "held", reason: hold } };
      }

      if (channel.publisher !== "webhook") {
        // A re-run of this job after a crash between its commit and its finish hands off once.
        const handedOff = tx
          .select({ id: schema.publishAttempts.id })
          .from(schema.publishAttempts)
          .where(
            and(
              eq(schema.publishAttempts.slotId, slot.id),
              eq(schema.publishAttempts.jobId, jobId),
              eq(schema.publishAttempts.outcome, "handed_off"),
            ),
          )
          .get();
        if (handedOff) return { kind: "done", result: { slotId: slot.id, outcome: "handed_off" } };
        const operator = channel.operatorId
          ? tx
              .select({ name: schema.users.name })
              .from(schema.users)
              .where(eq(schema.users.id, channel.operatorId))
              .get()
          : undefined;
        if (slot.heldReason)
          tx.update(schema.slots)
            .set({ heldReason: null, version: sql`${schema.slots.version} + 1`, updatedAt: now })
            .where(eq(schema.slots.id, slot.id))
            .run();
        recordAttempt(tx, {
          slotId: slot.id,
          jobId,
          publisher: "manual",
          outcome: "handed_off",
          detail: operator
            ? `已交给 ${operator.name} 手动发布。`
            : "渠道没有指定运营人员，已交给编辑手动发布。",
          startedAt: now,
          finishedAt: now,
        });
        auditSlot(tx, null, "slot.handoff", slot.id, now, {
          before: { status: slot.status, heldReason: slot.heldReason },
          after: { status: "queued", operatorId: channel.operatorId },
        });
        notifyTaskDue(tx, { slot, channel, now });
        return { kind: "done", result: { slotId: slot.id, outcome: "handed_off" } };
      }

      const opened = channel.webhookSecret ? openSecret(options.dataKey, channel.webhookSecret) : null;
      if (!channel.webhookUrl || !opened?.ok) {
        const detail =
          !channel.webhookUrl || !opened
            ? "渠道没有配置 webhook 地址或密钥，无法发送。"
            : // Retrying cannot help: the slot fails, visibly, until an editor makes a new secret.
              "渠道的 webhook 签名密钥无法解密（被改动或 DATA_KEY 不同），未发送；请在渠道设置中重新生成密钥。";
        tx.update(schema.slots)
          .set({
            status: "failed",
            heldReason: null,
            version: sql`${schema.slots.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, "queued")))
          .run();
        recordSlotFailed(tx, {
          slotId: slot.id,
          jobId,
          publisher: "webhook",
          beforeStatus: slot.status,
          detail,
          now,
        });
        return { kind: "failed", message: detail };
      }

      const changed = tx
        .update(schema.slots)
        .set({
          status: "publishing",
          heldReason: null,
          version: sql`${schema.slots.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, "queued")))
        .run().changes;
      if (changed !== 1) return { kind: "done", result: { slotId: slot.id, skipped: "raced" } };
      const attempt = recordAttempt(tx, {
        slotId: slot.id,
        jobId,
        publisher: "webhook",
        outcome: "started",
        startedAt: now,
        finishedAt: null,
      });
      auditSlot(tx, null, "slot.publishing", slot.id, now, {
        before: { status: slot.status },
        after: { status: "publishing", attemptId: attempt.id },
      });
      const bundle = getPublishBundle({
        db: tx,
        piece,
        channelKey: channel.key,
        caption: slot.caption,
        base: options.base,
      });
      const absolute = (path: string) => `${options.base.replace(/\/+$/, "")}${path}`;
      const payload = {
        event: "slot.publish",
        idempotencyKey: slot.idempotencyKey,
        attemptId: attempt.id,
        slot: {
          id: slot.id,
          publishAt: slot.publishAt.toISOString(),
          caption: bundle.caption,
          hashtags: bundle.hashtags,
        },
        channel: { key: channel.key, name: channel.name },
        piece: { id: piece.id, kind: piece.kind, title: piece.title, slug: piece.slug },
        trackedLink: bundle.trackedLink,
        media: bundle.media ? { kind: bundle.media.kind, url: absolute(bundle.media.downloadUrl) } : null,
        cover: bundle.cover ? { url: absolute(bundle.cover.url) } : null,
      };
      return {
        kind: "send",
        slotId: slot.id,
        attemptId: attempt.id,
        url: channel.webhookUrl,
        secret: opened.secret,
        idempotencyKey: slot.idempotencyKey,
        payload,
      };
    },
    { behavior: "immediate" },
  );
}

/** A receiver may answer `{"url": "https://…"}` with where the post is live. */
function liveUrlFrom(json: unknown): string | null {
  if (!json || typeof json !== "object") return null;
  const value = (json as { url?: unknown; liveUrl?: unknown }).url ?? (json as { liveUrl?: unknown }).liveUrl;
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

type Finish =
  { kind: "done"; result: Record<string, unknown> } | { kind: "retry" | "failed"; message: string };

/** Records the answer (or its absence) of one sent request, in one transaction with its audit. */
function finishPublish(options: {
  db: Db;
  slotId: number;
  attemptId: number;
  outcome: WebhookOutcome;
  lastTry: boolean;
  tries: number;
  now: Date;
}): Finish {
  const { db, outcome, now } = options;
  return db.transaction(
    (tx) => {
      const found = loadSlot(tx, options.slotId);
      if (!found) return { kind: "done", result: { skipped: "gone" } };
      const { slot, channel } = found;
      const detail =
        outcome.status !== null ? `HTTP ${outcome.status} ${outcome.excerpt}`.trim() : outcome.excerpt;
      const endAttempt = (result: "published" | "retry" | "failed" | "unconfirmed", text: string) =>
        tx
          .update(schema.publishAttempts)
          .set({ outcome: result, httpStatus: outcome.status, detail: text.slice(0, 1000), finishedAt: now })
          .where(eq(schema.publishAttempts.id, options.attemptId))
          .run();
      const setSlot = (values: Partial<typeof schema.slots.$inferInsert>, from: string[]) =>
        tx
          .update(schema.slots)
          .set({ ...values, version: sql`${schema.slots.version} + 1`, updatedAt: now })
          .where(and(eq(schema.slots.id, slot.id), inArray(schema.slots.status, from)))
          .run().changes;
      const audit = (action: string, after: Record<string, unknown>) =>
        auditSlot(tx, null, action, slot.id, now, { before: { status: slot.status }, after });

      if (outcome.kind === "delivered") {
        const liveUrl = liveUrlFrom(outcome.json);
        endAttempt("published", detail);
        // An answer is the truth even if the slot was meanwhile set aside as unconfirmed.
        if (
          setSlot({ status: "published", liveUrl, publishedAt: now }, ["publishing", "unconfirmed"]) === 1
        ) {
          audit("slot.published", { status: "published", liveUrl, httpStatus: outcome.status });
          publishPieceForSlot(tx, {
            pieceId: slot.pieceId,
            slotId: slot.id,
            actorId: slot.createdBy ?? channel.operatorId,
            auditActor: SYSTEM,
            now,
          });
        }
        return {
          kind: "done",
          result: { slotId: slot.id, outcome: "published", httpStatus: outcome.status },
        };
      }
      if (outcome.kind === "unconfirmed") {
        const text = `没有收到应答：${detail}。不会自动重发，请核实后标记已发布或重新发送。`;
        endAttempt("unconfirmed", text);
        if (setSlot({ status: "unconfirmed" }, ["publishing"]) === 1)
          audit("slot.unconfirmed", { status: "unconfirmed" });
        return { kind: "done", result: { slotId: slot.id, outcome: "unconfirmed" } };
      }
      if (outcome.kind === "retry" && !options.lastTry) {
        endAttempt("retry", detail);
        if (setSlot({ status: "queued" }, ["publishing"]) === 1)
          audit("slot.retry", { status: "queued", httpStatus: outcome.status, tries: options.tries });
        return { kind: "retry", message: `webhook ${detail}` };
      }
      const text =
        outcome.kind === "retry" ? `已尝试 ${options.tries} 次仍未成功：${detail}` : `接收方拒绝：${detail}`;
      endAttempt("failed", text);
      if (setSlot({ status: "failed" }, ["publishing"]) === 1)
        audit("slot.failed", { status: "failed", httpStatus: outcome.status });
      return { kind: "failed", message: text };
    },
    { behavior: "immediate" },
  );
}

/**
 * The publish job: one per slot and dispatch, run in the `publishing` lane. A manual channel's
 * slot becomes its operator's task; a webhook channel's slot is sent once, signed, and its
 * outcome recorded. 5xx and unreachable receivers are retried by the queue with backoff; a 4xx
 * fails at once; no answer means `unconfirmed`, never re-sent by itself.
 */
export function createPublishJobHandler(options: PublishHandlerOptions = {}): JobHandler {
  return async (ctx) => {
    const { studio, job } = ctx;
    const payload = job.payload as unknown as PublishJobPayload;
    if (!Number.isInteger(payload.slotId)) throw new PermanentJobError("publish job without a slot id");
    const base = options.publicBase?.() ?? resolvePublicBase().url;
    const begin = beginPublish({
      db: studio.db,
      dataKey: studio.config.dataKey,
      jobId: job.id,
      payload,
      firstTry: job.attempts <= 1,
      now: studio.now(),
      base,
    });
    if (begin.kind === "done") return { result: begin.result };
    if (begin.kind === "failed") throw new PermanentJobError(begin.message);

    const outcome = await sendSignedWebhook({
      url: begin.url,
      secret: begin.secret,
      event: "slot.publish",
      payload: begin.payload,
      idempotencyKey: begin.idempotencyKey,
      now: studio.now(),
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      signal: ctx.signal,
    });
    const finish = finishPublish({
      db: studio.db,
      slotId: begin.slotId,
      attemptId: begin.attemptId,
      outcome,
      lastTry: job.attempts >= job.maxAttempts,
      tries: job.attempts,
      now: studio.now(),
    });
    if (finish.kind === "done") return { result: finish.result };
    if (finish.kind === "failed") throw new PermanentJobError(finish.message);
    throw new Error(finish.message);
  };
}

export const publishingJobHandlers: Record<string, JobHandler> = {
  [PUBLISH_JOB_TYPE]: createPublishJobHandler(),
};
