import type { DbOrTx } from "~/lib/db.server";
import { bookSnapshot, contentHashOf } from "./content-hash.server";
import { loadBookContent } from "./load-book-content.server";

/** The content hash of the book as it is now, or null when the id is not a book. */
export function getCurrentContentHash(options: { db: DbOrTx; pieceId: number }): string | null {
  const content = loadBookContent(options);
  return content ? contentHashOf(bookSnapshot(content)) : null;
}
