import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password.server";
import { revokeUserSessions } from "./user-sessions.server";

/**
 * Changes the actor's password and ends their other sessions (a stolen cookie stops working the
 * moment the password does); the session the change was made from, `keepSessionToken`, stays.
 */
export async function changePassword(options: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  keepSessionToken?: string | null;
  now: Date;
}): Promise<Result<{ endedSessions: number }>> {
  const { db, actor, now } = options;
  const user = db.select().from(schema.users).where(eq(schema.users.id, actor.id)).get();
  if (!user || !(await verifyPassword(options.currentPassword, user.passwordHash))) {
    return fail(400, "bad_password", "当前密码不正确。", "currentPassword");
  }
  if (options.currentPassword === options.newPassword)
    return fail(400, "same_password", "新密码不能与当前密码相同。", "newPassword");
  const passwordHash = await hashPassword(options.newPassword);
  const endedSessions = db.transaction((tx) => {
    tx.update(schema.users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(schema.users.id, actor.id))
      .run();
    const others = revokeUserSessions(tx, actor.id, now, options.keepSessionToken);
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "user.change_password",
      entity: "user",
      entityId: actor.id,
      after: { endedSessions: others },
      at: now,
    });
    return others;
  });
  return { ok: true, endedSessions };
}
