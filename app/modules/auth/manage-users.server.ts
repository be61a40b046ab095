import { asc, eq, isNull, and } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { generatePassword, hashPassword } from "./password.server";
import type { Role } from "./permissions";

// User administration use cases share this file: each is a few lines over the same table.

export function listUsers(options: { db: Db }) {
  return options.db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
      createdAt: schema.users.createdAt,
    })
    .from(schema.users)
    .orderBy(asc(schema.users.id))
    .all();
}

/** Creates an account with a one-time password the person must change at first sign-in. */
export async function inviteUser(options: {
  db: Db;
  actor: Actor | null;
  email: string;
  name: string;
  roles: Role[];
  password?: string;
  mustChangePassword?: boolean;
  now: Date;
}): Promise<Result<{ userId: number; oneTimePassword: string }>> {
  const { db, now } = options;
  const existing = db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, options.email))
    .get();
  if (existing) return fail(409, "email_taken", "该邮箱已有账号。", "email");
  const oneTimePassword = options.password ?? generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const userId = db.transaction((tx) => {
    const row = tx
      .insert(schema.users)
      .values({
        email: options.email,
        name: options.name,
        roles: options.roles,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.users.id })
      .get();
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "user.invite",
      entity: "user",
      entityId: row.id,
      after: { email: options.email, name: options.name, roles: options.roles },
      at: now,
    });
    return row.id;
  });
  return { ok: true, userId, oneTimePassword };
}

/** Changes roles or disables an account; disabling also revokes its sessions at once. */
export function updateUser(options: {
  db: Db;
  actor: Actor;
  userId: number;
  roles: Role[];
  disabled: boolean;
  now: Date;
}): Result {
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
    if (options.disabled) {
      tx.update(schema.sessions)
        .set({ revokedAt: now })
        .where(and(eq(schema.sessions.userId, options.userId), isNull(schema.sessions.revokedAt)))
        .run();
    }
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

export async function resetUserPassword(options: {
  db: Db;
  actor: Actor;
  userId: number;
  now: Date;
}): Promise<Result<{ oneTimePassword: string }>> {
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
