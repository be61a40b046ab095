import { eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { decryptPersonal, maskMobile } from "~/lib/personal-data.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import { resolvePublicBase } from "../ebooks/public-url.server";
import { enqueueJob } from "../jobs/queue.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { sendSignedWebhook, type WebhookOutcome } from "../webhooks/send-signed-webhook.server";
import { crmPushOn, crmTarget } from "./crm-settings.server";

export const CRM_JOB_TYPE = "lead.crm";
/** The event name in X-Studio-Event and the payload. */
export const CRM_EVENT = "lead.created";
/**
 * Tries of one delivery. With the worker's backoff (5 s doubling) the last try comes about ten
 * minutes after the first, inside the 15 minutes sales has for the first call.
 */
export const CRM_MAX_ATTEMPTS = 8;

const SYSTEM = auditActor(null);

/** One key per lead: the CRM drops a second request with a key it has already taken. */
export function crmIdempotencyKey(leadId: number): string {
  return `lead:${leadId}`;
}

/**
 * Queues the CRM delivery of a new lead inside the capture's transaction, so a lead is never
 * stored without its delivery nor a delivery queued for a lead that was rolled back. Nothing is
 * queued while the push is off. The job carries the lead's id only: the number is decrypted when
 * sending, never written in clear to the jobs table.
 */
export function enqueueCrmDelivery(tx: DbOrTx, options: { leadId: number; now: Date }): number | null {
  if (!crmPushOn(tx)) return null;
  const { job } = enqueueJob(tx, {
    type: CRM_JOB_TYPE,
    payload: { leadId: options.leadId },
    idempotencyKey: `crm:${crmIdempotencyKey(options.leadId)}`,
    maxAttempts: CRM_MAX_ATTEMPTS,
    actor: null,
    now: options.now,
  });
  return job.id;
}

type Delivery = {
  leadId: number;
  jobId: number;
  attempt: number;
  outcome: "delivered" | "retry" | "failed" | "skipped";
  httpStatus: number | null;
  detail: string | null;
  now: Date;
};

/** The delivery row, its audit entry and (when final) the lead's timeline entry, together. */
function recordDelivery(tx: DbOrTx, d: Delivery) {
  tx.insert(schema.leadCrmDeliveries)
    .values({
      leadId: d.leadId,
      jobId: d.jobId,
      attempt: d.attempt,
      outcome: d.outcome,
      httpStatus: d.httpStatus,
      detail: d.detail?.slice(0, 1000) ?? null,
      at: d.now,
    })
    .run();
  if (d.outcome === "delivered" || d.outcome === "failed")
    tx.insert(schema.leadActivities)
      .values({ leadId: d.leadId, actorId: null, kind: "crm", note: d.outcome, at: d.now })
      .run();
  recordAudit(tx, {
    actor: SYSTEM,
    action: "lead.crm_delivery",
    entity: "lead",
    entityId: d.leadId,
    after: { outcome: d.outcome, httpStatus: d.httpStatus, attempt: d.attempt, jobId: d.jobId },
    at: d.now,
  });
}

type Begin =
  | { kind: "done"; result: Record<string, unknown> }
  | { kind: "failed"; message: string }
  | { kind: "send"; url: string; secret: string; payload: Record<string, unknown>; hide: string[] };

/** What the CRM gets (docs/leads.md): everything needed to call the person back, and no more. */
function beginDelivery(options: {
  db: Db;
  dataKey: Buffer;
  leadId: number;
  jobId: number;
  attempt: number;
  now: Date;
  base: string;
}): Begin {
  const { db, leadId } = options;
  return db.transaction((tx) => {
    const row = tx
      .select({ lead: schema.leads, piece: schema.pieces })
      .from(schema.leads)
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.leads.pieceId))
      .where(eq(schema.leads.id, leadId))
      .get();
    if (!row) return { kind: "done", result: { leadId, skipped: "gone" } };
    const skip = (reason: string, detail: string): Begin => {
      recordDelivery(tx, { ...options, outcome: "skipped", httpStatus: null, detail });
      return { kind: "done", result: { leadId, skipped: reason } };
    };
    const { lead, piece } = row;
    // A person who asked for deletion in the meantime is not sent on.
    if (!lead.phoneCipher) return skip("erased", "个人信息已删除，不再推送。");
    const target = crmTarget(tx, options.dataKey);
    if (!target.ok && target.reason === "off") return skip("off", "CRM 推送已关闭，未发送。");
    if (!target.ok) {
      // Retrying cannot help: the lead is marked failed, visibly, until an admin makes a new secret.
      const detail = "CRM 签名密钥无法解密（被改动或 DATA_KEY 不同），未发送；请在 CRM 设置中重新生成密钥。";
      recordDelivery(tx, { ...options, outcome: "failed", httpStatus: null, detail });
      return { kind: "failed", message: detail };
    }
    const phone = decryptPersonal(options.dataKey, lead.phoneCipher);
    const name = lead.nameCipher ? decryptPersonal(options.dataKey, lead.nameCipher) : null;
    const payload = {
      event: CRM_EVENT,
      idempotencyKey: crmIdempotencyKey(lead.id),
      lead: {
        id: lead.id,
        createdAt: lead.createdAt.toISOString(),
        phone,
        name,
        source: lead.source,
        utm: { source: lead.utmSource, medium: lead.utmMedium, campaign: lead.utmCampaign },
        consultant: lead.consultant,
        consent: {
          version: lead.consentVersion,
          hash: lead.consentHash,
          at: lead.consentAt.toISOString(),
        },
        url: `${options.base}/leads/${lead.id}`,
      },
      piece: { id: piece.id, kind: piece.kind, title: piece.title, url: `${options.base}/p/${piece.slug}` },
    };
    return {
      kind: "send",
      url: target.url,
      secret: target.secret,
      payload,
      hide: [phone, ...(name && name.length > 1 ? [name] : [])],
    };
  });
}

