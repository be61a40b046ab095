import crypto from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { sha256Hex, verifyPassword } from "./password.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 20;

/**
 * Checks a password and opens a server-side session. Repeated failures for one address (or from
 * one IP) lock sign-in for the window, whether or not the password is then right.
 */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  now: Date;
}): Promise<Result<{ sessionToken: string; userId: number; mustChangePassword: boolean }>> {
  const { db, email, ip, now } = options;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failuresFor = (
    column: typeof schema.loginAttempts.email | typeof schema.loginAttempts.ip,
    value: string,
  ) =>
    db
      .select({ n: count() })
      .from(schema.loginAttempts)
      .where(
        and(
          eq(column, value),
          eq(schema.loginAttempts.succeeded, false),
          gte(schema.loginAttempts.at, since),
        ),
      )
      .get()?.n ?? 0;
  if (
    failuresFor(schema.loginAttempts.email, email) >= MAX_FAILURES_PER_EMAIL ||
    failuresFor(schema.loginAttempts.ip, ip) >= MAX_FAILURES_PER_IP
  ) {
    return fail(429, "throttled", "登录失败次数过多，请 15 分钟后再试。");
  }

  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  const passwordOk = user ? await verifyPassword(options.password, user.passwordHash) : false;
  const ok = Boolean(user && passwordOk && !user.disabled);

  const sessionToken = crypto.randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.insert(schema.loginAttempts).values({ email, ip, succeeded: ok, at: now }).run();
    if (ok && user) {
      tx.insert(schema.sessions)
        .values({
          tokenHash: sha256Hex(sessionToken),
          userId: user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
          userAgent: options.userAgent?.slice(0, 300),
        })
        .run();
    }
    recordAudit(tx, {
      actor: { id: user?.id ?? null, label: email },
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      entity: "user",
      entityId: user?.id ?? null,
      after: { ip, reason: ok ? undefined : user?.disabled ? "disabled" : "bad_credentials" },
      at: now,
    });
  });
  if (!ok || !user) return fail(400, "bad_credentials", "邮箱或密码不正确。", "password");
  return { ok: true, sessionToken, userId: user.id, mustChangePassword: user.mustChangePassword };
}
