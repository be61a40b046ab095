import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { listCrmDeliveries } from "./crm-settings.server";
import { leadDto } from "./lead-dto";

/** One lead for its page, masked, with its piece and its activity in order. Null when unknown. */
export function getLead(options: { db: Db; leadId: number; now: Date }) {
  const { db, leadId, now } = options;
  const row = db
    .select({ lead: schema.leads, pieceTitle: schema.pieces.title })
    .from(schema.leads)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.leads.pieceId))
    .where(eq(schema.leads.id, leadId))
    .get();
  if (!row) return null;
  const { lead } = row;
  const activities = db
    .select({
      id: schema.leadActivities.id,
      kind: schema.leadActivities.kind,
      fromStatus: schema.leadActivities.fromStatus,
      toStatus: schema.leadActivities.toStatus,
      note: schema.leadActivities.note,
      at: schema.leadActivities.at,
      actor: schema.users.name,
    })
    .from(schema.leadActivities)
    .leftJoin(schema.users, eq(schema.users.id, schema.leadActivities.actorId))
    .where(eq(schema.leadActivities.leadId, leadId))
    .orderBy(asc(schema.leadActivities.at), asc(schema.leadActivities.id))
    .all()
    .map((a) => ({ ...a, at: a.at.toISOString() }));
  // An assignment keeps the assignee's id in its note: shown by name, as it is now.
  const names = new Map(
    db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .all()
      .map((u) => [String(u.id), u.name]),
  );
  return {
    ...leadDto(lead, {
      pieceTitle: row.pieceTitle,
      assigneeName: lead.assigneeId ? (names.get(String(lead.assigneeId)) ?? null) : null,
      now,
    }),
    version: lead.version,
    crmDeliveries: listCrmDeliveries({ db, leadId, limit: 20 }).map((d) => ({
      outcome: d.outcome,
      attempt: d.attempt,
      httpStatus: d.httpStatus,
      at: d.at,
    })),
    activities: activities.map((a) => ({
      ...a,
      assigneeName: a.kind === "assign" && a.note ? (names.get(a.note) ?? a.note) : null,
      note: a.kind === "assign" || a.kind === "crm" ? null : a.note,
      outcome: a.kind === "crm" ? a.note : null,
    })),
  };
}