/** A CRM's error answer may echo the request: the number is masked before it is stored. */
function safeDetail(outcome: WebhookOutcome, hide: string[]): string {
  let text = outcome.status !== null ? `HTTP ${outcome.status} ${outcome.excerpt}`.trim() : outcome.excerpt;
  for (const secret of hide)
    text = text.replaceAll(secret, /^\d{11}$/.test(secret) ? maskMobile(secret) : "***");
  return text;
}

export interface CrmHandlerOptions {
  /** The transport (the global fetch through the sender's guard by default). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  publicBase?: () => string;
}

/**
 * Sends one new lead to the CRM, signed by the one webhook sender. A 5xx, an unreachable CRM or a
 * request left unanswered is retried with the queue's backoff: the request carries the lead's
 * idempotency key, so a CRM that did get it drops the repeat, and a lost lead costs more than a
 * repeated one (decision 0035). A 4xx fails at once. Every try is recorded and audited.
 */
export function createCrmDeliveryHandler(options: CrmHandlerOptions = {}): JobHandler {
  return async (ctx) => {
    const { studio, job } = ctx;
    const leadId = (job.payload as { leadId?: unknown }).leadId;
    if (typeof leadId !== "number" || !Number.isInteger(leadId))
      throw new PermanentJobError("CRM job without a lead id");
    const base = (options.publicBase?.() ?? resolvePublicBase().url).replace(/\/+$/, "");
    const attempt = job.attempts;
    const begin = beginDelivery({
      db: studio.db,
      dataKey: studio.config.dataKey,
      leadId,
      jobId: job.id,
      attempt,
      now: studio.now(),
      base,
    });
    if (begin.kind === "done") return { result: begin.result };
    if (begin.kind === "failed") throw new PermanentJobError(`CRM: ${begin.message}`);
    const outcome = await sendSignedWebhook({
      url: begin.url,
      secret: begin.secret,
      event: CRM_EVENT,
      payload: begin.payload,
      idempotencyKey: crmIdempotencyKey(leadId),
      now: studio.now(),
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      signal: ctx.signal,
    });
    const detail = safeDetail(outcome, begin.hide);
    const lastTry = attempt >= job.maxAttempts;
    const result =
      outcome.kind === "delivered"
        ? "delivered"
        : outcome.kind === "rejected" || lastTry
          ? "failed"
          : "retry";
    studio.db.transaction((tx) =>
      recordDelivery(tx, {
        leadId,
        jobId: job.id,
        attempt,
        outcome: result,
        httpStatus: outcome.status,
        detail,
        now: studio.now(),
      }),
    );
    if (result === "delivered") return { result: { leadId, outcome: result, httpStatus: outcome.status } };
    if (result === "failed") throw new PermanentJobError(`CRM: ${detail}`);
    throw new Error(`CRM: ${detail}`);
  };
}

export const leadJobHandlers: Record<string, JobHandler> = {
  [CRM_JOB_TYPE]: createCrmDeliveryHandler(),
};
