import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { commitLibraryVersion } from "./library-version.server";
import { changeTerm } from "./term-access.server";
import { rowToEntry } from "./term-rows.server";

/** Takes a term out of the library; the version before keeps it, so it can be restored. */
export function deleteTerm(options: {
  db: Db;
  actor: Actor;
  now: Date;
  termId: number;
}): Result<{ version: number }> {
  const { actor, now } = options;
  return changeTerm(options, (tx, row) => {
    tx.delete(schema.complianceTerms).where(eq(schema.complianceTerms.id, row.id)).run();
    const { version } = commitLibraryVersion(tx, {
      cause: "delete",
      actor,
      now,
      audit: { action: "term.delete", entity: "term", entityId: row.id, before: rowToEntry(row) },
    });
    return { ok: true, version };
  });
}
