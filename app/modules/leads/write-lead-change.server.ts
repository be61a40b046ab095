import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "~/lib/db.server";
import { fail, type Failure } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";

type LeadRow = typeof schema.leads.$inferSelect;
type LeadUpdate = Partial<Pick<LeadRow, "status" | "assigneeId" | "firstContactAt">>;
type ActivityFields = Pick<
  typeof schema.leadActivities.$inferInsert,
  "kind" | "fromStatus" | "toStatus" | "note"
>;

/** The lead someone works on, read in their transaction and checked against the version the page showed. */
export function leadAtVersion(
  tx: Tx,
  leadId: number,
  version: number,
): { ok: true; lead: LeadRow } | Failure {
  const lead = tx.select().from(schema.leads).where(eq(schema.leads.id, leadId)).get();
  if (!lead) return fail(404, "not_found", "线索不存在。", { params: { context: "lead" } });
  if (lead.version !== version)
    return fail(409, "stale", "内容刚被他人修改，请刷新后再试。", {
      params: { yours: version, current: lead.version },
    });
  return { ok: true, lead };
}

/**
 * One change to a lead, as every change is written: the fields at the next version (refused as
 * stale if someone else wrote first), an activity on the lead's timeline and an audit entry, all in
 * the caller's transaction.
 */
export function writeLeadChange(
  tx: Tx,
  change: {
    actor: Actor;
    lead: LeadRow;
    set: LeadUpdate;
    activity: ActivityFields;
    audit: { action: string; before: Record<string, unknown>; after: Record<string, unknown> };
    now: Date;
  },
): { ok: true; version: number } | Failure {
  const { actor, lead, now } = change;
  const version = lead.version + 1;
  const updated = tx
    .update(schema.leads)
    .set({ ...change.set, version, updatedAt: now })
    .where(and(eq(schema.leads.id, lead.id), eq(schema.leads.version, lead.version)))
    .run();
  if (updated.changes !== 1) return fail(409, "stale", "内容刚被他人修改，请刷新后再试。");
  tx.insert(schema.leadActivities)
    .values({ leadId: lead.id, actorId: actor.id, ...change.activity, at: now })
    .run();
  recordAudit(tx, {
    actor: auditActor(actor),
    action: change.audit.action,
    entity: "lead",
    entityId: lead.id,
    before: change.audit.before,
    after: change.audit.after,
    at: now,
  });
  return { ok: true, version };
}
