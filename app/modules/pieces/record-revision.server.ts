import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { holdApproval } from "./approval-hold.server";

/**
 * A piece's saved text as one revision, written in the caller's transaction: every save of any
 * kind's editor keeps its title and body (so the piece page can show what changed between saves)
 * and takes back an approval the new text no longer matches (`holdApproval`).
 */
export function recordRevision(
  tx: DbOrTx,
  revision: { pieceId: number; version: number; title: string; body: string; actor: Actor; now: Date },
): void {
  const { pieceId, version, title, body, actor, now } = revision;
  tx.insert(schema.pieceRevisions)
    .values({ pieceId, version, title, body, authorId: actor.id, createdAt: now })
    .run();
  holdApproval(tx, { pieceId, actor, now });
}
