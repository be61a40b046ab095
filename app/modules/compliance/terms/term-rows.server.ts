import { asc, desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { TermCategory, TermSeverity } from "../compliance-types";
import { entryKey } from "./term-rules";
import type { LibraryChangeCounts, TermDto, TermEntry } from "./term-types";

export type TermRow = typeof schema.complianceTerms.$inferSelect;

export function rowToEntry(row: TermRow): TermEntry {
  const { id: _id, createdAt: _created, updatedAt: _updated, category, severity, ...text } = row;
  return { ...text, category: category as TermCategory, severity: severity as TermSeverity };
}

export function toTermDto(row: TermRow): TermDto {
  return {
    id: row.id,
    ...rowToEntry(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every term, oldest first: the order a version's snapshot and the CSV export keep. */
export function loadTermRows(db: DbOrTx): TermRow[] {
  return db.select().from(schema.complianceTerms).orderBy(asc(schema.complianceTerms.id)).all();
}

export function loadTermRow(db: DbOrTx, termId: number): TermRow | undefined {
  return db.select().from(schema.complianceTerms).where(eq(schema.complianceTerms.id, termId)).get();
}

/** The current version number; 0 before the library was first written. */
export function currentLibraryVersion(db: DbOrTx): number {
  return (
    db
      .select({ version: schema.termLibraryVersions.version })
      .from(schema.termLibraryVersions)
      .orderBy(desc(schema.termLibraryVersions.version))
      .limit(1)
      .get()?.version ?? 0
  );
}

/** The term or pattern as people read it (a version's or an audit entry's label). */
export function entryLabel(entry: Pick<TermEntry, "term" | "pattern">): string {
  return entry.term ?? entry.pattern ?? "";
}

export function sameEntry(a: TermEntry, b: TermEntry): boolean {
  return (
    a.term === b.term &&
    a.pattern === b.pattern &&
    a.category === b.category &&
    a.severity === b.severity &&
    a.reason === b.reason &&
    a.basis === b.basis &&
    a.suggestion === b.suggestion &&
    a.allowedContexts.length === b.allowedContexts.length &&
    a.allowedContexts.every((context, i) => context === b.allowedContexts[i])
  );
}

/**
 * Writes checked, duplicate-free entries into the library, inside the caller's transaction:
 * an entry whose key (term as matched, or pattern) is there already updates that row and keeps
 * its id; a new one is added; with `removeMissing`, terms the entries do not name are deleted
 * (replace-import and restore). Unchanged rows are not touched.
 */
export function applyEntries(
  tx: DbOrTx,
  entries: readonly TermEntry[],
  options: { removeMissing: boolean; now: Date },
): LibraryChangeCounts {
  const counts: LibraryChangeCounts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  const existing = new Map(loadTermRows(tx).map((row) => [entryKey(row), row]));
  const t = schema.complianceTerms;
  // Deletions first: a replaced term may come back under a spelling that reads the same.
  const keys = new Set(entries.map((entry) => entryKey(entry)));
  if (options.removeMissing) {
    for (const [key, row] of existing) {
      if (keys.has(key)) continue;
      tx.delete(t).where(eq(t.id, row.id)).run();
      existing.delete(key);
      counts.removed += 1;
    }
  }
  for (const entry of entries) {
    const row = existing.get(entryKey(entry));
    if (!row) {
      tx.insert(t)
        .values({ ...entry, createdAt: options.now, updatedAt: options.now })
        .run();
      counts.added += 1;
      continue;
    }
    if (sameEntry(rowToEntry(row), entry)) {
      counts.unchanged += 1;
      continue;
    }
    tx.update(t)
      .set({ ...entry, updatedAt: options.now })
      .where(eq(t.id, row.id))
      .run();
    counts.updated += 1;
  }
  return counts;
}

export function changedAnything(counts: LibraryChangeCounts): boolean {
  return counts.added + counts.updated + counts.removed > 0;
}
