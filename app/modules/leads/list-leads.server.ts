import { and, eq, isNull, type SQL } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { decryptPersonal } from "~/lib/personal-data.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { leadDto, type LeadDto } from "./lead-dto";
import { leadRows } from "./lead-rows.server";
import type { LeadStatus } from "./lead-status";

/**
 * Leads, newest first, masked. `reveal` shows full numbers and names, only to roles with
 * leads.reveal, and writes one audit row naming every lead revealed (in the same transaction as
 * the read, so no reveal goes unrecorded).
 */
export function listLeads(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  reveal: boolean;
  limit: number;
  now: Date;
  status?: LeadStatus;
  pieceId?: number;
  /** One person's leads, or the ones nobody has yet. */
  assignee?: number | "unassigned";
}): LeadDto[] {
  const { db, dataKey, actor } = options;
  const reveal = options.reveal && can(actor.roles, "leads.reveal");
  return db.transaction((tx) => {
    const rows = leadRows(tx, { where: and(...filters(options)), limit: options.limit });
    const leads = rows.map(({ lead, pieceTitle, assigneeName }): LeadDto => {
      const dto = leadDto(lead, { pieceTitle, assigneeName, now: options.now });
      if (reveal) {
        dto.phone = lead.phoneCipher ? decryptPersonal(dataKey, lead.phoneCipher) : null;
        dto.name = lead.nameCipher ? decryptPersonal(dataKey, lead.nameCipher) : null;
      }
      return dto;
    });
    const revealed = leads.filter((lead) => lead.phone).map((lead) => lead.id);
    if (revealed.length > 0)
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "lead.reveal",
        entity: "lead",
        entityId: revealed.length === 1 ? revealed[0] : null,
        after: { leads: revealed },
        at: options.now,
      });
    return leads;
  });
}

function filters(options: {
  status?: LeadStatus;
  pieceId?: number;
  assignee?: number | "unassigned";
}): SQL[] {
  const where: SQL[] = [];
  if (options.status) where.push(eq(schema.leads.status, options.status));
  if (options.pieceId) where.push(eq(schema.leads.pieceId, options.pieceId));
  if (options.assignee === "unassigned") where.push(isNull(schema.leads.assigneeId));
  else if (options.assignee) where.push(eq(schema.leads.assigneeId, options.assignee));
  return where;
}
