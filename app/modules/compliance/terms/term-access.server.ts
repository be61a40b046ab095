import type { Db, Tx } from "~/lib/db.server";
import { fail, type Failure, type Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import { loadTermRow, type TermRow } from "./term-rows.server";

/** Every change to the library asks this first: only editors and admins keep the library. */
export function refuseUnlessTermManager(actor: Actor): Failure | null {
  return can(actor.roles, "terms.manage")
    ? null
    : fail(403, "forbidden", "你的角色不能修改敏感词库。", { params: { context: "manageTerms" } });
}

/**
 * A change to one existing term: the role first, then, inside an IMMEDIATE transaction, the
 * term's row (404 when there is none) handed to `work`.
 */
export function changeTerm<T extends object>(
  options: { db: Db; actor: Actor; termId: number },
  work: (tx: Tx, row: TermRow) => Result<T>,
): Result<T> {
  const refused = refuseUnlessTermManager(options.actor);
  if (refused) return refused;
  return options.db.transaction(
    (tx) => {
      const row = loadTermRow(tx, options.termId);
      if (!row) return fail(404, "not_found", "词条不存在。", { params: { context: "term" } });
      return work(tx, row);
    },
    { behavior: "immediate" },
  );
}
