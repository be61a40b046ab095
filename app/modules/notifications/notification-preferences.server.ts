import { eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import {
  DEFAULT_PREFERENCE,
  NOTIFICATION_TYPES,
  type NotificationPreference,
  type NotificationType,
} from "./notification-types";

/** A person's choice for every event type (the defaults where they chose nothing). */
export function getNotificationPreferences(options: {
  db: DbOrTx;
  userId: number;
}): NotificationPreference[] {
  const rows = options.db
    .select()
    .from(schema.notificationPreferences)
    .where(eq(schema.notificationPreferences.userId, options.userId))
    .all();
  const byType = new Map(rows.map((r) => [r.type, r]));
  return NOTIFICATION_TYPES.map((type) => {
    const row = byType.get(type) ?? DEFAULT_PREFERENCE;
    return { type, inApp: row.inApp, wecom: row.wecom };
  });
}

/** Saves the whole set at once (the form sends every switch), audited with what changed. */
export function updateNotificationPreferences(options: {
  db: Db;
  actor: Actor;
  preferences: Record<NotificationType, { inApp: boolean; wecom: boolean }>;
  now: Date;
}): { ok: true; preferences: NotificationPreference[] } {
  const { db, actor, now } = options;
  return db.transaction((tx) => {
    const before = getNotificationPreferences({ db: tx, userId: actor.id });
    for (const type of NOTIFICATION_TYPES) {
      const choice = options.preferences[type];
      tx.insert(schema.notificationPreferences)
        .values({ userId: actor.id, type, inApp: choice.inApp, wecom: choice.wecom, updatedAt: now })
        .onConflictDoUpdate({
          target: [schema.notificationPreferences.userId, schema.notificationPreferences.type],
          set: { inApp: choice.inApp, wecom: choice.wecom, updatedAt: now },
        })
        .run();
    }
    const after = getNotificationPreferences({ db: tx, userId: actor.id });
    const differs = (p: NotificationPreference, i: number) =>
      p.inApp !== after[i]!.inApp || p.wecom !== after[i]!.wecom;
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "notification.preferences",
      entity: "user",
      entityId: actor.id,
      before: before.filter(differs),
      after: after.filter((_, i) => differs(before[i]!, i)),
      at: now,
    });
    return { ok: true as const, preferences: after };
  });
}
