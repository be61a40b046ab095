import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { keyedHash, maskMobile, normaliseMainlandMobile } from "~/lib/personal-data.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { enqueueJob } from "../jobs/queue.server";
import { DELETION_DUE_MS, DELETION_JOB, type DeletionRequestInput } from "./privacy-schemas";

export type DeletionRequestDto = {
  id: number;
  kind: string;
  status: string;
  phoneMasked: string;
  requestedAt: string;
  dueAt: string;
  doneAt: string | null;
  leadsErased: number | null;
};

export function toDeletionRequestDto(row: typeof schema.deletionRequests.$inferSelect): DeletionRequestDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    phoneMasked: row.phoneMasked,
    requestedAt: row.requestedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
    leadsErased: row.leadsErased,
  };
}

/**
 * A person asks, by phone number, for their data to be deleted or withdraws consent. Only the
 * keyed hash and the masked number are stored; the erasing job is queued in the same
 * transaction, so a request is never stored without its job. The same number and kind asking
 * again while a request is pending gets that request back.
 */
export function requestDeletion(options: {
  db: Db;
  dataKey: Buffer;
  input: DeletionRequestInput;
  now: Date;
}): Result<{ request: DeletionRequestDto; created: boolean }> {
  const { db, input, now } = options;
  if (input.website?.trim()) return fail(400, "honeypot", "提交未被接受，请刷新页面后重试。", "website");
  const phone = normaliseMainlandMobile(input.phone);
  if (!phone) return fail(400, "bad_phone", "请输入正确的 11 位中国大陆手机号。", "phone");
  const phoneHash = keyedHash(options.dataKey, phone);
  return db.transaction((tx) => {
    const pending = tx
      .select()
      .from(schema.deletionRequests)
      .where(
        and(
          eq(schema.deletionRequests.phoneHash, phoneHash),
          eq(schema.deletionRequests.kind, input.kind),
          eq(schema.deletionRequests.status, "pending"),
        ),
      )
      .get();
    if (pending) return { ok: true, request: toDeletionRequestDto(pending), created: false };
    const row = tx
      .insert(schema.deletionRequests)
      .values({
        kind: input.kind,
        phoneHash,
        phoneMasked: maskMobile(phone),
        status: "pending",
        requestedAt: now,
        dueAt: new Date(now.getTime() + DELETION_DUE_MS),
      })
      .returning()
      .get();
    const { job } = enqueueJob(tx, {
      type: DELETION_JOB,
      payload: { requestId: row.id },
      idempotencyKey: `deletion-request-${row.id}`,
      maxAttempts: 5,
      actor: null,
      now,
    });
    tx.update(schema.deletionRequests)
      .set({ jobId: job.id })
      .where(eq(schema.deletionRequests.id, row.id))
      .run();
    recordAudit(tx, {
      actor: { id: null, label: "public" },
      action: "deletion_request.create",
      entity: "deletion_request",
      entityId: row.id,
      after: { kind: row.kind, phone: row.phoneMasked, dueAt: row.dueAt.toISOString() },
      at: now,
    });
    return { ok: true, request: toDeletionRequestDto({ ...row, jobId: job.id }), created: true };
  });
}
