import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";

/**
 * Marks some of the caller's notifications read, or all of them. Ids that are not the caller's
 * (or do not exist) refuse the whole request, so nothing is half done and nobody can learn or
 * touch another person's notifications.
 */
export function markNotificationsRead(options: {
  db: Db;
  actor: Actor;
  target: { ids: number[] } | { all: true };
  now: Date;
}): Result<{ marked: number }> {
  const { db, actor, target, now } = options;
  const n = schema.notifications;
  return db.transaction((tx) => {
    let where = and(eq(n.userId, actor.id), isNull(n.readAt));
    if ("ids" in target) {
      const ids = [...new Set(target.ids)];
      const own = tx
        .select({ id: n.id })
        .from(n)
        .where(and(eq(n.userId, actor.id), inArray(n.id, ids)))
        .all();
      if (own.length !== ids.length)
        return fail(404, "not_found", "通知不存在，或不是你的通知。", {
          field: "ids",
          params: { context: "notification" },
        });
      where = and(where, inArray(n.id, ids));
    }
    const marked = tx.update(n).set({ readAt: now }).where(where).run().changes;
    if (marked > 0)
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "notification.read",
        entity: "user",
        entityId: actor.id,
        after: "ids" in target ? { ids: target.ids, marked } : { all: true, marked },
        at: now,
      });
    return { ok: true as const, marked };
  });
}
