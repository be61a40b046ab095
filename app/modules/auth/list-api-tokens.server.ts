import { desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

export interface ListApiTokensOptions {
  db: Db;
}

/** Every token, newest first, with its prefix and user (never the secret). */
export function listApiTokens(options: ListApiTokensOptions) {
  return options.db
    .select({
      id: schema.apiTokens.id,
      name: schema.apiTokens.name,
      prefix: schema.apiTokens.prefix,
      userEmail: schema.users.email,
      createdAt: schema.apiTokens.createdAt,
      revokedAt: schema.apiTokens.revokedAt,
      lastUsedAt: schema.apiTokens.lastUsedAt,
    })
    .from(schema.apiTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
    .orderBy(desc(schema.apiTokens.id))
    .all();
}
