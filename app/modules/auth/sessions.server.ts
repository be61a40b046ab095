import { and, eq, gt, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import type { Actor } from "./actor";
import { isRole } from "./permissions";
import { sha256Hex } from "./password.server";

function toActor(user: typeof schema.users.$inferSelect): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.filter(isRole),
    mustChangePassword: user.mustChangePassword,
  };
}

/** A session counts only while unexpired, unrevoked and its user enabled. */
export function resolveSession(options: { db: Db; token: string; now: Date }): Actor | null {
  const row = options.db
    .select({ user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        eq(schema.sessions.tokenHash, sha256Hex(options.token)),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, options.now),
      ),
    )
    .get();
  if (!row || row.user.disabled) return null;
  return toActor(row.user);
}

export function signOut(options: { db: Db; token: string; actor: Actor; now: Date }): void {
  options.db.transaction((tx) => {
    tx.update(schema.sessions)
      .set({ revokedAt: options.now })
      .where(eq(schema.sessions.tokenHash, sha256Hex(options.token)))
      .run();
    recordAudit(tx, {
      actor: { id: options.actor.id, label: options.actor.email },
      action: "auth.sign_out",
      entity: "user",
      entityId: options.actor.id,
      at: options.now,
    });
  });
}

/** A bearer token acts as its user, and only while both are live. */
export function resolveApiToken(options: { db: Db; token: string; now: Date }): Actor | null {
  const row = options.db
    .select({ user: schema.users, tokenId: schema.apiTokens.id })
    .from(schema.apiTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
    .where(and(eq(schema.apiTokens.tokenHash, sha256Hex(options.token)), isNull(schema.apiTokens.revokedAt)))
    .get();
  if (!row || row.user.disabled) return null;
  options.db
    .update(schema.apiTokens)
    .set({ lastUsedAt: options.now })
    .where(eq(schema.apiTokens.id, row.tokenId))
    .run();
  return toActor(row.user);
}

export { toActor };
