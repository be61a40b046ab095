import { and, eq, isNull, ne } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { findBook } from "./find-book.server";
import { getBuildQrUrls } from "./get-build-qr-urls.server";
import { getCurrentContentHash } from "./get-current-content-hash.server";
import { printedUrlReason, SET_PUBLIC_BASE_URL } from "./public-url.server";
import type { RecordSignoffInput } from "./schemas";

/**
 * Records an external review sign-off (organisation, reviewer, date) for one exact build. The
 * build must have been typeset from the book's current content: a reviewer's signature on an
 * older text cannot approve the new one. Its QR codes must point to a public address: a
 * reviewer must not approve (and a print run must not follow) codes that go to this machine or
 * the office network. A new sign-off supersedes the earlier ones.
 */
export function recordSignoff(options: {
  db: Db;
  actor: Actor;
  pieceId: number;
  input: RecordSignoffInput;
  now: Date;
}): Result<{ signoffId: number }> {
  const { db, actor, pieceId, input, now } = options;
  if (!can(actor.roles, "ebooks.signoff"))
    return fail(403, "forbidden", "你的角色不能登记外部审阅签字。", { params: { context: "signoff" } });
  const book = findBook({ db, pieceId });
  if (!book) return fail(404, "not_found", "这本书不存在。", { params: { context: "book" } });
  const build = db
    .select()
    .from(schema.ebookBuilds)
    .where(and(eq(schema.ebookBuilds.id, input.buildId), eq(schema.ebookBuilds.pieceId, pieceId)))
    .get();
  if (!build) return fail(400, "unknown_build", "请选择本书已生成的一个版本。", "buildId");
  if (build.contentHash !== getCurrentContentHash({ db, pieceId })) {
    return fail(
      409,
      "build_outdated",
      `版本 #${build.id} 生成之后内容又有修改，签字不能覆盖新内容。请生成新的屏幕版送审后再登记。`,
      { field: "buildId", params: { build: build.id } },
    );
  }
  const qrUrl = getBuildQrUrls({ db, builds: [build] }).get(build.id) ?? null;
  const qrProblem = qrUrl ? printedUrlReason(qrUrl) : null;
  if (!qrUrl || qrProblem) {
    const where = qrUrl
      ? `版本 #${build.id} 的二维码指向 ${qrUrl}，这是${qrProblem}，读者扫码打不开`
      : `无法确认版本 #${build.id} 的二维码指向哪里`;
    const message = `${where}，这个版本不能签字付印。${SET_PUBLIC_BASE_URL}，重新生成屏幕版送审后再登记签字。`;
    return fail(409, "qr_not_public", message, {
      field: "buildId",
      params: { detail: message, build: build.id, ...(qrUrl ? { url: qrUrl } : { context: "unknown" }) },
    });
  }
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.ebookSignoffs)
      .values({
        pieceId,
        buildId: build.id,
        contentHash: build.contentHash,
        organisation: input.organisation,
        reviewer: input.reviewer,
        reviewedOn: input.reviewedOn,
        note: input.note,
        recordedBy: actor.id,
        createdAt: now,
      })
      .returning({ id: schema.ebookSignoffs.id })
      .get();
    tx.update(schema.ebookSignoffs)
      .set({ voidedAt: now, voidReason: `已被第 ${row.id} 号签字取代` })
      .where(
        and(
          eq(schema.ebookSignoffs.pieceId, pieceId),
          isNull(schema.ebookSignoffs.voidedAt),
          ne(schema.ebookSignoffs.id, row.id),
        ),
      )
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "ebook.signoff",
      entity: "piece",
      entityId: pieceId,
      after: {
        signoffId: row.id,
        buildId: build.id,
        contentHash: build.contentHash,
        organisation: input.organisation,
        reviewer: input.reviewer,
        reviewedOn: input.reviewedOn,
        qrUrl,
      },
      at: now,
    });
    return { ok: true as const, signoffId: row.id };
  });
}
