import { and, asc, eq, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { TermListQuery } from "./term-schemas";
import { currentLibraryVersion, toTermDto } from "./term-rows.server";
import type { TermDto } from "./term-types";

/**
 * The library now, filtered by category, severity and a text found in any of a term's fields,
 * in the order terms were added; with the current version and the whole library's size.
 */
export function listTerms(options: { db: DbOrTx; query?: TermListQuery }): {
  items: TermDto[];
  total: number;
  termsTotal: number;
  version: number;
} {
  const { db, query = {} } = options;
  const t = schema.complianceTerms;
  const conditions: SQL[] = [];
  if (query.category) conditions.push(eq(t.category, query.category));
  if (query.severity) conditions.push(eq(t.severity, query.severity));
  if (query.q) {
    // instr() takes the text literally: no LIKE wildcards to escape.
    const needle = query.q.toLowerCase();
    const has = (column: SQLWrapper) => sql`instr(lower(coalesce(${column}, '')), ${needle}) > 0`;
    conditions.push(
      or(
        has(t.term),
        has(t.pattern),
        has(t.reason),
        has(t.basis),
        has(t.suggestion),
        has(t.allowedContexts),
      )!,
    );
  }
  return db.transaction((tx) => {
    const rows = tx
      .select()
      .from(t)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(t.id))
      .all();
    const termsTotal =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(t)
        .get()?.n ?? 0;
    return {
      items: rows.map(toTermDto),
      total: rows.length,
      termsTotal,
      version: currentLibraryVersion(tx),
    };
  });
}
