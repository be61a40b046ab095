import crypto from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { sha256Hex } from "./password.server";

// API token administration: create (the secret is shown once), list, revoke.

export function createApiToken(options: {
  db: Db;
  actor: Actor;
  name: string;
  userId: number;
  now: Date;
}): Result<{ tokenId: number; token: string }> {
  const { db, now } = options;
  const user = db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.id, options.userId))
    .get();
  if (!user) return fail(400, "unknown_user", "令牌代表的用户不存在。", "userId");
  const token = `cs_${crypto.randomBytes(24).toString("base64url")}`;
  const tokenId = db.transaction((tx) => {
    const row = tx
      .insert(schema.apiTokens)
      .values({
        name: options.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, 7),
        userId: user.id,
        createdBy: options.actor.id,
        createdAt: now,
      })
      .returning({ id: schema.apiTokens.id })
      .get();
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "token.create",
      entity: "api_token",
      entityId: row.id,
      after: { name: options.name, userId: user.id },
      at: now,
    });
    return row.id;
  });
  return { ok: true, tokenId, token };
}

export function listApiTokens(options: { db: Db }) {
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

export function revokeApiToken(options: { db: Db; actor: Actor; tokenId: number; now: Date }): Result {
  const { db, now } = options;
  const token = db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, options.tokenId)).get();
  if (!token) return fail(404, "not_found", "令牌不存在。", { params: { context: "token" } });
  if (token.revokedAt) return { ok: true };
  db.transaction((tx) => {
    tx.update(schema.apiTokens).set({ revokedAt: now }).where(eq(schema.apiTokens.id, token.id)).run();
    recordAudit(tx, {
      actor: auditActor(options.actor),
      action: "token.revoke",
      entity: "api_token",
      entityId: token.id,
      before: { name: token.name },
      at: now,
    });
  });
  return { ok: true };
}
