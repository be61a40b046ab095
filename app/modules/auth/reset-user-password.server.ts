import { eq, isNull, and } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { generatePassword, hashPassword } from "./password.server";

export interface ResetUserPasswordOptions {
  db: Db;
  actor: Actor;
  userId: number;
  now: Date;
}

/** Gives the account a new one-time password and ends its sessions. */
export async function resetUserPassword(
  options: ResetUserPasswordOptions,
): Promise<Result<{ oneTimePassword: string }>> {
  const { db, now } = options;
  const user = db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.id, options.userId))
    .get();
  if (!user) return fail(404, "not_found", "用户不存在。", { params: { context: "user" } });
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  db.transaction((tx) => {
    tx.update(schema.users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now })
      .where(eq(schema.users.id, user.id))
      .run();
    tx.update(schema.sessions)
      .set({ revokedAt: now })
      .where(and(eq(schema.sessions.userId, user.id), isNull(schema.sessions.revokedAt)))
      .run();
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "user.reset_password",
      entity: "user",
      entityId: user.id,
      at: now,
    });
  });
  return { ok: true, oneTimePassword };
}
