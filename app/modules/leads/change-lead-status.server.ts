import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { canMoveLead, isLeadStatus } from "./lead-status";

export const MAX_LEAD_NOTE_LENGTH = 1000;

/**
 * Moves a lead along new → contacted → visited → won/lost (with the back-steps of LEAD_TRANSITIONS).
 * The first move away from "new" is the first contact: it sets first_contact_at, once.
 */
export function changeLeadStatus(options: {
  db: Db;
  actor: Actor;
  leadId: number;
  status: string;
  note: string | null;
  version: number;
  now: Date;
}): Result<{ version: number; firstContactAt: Date | null }> {
  const { db, actor, leadId, status, now } = options;
  if (!can(actor.roles, "leads.work")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  if (!isLeadStatus(status))
    return fail(
      400,
      "invalid_lead_status",
      "线索状态无效：只能是 新线索、已联系、已到店、已成交、已战败。",
      "status",
    );
  const note = options.note?.trim() || null;
  if (note && note.length > MAX_LEAD_NOTE_LENGTH)
    return fail(400, "text_too_long", "备注过长。", {
      field: "note",
      params: { length: note.length, max: MAX_LEAD_NOTE_LENGTH },
    });
  return db.transaction((tx) => {
    const lead = tx.select().from(schema.leads).where(eq(schema.leads.id, leadId)).get();
    if (!lead) return fail(404, "not_found", "线索不存在。", { params: { context: "lead" } });
    if (lead.version !== options.version)
      return fail(409, "stale", "内容刚被他人修改，请刷新后再试。", {
        params: { yours: options.version, current: lead.version },
      });
    if (!canMoveLead(lead.status, status))
      return fail(409, "invalid_transition", `线索不能从“${lead.status}”改为“${status}”。`, {
        field: "status",
        params: { context: "lead", from: lead.status, to: status },
      });
    const firstContactAt = lead.firstContactAt ?? now;
    const version = lead.version + 1;
    const updated = tx
      .update(schema.leads)
      .set({ status, firstContactAt, version, updatedAt: now })
      .where(and(eq(schema.leads.id, leadId), eq(schema.leads.version, lead.version)))
      .run();
    if (updated.changes !== 1) return fail(409, "stale", "内容刚被他人修改，请刷新后再试。");
    tx.insert(schema.leadActivities)
      .values({
        leadId,
        actorId: actor.id,
        kind: "status",
        fromStatus: lead.status,
        toStatus: status,
        note,
        at: now,
      })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "lead.status",
      entity: "lead",
      entityId: leadId,
      before: { status: lead.status, firstContactAt: lead.firstContactAt?.toISOString() ?? null },
      after: { status, firstContactAt: firstContactAt.toISOString(), note },
      at: now,
    });
    return { ok: true as const, version, firstContactAt };
  });
}
