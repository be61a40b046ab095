import type { Db } from "~/lib/db.server";
import { commitLibraryVersion } from "./library-version.server";
import { checkTermEntry, problemDetail } from "./term-rules";
import { applyEntries, currentLibraryVersion, entryLabel } from "./term-rows.server";
import type { TermEntry } from "./term-types";

/**
 * Writes the seed library as version 1 (cause "seed") into a studio whose library was never
 * written; a library with any version is left as it is. A seed term the rules refuse is a bug in
 * the seed, so it throws.
 */
export function seedTermLibrary(options: { db: Db; now: Date; terms: readonly TermEntry[] }): {
  seeded: boolean;
} {
  const { db, now } = options;
  const entries = options.terms.map((raw) => {
    const checked = checkTermEntry(raw);
    if (!checked.ok) throw new Error(`seed term “${entryLabel(raw)}”: ${problemDetail(checked)}`);
    return checked.entry;
  });
  return db.transaction(
    (tx) => {
      if (currentLibraryVersion(tx) > 0) return { seeded: false };
      const counts = applyEntries(tx, entries, { removeMissing: false, now });
      commitLibraryVersion(tx, {
        cause: "seed",
        actor: null,
        now,
        audit: { action: "terms.seed", entity: "term_library", after: { added: counts.added } },
      });
      return { seeded: true };
    },
    { behavior: "immediate" },
  );
}
