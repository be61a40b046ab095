import crypto from "node:crypto";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "./actor";
import { sha256Hex } from "./password.server";
import { userExists } from "./user-sessions.server";

export interface CreateApiTokenOptions {
  db: Db;
  actor: Actor;
  name: string;
  userId: number;
  now: Date;
}

/** Creates a token acting as `userId`; the secret is returned once and only its sha256 is stored. */
export function createApiToken(options: CreateApiTokenOptions): Result<{ tokenId: number; token: string }> {
  const { db, now } = options;
  if (!userExists(db, options.userId)) return fail(400, "unknown_user", "令牌代表的用户不存在。", "userId");
  const token = `cs_${crypto.randomBytes(24).toString("base64url")}`;
  const tokenId = db.transaction((tx) => {
    const row = tx
      .insert(schema.apiTokens)
      .values({
        name: options.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, 7),
        userId: options.userId,
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
      after: { name: options.name, userId: options.userId },
      at: now,
    });
    return row.id;
  });
  return { ok: true, tokenId, token };
}
