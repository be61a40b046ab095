import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { isSalesStaff } from "./list-sales-staff.server";
import { leadAtVersion, writeLeadChange } from "./write-lead-change.server";

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
    const found = leadAtVersion(tx, leadId, options.version);
    if (!found.ok) return found;
    const { lead } = found;
    // Leads go to the people who call them: active accounts with the sales role.
    if (assigneeId !== null && !isSalesStaff(tx, assigneeId))
      return fail(400, "invalid_staff", "所选人员不存在、已停用或没有销售角色。", {
        field: "assigneeId",
        params: { context: "sales" },
      });
    if (lead.assigneeId === assigneeId) return { ok: true as const, version: lead.version };
    return writeLeadChange(tx, {
      actor,
      lead,
      set: { assigneeId },
      activity: { kind: "assign", note: assigneeId === null ? null : String(assigneeId) },
      audit: { action: "lead.assign", before: { assigneeId: lead.assigneeId }, after: { assigneeId } },
      now,
    });
  });
}
