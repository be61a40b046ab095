import { and, eq, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "./actor";
import { sha256Hex } from "./password.server";
import { toActor } from "./session-actor.server";

export interface ResolveApiTokenOptions {
  db: Db;
  token: string;
  now: Date;
}

/** A bearer token acts as its user, and only while both are live. */
export function resolveApiToken(options: ResolveApiTokenOptions): Actor | null {
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
