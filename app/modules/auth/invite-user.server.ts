import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { generatePassword, hashPassword } from "./password.server";
import type { Role } from "./permissions";

export interface InviteUserOptions {
  db: Db;
  actor: Actor | null;
  email: string;
  name: string;
  roles: Role[];
  password?: string;
  mustChangePassword?: boolean;
  now: Date;
}

/** Creates an account with a one-time password the person must change at first sign-in. */
export async function inviteUser(
  options: InviteUserOptions,
): Promise<Result<{ userId: number; oneTimePassword: string }>> {
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
