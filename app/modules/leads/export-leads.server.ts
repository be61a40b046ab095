import { desc, eq } from "drizzle-orm";
import { toCsv, protectFormula } from "~/lib/csv";
import { formatDateTime } from "~/lib/dates";
import { schema, type Db } from "~/lib/db.server";
import { decryptPersonal } from "~/lib/personal-data.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";

export const EXPORT_HEADER = [
  "id",
  "created_at",
  "piece",
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "consultant",
  "name",
  "phone",
  "status",
  "assignee",
  "first_contact_at",
  "first_contact_seconds",
  "erased",
];

/**
 * Every lead as CSV with full numbers, for leads.export only. The audit row (with the count) is
 * written in the same transaction as the read. Text cells are guarded against spreadsheet formulas.
 */
export function exportLeads(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  now: Date;
  timeZone: string;
}): Result<{ csv: string; count: number }> {
  const { db, actor, now, timeZone, dataKey } = options;
  if (!can(actor.roles, "leads.export")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  return db.transaction((tx) => {
    const rows = tx
      .select({ lead: schema.leads, pieceTitle: schema.pieces.title, assigneeName: schema.users.name })
      .from(schema.leads)
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.leads.pieceId))
      .leftJoin(schema.users, eq(schema.users.id, schema.leads.assigneeId))
      .orderBy(desc(schema.leads.createdAt), desc(schema.leads.id))
      .all();
    const text = (value: string | null | undefined) => protectFormula(value ?? "");
    const records = rows.map(({ lead, pieceTitle, assigneeName }) => [
      String(lead.id),
      formatDateTime(lead.createdAt, timeZone),
      text(pieceTitle),
      text(lead.source),
      text(lead.utmSource),
      text(lead.utmMedium),
      text(lead.utmCampaign),
      text(lead.consultant),
      text(lead.nameCipher ? decryptPersonal(dataKey, lead.nameCipher) : ""),
      lead.phoneCipher ? decryptPersonal(dataKey, lead.phoneCipher) : "",
      lead.status,
      text(assigneeName),
      lead.firstContactAt ? formatDateTime(lead.firstContactAt, timeZone) : "",
      lead.firstContactAt
        ? String(Math.round((lead.firstContactAt.getTime() - lead.createdAt.getTime()) / 1000))
        : "",
      lead.erasedAt ? "1" : "0",
    ]);
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "lead.export",
      entity: "lead",
      entityId: null,
      after: { count: records.length },
      at: now,
    });
    // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
    return { ok: true as const, csv: "\uFEFF" + toCsv([EXPORT_HEADER, ...records]), count: records.length };
  });
}
