import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { generatePassword, hashPassword } from "./password.server";
import { revokeUserSessions, userExists } from "./user-sessions.server";

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
  const userId = options.userId;
  if (!userExists(db, userId)) return fail(404, "not_found", "用户不存在。", { params: { context: "user" } });
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  db.transaction((tx) => {
    tx.update(schema.users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now })
      .where(eq(schema.users.id, userId))
      .run();
    revokeUserSessions(tx, userId, now);
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "user.reset_password",
      entity: "user",
      entityId: userId,
      at: now,
    });
  });
  return { ok: true, oneTimePassword };
}
