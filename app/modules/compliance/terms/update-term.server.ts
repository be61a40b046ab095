import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { commitLibraryVersion } from "./library-version.server";
import { changeTerm } from "./term-access.server";
import { refuseDuplicate } from "./term-duplicates.server";
import { checkTermEntry } from "./term-rules";
import { currentLibraryVersion, rowToEntry, sameEntry, toTermDto } from "./term-rows.server";
import type { TermDto } from "./term-types";

/**
 * Changes a term: the fields given replace the term's, and the result is checked as a whole term.
 * A change that changes nothing writes nothing (no new version).
 */
export function updateTerm(options: {
  db: Db;
  actor: Actor;
  now: Date;
  termId: number;
  patch: Record<string, unknown>;
}): Result<{ term: TermDto; version: number; changed: boolean }> {
  const { actor, now } = options;
  return changeTerm(options, (tx, row) => {
    const before = rowToEntry(row);
    const given = Object.fromEntries(
      Object.entries(options.patch).filter(([, value]) => value !== undefined),
    );
    const checked = checkTermEntry({ ...before, ...given });
    if (!checked.ok) return checked;
    const after = checked.entry;
    if (sameEntry(before, after))
      return { ok: true, term: toTermDto(row), version: currentLibraryVersion(tx), changed: false };
    const duplicate = refuseDuplicate(tx, after, row.id);
    if (duplicate) return duplicate;
    const updated = tx
      .update(schema.complianceTerms)
      .set({ ...after, updatedAt: now })
      .where(eq(schema.complianceTerms.id, row.id))
      .returning()
      .get();
    const { version } = commitLibraryVersion(tx, {
      cause: "update",
      actor,
      now,
      audit: { action: "term.update", entity: "term", entityId: row.id, before, after: { ...after } },
    });
    return { ok: true, term: toTermDto(updated), version, changed: true };
  });
}
