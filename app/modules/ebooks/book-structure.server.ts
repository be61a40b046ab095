/**
 * Helpers the section and chapter use cases share (add, rename, delete and reorder): each change
 * runs on an editable book in one transaction with its audit entry, and voids the external
 * sign-off, because anything that changes the printed book needs a new one.
 */
import { and, asc, eq, max, type SQL } from "drizzle-orm";
import { schema, type Db, type DbOrTx, type Tx } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { editableBook } from "./book-access.server";
import { recordBookChange } from "./record-book-change.server";

/** What every section and chapter change takes. */
export interface BookChangeOptions {
  db: Db;
  actor: Actor;
  pieceId: number;
  now: Date;
}

/** Runs a content change on an editable book: access check, transaction, audit, sign-off void. */
export function changeBook<T extends object>(
  options: BookChangeOptions,
  action: string,
  reason: string,
  body: (tx: Tx) => Result<T & { audit?: { before?: unknown; after?: unknown } }>,
): Result<T> {
  const access = editableBook(options.db, options.pieceId, options.actor);
  if (!access.ok) return access;
  return options.db.transaction((tx) => {
    const result = body(tx);
    if (!result.ok) return result;
    const { audit, ...rest } = result;
    const { pieceId, actor, now } = options;
    recordBookChange(tx, {
      pieceId,
      actor,
      now,
      action,
      before: audit?.before,
      after: audit?.after,
      voidReason: reason,
    });
    return rest as unknown as Result<T>;
  });
}

/** One section of one book (undefined when it belongs to another book or does not exist). */
export function sectionOf(tx: DbOrTx, pieceId: number, sectionId: number) {
  return tx
    .select()
    .from(schema.ebookSections)
    .where(and(eq(schema.ebookSections.id, sectionId), eq(schema.ebookSections.pieceId, pieceId)))
    .get();
}

/** One chapter of one book (undefined when it belongs to another book or does not exist). */
export function chapterOf(tx: DbOrTx, pieceId: number, chapterId: number) {
  return tx
    .select()
    .from(schema.ebookChapters)
    .where(and(eq(schema.ebookChapters.id, chapterId), eq(schema.ebookChapters.pieceId, pieceId)))
    .get();
}

type OrderedTable = typeof schema.ebookSections | typeof schema.ebookChapters;

/** The ids of a book's sections, or of a section's chapters, in their current order. */
export function orderedIds(tx: Tx, table: OrderedTable, where: SQL): number[] {
  return tx
    .select({ id: table.id })
    .from(table)
    .where(where)
    .orderBy(asc(table.position), asc(table.id))
    .all()
    .map((r) => r.id);
}

/** The position after the last one (1 in an empty book or section): where a new row goes. */
export function nextPosition(tx: Tx, table: OrderedTable, where: SQL): number {
  return (
    (tx
      .select({ p: max(table.position) })
      .from(table)
      .where(where)
      .get()?.p ?? 0) + 1
  );
}

/** Numbers the rows 1, 2, … in the order given. */
export function writeOrder(tx: Tx, table: OrderedTable, ids: number[]): void {
  ids.forEach((id, i) =>
    tx
      .update(table)
      .set({ position: i + 1 })
      .where(eq(table.id, id))
      .run(),
  );
}

/** A new order must name exactly the current members, each once. */
export function sameMembers(a: number[], b: number[]): boolean {
  if (a.length !== b.length || new Set(b).size !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
