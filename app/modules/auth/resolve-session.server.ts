import { and, eq, gt, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "./actor";
import { sha256Hex } from "./password.server";
import { toActor } from "./session-actor.server";

export interface ResolveSessionOptions {
  db: Db;
  token: string;
  now: Date;
}

/** A session counts only while unexpired, unrevoked and its user enabled. */
export function resolveSession(options: ResolveSessionOptions): Actor | null {
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
