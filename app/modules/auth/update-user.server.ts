import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import type { Role } from "./permissions";
import { revokeUserSessions } from "./user-sessions.server";

export interface UpdateUserOptions {
  db: Db;
  actor: Actor;
  userId: number;
  roles: Role[];
  disabled: boolean;
  now: Date;
}

/** Changes roles or disables an account; disabling also revokes its sessions at once. */
export function updateUser(options: UpdateUserOptions): Result {
  const { db, now } = options;
  const before = db.select().from(schema.users).where(eq(schema.users.id, options.userId)).get();
  if (!before) return fail(404, "not_found", "用户不存在。", { params: { context: "user" } });
  if (before.id === options.actor.id && (options.disabled || !options.roles.includes("admin"))) {
    return fail(400, "self_lockout", "不能停用自己或取消自己的管理员角色。", "roles");
  }
  db.transaction((tx) => {
    tx.update(schema.users)
      .set({ roles: options.roles, disabled: options.disabled, updatedAt: now })
      .where(eq(schema.users.id, options.userId))
      .run();
    if (options.disabled) revokeUserSessions(tx, options.userId, now);
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "user.update",
      entity: "user",
      entityId: options.userId,
      before: { roles: before.roles, disabled: before.disabled },
      after: { roles: options.roles, disabled: options.disabled },
      at: now,
    });
  });
  return { ok: true };
}
