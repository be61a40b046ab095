import { translator } from "~/i18n/i18n";
import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../../auth/actor";
import { getLibraryVersion } from "./get-library-version.server";
import { commitLibraryVersion } from "./library-version.server";
import { refuseUnlessTermManager } from "./term-access.server";
import { checkTermEntry, problemDetail } from "./term-rules";
import { applyEntries, currentLibraryVersion, entryLabel } from "./term-rows.server";
import type { LibraryChangeCounts, TermEntry } from "./term-types";

/**
 * Makes an earlier version the library again, as a NEW version (cause "restore"): the versions
 * in between stay, so a restore can itself be undone. Terms that read the same keep their ids.
 * Every restored term is checked by today's rules first (a pattern the guard now refuses is not
 * brought back).
 */
export function restoreLibraryVersion(options: {
  db: Db;
  actor: Actor;
  now: Date;
  version: number;
}): Result<LibraryChangeCounts & { version: number; restoredFrom: number }> {
  const { db, actor, now } = options;
  const refused = refuseUnlessTermManager(actor);
  if (refused) return refused;
  return db.transaction(
    (tx) => {
      const old = getLibraryVersion({ db: tx, version: options.version });
      if (!old)
        return fail(404, "not_found", `词库没有第 ${options.version} 版。`, {
          params: { context: "libraryVersion", version: options.version },
        });
      if (old.version === currentLibraryVersion(tx))
        return fail(409, "library_version_current", `第 ${old.version} 版就是当前的词库，无需恢复。`, {
          params: { version: old.version },
        });
      const entries: TermEntry[] = [];
      for (const raw of old.terms) {
        const checked = checkTermEntry(raw);
        if (!checked.ok) {
          const label = entryLabel(raw);
          const detail = problemDetail(checked);
          return fail(
            409,
            "library_version_invalid",
            `第 ${old.version} 版中的“${label}”不符合现在的规则：${detail}`,
            {
              params: { version: old.version, label, detail },
            },
          );
        }
        entries.push(checked.entry);
      }
      const counts = applyEntries(tx, entries, { removeMissing: true, now });
      const { version } = commitLibraryVersion(tx, {
        cause: "restore",
        actor,
        now,
        note: translator("zh")("terms.notes.restore", { version: old.version }),
        audit: {
          action: "terms.restore",
          entity: "term_library",
          after: { restoredFrom: old.version, ...counts },
        },
      });
      return { ok: true as const, ...counts, version, restoredFrom: old.version };
    },
    { behavior: "immediate" },
  );
}
