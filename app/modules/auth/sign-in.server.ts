import crypto from "node:crypto";
import { and, count, eq, gt, gte, max } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Failure, type Success } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { backoffMs, THROTTLE } from "./login-throttle";
import { hashPassword, sha256Hex, verifyPassword } from "./password.server";
import { pruneLoginAttempts } from "./prune-login-attempts.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfterMs: number };

/**
 * Checks the throttle and, when the try may go ahead, records it as a failure at once, in one
 * immediate transaction: parallel guesses each see the ones before them, so together they cannot
 * pass the limit. A right password turns the row into a success afterwards.
 */
function reserveAttempt(db: Db, email: string, ip: string, now: Date): Reservation {
  return db.transaction(
    (tx) => {
      pruneLoginAttempts({ db: tx, now });
      const since = new Date(now.getTime() - THROTTLE.windowMs);
      const a = schema.loginAttempts;
      const recent = and(gte(a.at, since), eq(a.succeeded, false));
      // A success from this address resets its account's count; not the address's own count,
      // or signing in to one's own account would clear a spray against the others.
      const lastSuccess =
        tx
          .select({ id: max(a.id) })
          .from(a)
          .where(and(eq(a.email, email), eq(a.ip, ip), eq(a.succeeded, true), gte(a.at, since)))
          .get()?.id ?? 0;
      const pair = tx
        .select({ n: count(), last: max(a.at) })
        .from(a)
        .where(and(recent, eq(a.email, email), eq(a.ip, ip), gt(a.id, lastSuccess)))
        .get();
      const address = tx
        .select({ n: count(), last: max(a.at) })
        .from(a)
        .where(and(recent, eq(a.ip, ip)))
        .get();
      const waitUntil = Math.max(
        pair?.last ? pair.last.getTime() + backoffMs(pair.n, THROTTLE.freeFailuresPerAccountAndAddress) : 0,
        address?.last ? address.last.getTime() + backoffMs(address.n, THROTTLE.freeFailuresPerAddress) : 0,
      );
      if (waitUntil > now.getTime()) return { ok: false, retryAfterMs: waitUntil - now.getTime() };
      const row = tx.insert(a).values({ email, ip, succeeded: false, at: now }).returning({ id: a.id }).get();
      return { ok: true, attemptId: row.id };
    },
    { behavior: "immediate" },
  );
}

// Unknown addresses cost one scrypt too, so the answer's timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password and opens a server-side session. Too many recent failures for this account
 * from this address (or from this address overall) make the next try wait (429 with
 * `retryAfterMs`), whether or not the password is then right.
 */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  now: Date;
}): Promise<
  | Success<{ sessionToken: string; userId: number; mustChangePassword: boolean }>
  | (Failure & { retryAfterMs?: number })
> {
  const { db, email, ip, now } = options;
  const reservation = reserveAttempt(db, email, ip, now);
  if (!reservation.ok) {
    const minutes = Math.max(1, Math.ceil(reservation.retryAfterMs / 60_000));
    return {
      ...fail(429, "throttled", `登录失败次数过多，请 ${minutes} 分钟后再试。`, { params: { minutes } }),
      retryAfterMs: reservation.retryAfterMs,
    };
  }

  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(options.password, user.passwordHash);
  else await verifyPassword(options.password, await (dummyHash ??= hashPassword(crypto.randomUUID())));
  const ok = Boolean(user && passwordOk && !user.disabled);

  const sessionToken = crypto.randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    if (ok && user) {
      tx.update(schema.loginAttempts)
        .set({ succeeded: true })
        .where(eq(schema.loginAttempts.id, reservation.attemptId))
        .run();
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
