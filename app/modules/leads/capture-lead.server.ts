import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { encryptPersonal, keyedHash, maskMobile, normaliseMainlandMobile } from "~/lib/personal-data.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { findPublishedPiece } from "../landing/published-piece.server";
import { attributionFrom } from "../tracking/attribution";
import { enqueueCrmDelivery } from "./crm-delivery-job.server";
import { createDownloadToken } from "./download-token.server";
import type { LeadInput } from "./lead-schemas";
import { PRIVACY_NOTICE } from "./privacy-notice";

const GATED_KINDS = new Set(["ebook", "handbook"]);

/**
 * A person leaves a number on a landing page. Refused without a ticked consent, with a number that
 * is not a mainland mobile, or with the honeypot filled; each refusal names its field and stores
 * nothing. The name and number are stored only as ciphertexts, with the keyed hash that finds the
 * same person again: the same number on the same piece is one lead (the second answer says
 * `duplicate`). The audit row carries the masked number only. A new lead (never a duplicate) queues
 * its delivery to the dealership's CRM in the same transaction.
 */
export function captureLead(options: {
  db: Db;
  dataKey: Buffer;
  /** Signs the download link of an e-book or handbook. */
  downloadSecret: Buffer;
  input: LeadInput;
  now: Date;
}): Result<{ leadId: number; phoneMasked: string; duplicate: boolean; downloadUrl: string | null }> {
  const { db, dataKey, input, now } = options;
  if (input.website?.trim()) return fail(400, "honeypot", "提交未被接受，请刷新页面后重试。", "website");
  if (input.consent !== true && input.consent !== "true" && input.consent !== "on" && input.consent !== "1")
    return fail(400, "consent_required", "请先阅读并勾选同意《个人信息保护说明》。", "consent");
  const phone = normaliseMainlandMobile(input.phone);
  if (!phone) return fail(400, "bad_phone", "请输入正确的 11 位中国大陆手机号。", "phone");
  const piece = findPublishedPiece(db, input.slug);
  if (!piece) return fail(400, "unknown_page", "没有这个页面，或它还没有发布。", "slug");

  const attribution = attributionFrom({
    src: input.src,
    utmSource: input.utm_source,
    utmMedium: input.utm_medium,
    utmCampaign: input.utm_campaign,
  });
  const phoneHash = keyedHash(dataKey, phone);
  const phoneMasked = maskMobile(phone);
  const downloadUrl = GATED_KINDS.has(piece.kind)
    ? `/p/${piece.slug}/download?t=${createDownloadToken({ secret: options.downloadSecret, slug: piece.slug, now })}`
    : null;

  return db.transaction((tx) => {
    const existing = tx
      .select({ id: schema.leads.id })
      .from(schema.leads)
      .where(and(eq(schema.leads.pieceId, piece.id), eq(schema.leads.phoneHash, phoneHash)))
      .get();
    if (existing) return { ok: true, leadId: existing.id, phoneMasked, duplicate: true, downloadUrl };
    const name = input.name?.trim();
    const lead = tx
      .insert(schema.leads)
      .values({
        pieceId: piece.id,
        source: attribution.source,
        utmSource: attribution.utmSource,
        utmMedium: attribution.utmMedium,
        utmCampaign: attribution.utmCampaign,
        consultant: attribution.consultant,
        nameCipher: name ? encryptPersonal(dataKey, name) : null,
        phoneCipher: encryptPersonal(dataKey, phone),
        phoneMasked,
        phoneHash,
        consentVersion: PRIVACY_NOTICE.version,
        consentHash: PRIVACY_NOTICE.hash,
        consentAt: now,
        status: "new",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.leads.id })
      .get();
    recordAudit(tx, {
      actor: { id: null, label: "public" },
      action: "lead.capture",
      entity: "lead",
      entityId: lead.id,
      after: {
        pieceId: piece.id,
        source: attribution.source,
        phone: phoneMasked,
        consentVersion: PRIVACY_NOTICE.version,
      },
      at: now,
    });
    // Sent to the CRM by a job, after this commits: a slow or failing CRM never holds up the form.
    enqueueCrmDelivery(tx, { leadId: lead.id, now });
    return { ok: true, leadId: lead.id, phoneMasked, duplicate: false, downloadUrl };
  });
}
