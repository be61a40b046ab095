import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { isSalesStaff } from "./list-sales-staff.server";

/**
 * Gives a lead to a sales consultant (or to nobody), checked against the version the page showed;
 * an activity on the lead's timeline and an audit entry, in the same transaction.
 */
export function assignLead(options: {
  db: Db;
  actor: Actor;
  leadId: number;
  assigneeId: number | null;
  version: number;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, leadId, assigneeId, now } = options;
  if (!can(actor.roles, "leads.work")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  return db.transaction((tx) => {
    const lead = tx.select().from(schema.leads).where(eq(schema.leads.id, leadId)).get();
    if (!lead) return fail(404, "not_found", "线索不存在。", { params: { context: "lead" } });
    if (lead.version !== options.version)
      return fail(409, "stale", "内容刚被他人修改，请刷新后再试。", {
        params: { yours: options.version, current: lead.version },
      });
    // Leads go to the people who call them: active accounts with the sales role.
    if (assigneeId !== null && !isSalesStaff(tx, assigneeId))
      return fail(400, "invalid_staff", "所选人员不存在、已停用或没有销售角色。", {
        field: "assigneeId",
        params: { context: "sales" },
      });
    if (lead.assigneeId === assigneeId) return { ok: true as const, version: lead.version };
    const version = lead.version + 1;
    const updated = tx
      .update(schema.leads)
      .set({ assigneeId, version, updatedAt: now })
      .where(and(eq(schema.leads.id, leadId), eq(schema.leads.version, lead.version)))
      .run();
    if (updated.changes !== 1) return fail(409, "stale", "内容刚被他人修改，请刷新后再试。");
    tx.insert(schema.leadActivities)
      .values({
        leadId,
        actorId: actor.id,
        kind: "assign",
        note: assigneeId === null ? null : String(assigneeId),
        at: now,
      })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "lead.assign",
      entity: "lead",
      entityId: leadId,
      before: { assigneeId: lead.assigneeId },
      after: { assigneeId },
      at: now,
    });
    return { ok: true as const, version };
  });
}
