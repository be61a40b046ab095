import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";

export interface RevokeApiTokenOptions {
  db: Db;
  actor: Actor;
  tokenId: number;
  now: Date;
}

/** Revokes a token at once; revoking it again changes nothing. */
export function revokeApiToken(options: RevokeApiTokenOptions): Result {
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
