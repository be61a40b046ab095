import { toCsv, protectFormula } from "~/lib/csv";
import { formatDateTime, formatInstant } from "~/lib/dates";
import type { Db } from "~/lib/db.server";
import { decryptPersonal } from "~/lib/personal-data.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { leadRows } from "./lead-rows.server";

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
 * Every lead as CSV text, for leads.export only. An export is a reveal of every number at once, so
 * it follows the screen's rule: full numbers and names only for roles that may reveal one
 * (leads.reveal), masked numbers and no names otherwise. The audit row (the count, and whether the
 * numbers were full) is written in the same transaction as the read. Text cells are guarded against
 * spreadsheet formulas. The route encodes it (UTF-8 with a BOM, so Excel reads the Chinese).
 */
export function exportLeads(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  now: Date;
  timeZone: string;
}): Result<{ csv: string; count: number; fullNumbers: boolean; fileName: string }> {
  const { db, actor, now, timeZone, dataKey } = options;
  if (!can(actor.roles, "leads.export")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  const fullNumbers = can(actor.roles, "leads.reveal");
  const open = (sealed: string | null) => (fullNumbers && sealed ? decryptPersonal(dataKey, sealed) : "");
  return db.transaction((tx) => {
    const rows = leadRows(tx);
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
      text(open(lead.nameCipher)),
      fullNumbers ? open(lead.phoneCipher) : (lead.phoneMasked ?? ""),
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
      after: { count: records.length, fullNumbers },
      at: now,
    });
    return {
      ok: true as const,
      csv: toCsv([EXPORT_HEADER, ...records]),
      count: records.length,
      fullNumbers,
      fileName: `leads-${formatInstant(now, timeZone, "YYYYMMDD-HHmm")}.csv`,
    };
  });
}
