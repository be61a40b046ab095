import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { commitLibraryVersion } from "./library-version.server";
import { refuseUnlessTermManager } from "./term-access.server";
import { refuseDuplicate } from "./term-duplicates.server";
import { checkTermEntry } from "./term-rules";
import { toTermDto } from "./term-rows.server";
import type { TermDto } from "./term-types";

/** Adds a term (or a pattern) to the library: the term, a new library version and its audit entry at once. */
export function createTerm(options: {
  db: Db;
  actor: Actor;
  now: Date;
  input: unknown;
}): Result<{ term: TermDto; version: number }> {
  const { db, actor, now } = options;
  const refused = refuseUnlessTermManager(actor);
  if (refused) return refused;
  const checked = checkTermEntry(options.input);
  if (!checked.ok) return checked;
  const { entry } = checked;
  return db.transaction(
    (tx) => {
      const duplicate = refuseDuplicate(tx, entry);
      if (duplicate) return duplicate;
      const row = tx
        .insert(schema.complianceTerms)
        .values({ ...entry, createdAt: now, updatedAt: now })
        .returning()
        .get();
      const { version } = commitLibraryVersion(tx, {
        cause: "create",
        actor,
        now,
        audit: { action: "term.create", entity: "term", entityId: row.id, after: { ...entry } },
      });
      return { ok: true as const, term: toTermDto(row), version };
    },
    { behavior: "immediate" },
  );
}
