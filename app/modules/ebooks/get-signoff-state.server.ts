import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { SignoffRow } from "./book-rows.server";
import { getCurrentContentHash } from "./get-current-content-hash.server";

export type SignoffState =
  | { state: "none" }
  | { state: "valid"; signoff: SignoffRow }
  | { state: "voided"; signoff: SignoffRow; reason: string };

/**
 * The latest sign-off and whether it still covers the current content. A sign-off is valid only
 * while it is not voided and the content hash it names is the book's hash now.
 */
export function getSignoffState(options: {
  db: DbOrTx;
  pieceId: number;
  /** The book's hash now when the caller already has it (read from the tables when left out). */
  contentHash?: string | null;
}): SignoffState {
  const { db, pieceId, contentHash } = options;
  const latest = db
    .select()
    .from(schema.ebookSignoffs)
    .where(eq(schema.ebookSignoffs.pieceId, pieceId))
    .orderBy(desc(schema.ebookSignoffs.id))
    .limit(1)
    .get();
  if (!latest) return { state: "none" };
  if (latest.voidedAt) return { state: "voided", signoff: latest, reason: latest.voidReason ?? "内容已修改" };
  const hash = contentHash === undefined ? getCurrentContentHash({ db, pieceId }) : contentHash;
  if (hash !== latest.contentHash) return { state: "voided", signoff: latest, reason: "内容已修改" };
  return { state: "valid", signoff: latest };
}
