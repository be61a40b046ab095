import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { commitLibraryVersion } from "./library-version.server";
import { refuseUnlessTermManager } from "./term-access";
import { loadTermRow, rowToEntry } from "./term-rows.server";

/** Takes a term out of the library; the version before keeps it, so it can be restored. */
export function deleteTerm(options: {
  db: Db;
  actor: Actor;
  now: Date;
  termId: number;
}): Result<{ version: number }> {
  const { db, actor, now, termId } = options;
  const refused = refuseUnlessTermManager(actor);
  if (refused) return refused;
  return db.transaction(
    (tx) => {
      const row = loadTermRow(tx, termId);
      if (!row) return fail(404, "not_found", "词条不存在。", { params: { context: "term" } });
      tx.delete(schema.complianceTerms).where(eq(schema.complianceTerms.id, row.id)).run();
      const { version } = commitLibraryVersion(tx, {
        cause: "delete",
        actor,
        now,
        audit: { action: "term.delete", entity: "term", entityId: row.id, before: rowToEntry(row) },
      });
      return { ok: true as const, version };
    },
    { behavior: "immediate" },
  );
}
