import { asc } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import { seedTermLibrary } from "~/modules/compliance/terms/seed-term-library.server";
import type { TermEntry } from "~/modules/compliance/terms/term-types";
import { action as importAction } from "~/routes/api.v1.terms.import";
import { respond, routeArgs } from "../setup/test-studio";
import { SEED_TERMS } from "../../db/seed-content/terms";
import { rowCount } from "../setup/row-count";

/** 10:00 on Monday 2 March 2026 in Shanghai. */
export const NOW = new Date("2026-03-02T02:00:00Z");

/** A valid term entry, with changes. */
export function entry(patch: Partial<TermEntry> = {}): TermEntry {
  return {
    term: "最好",
    pattern: null,
    category: "absolute",
    severity: "block",
    reason: "绝对化用语",
    basis: "《中华人民共和国广告法》第九条第（三）项",
    suggestion: "写具体优点",
    allowedContexts: ["最好是"],
    ...patch,
  };
}

/** The seed library as version 1. */
export function seedLibrary(studio: Studio) {
  return seedTermLibrary({ db: studio.db, now: studio.now(), terms: SEED_TERMS });
}

/** The library's terms without ids and times, in id order. */
export function libraryEntries(studio: Studio): TermEntry[] {
  return studio.db
    .select()
    .from(schema.complianceTerms)
    .orderBy(asc(schema.complianceTerms.id))
    .all()
    .map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest as TermEntry);
}

/** Everything a refused change must leave as it was. */
export function librarySnapshot(studio: Studio) {
  return {
    terms: JSON.stringify(studio.db.select().from(schema.complianceTerms).all()),
    versions: rowCount(studio, schema.termLibraryVersions),
    audit: rowCount(studio, schema.auditLog),
    jobs: rowCount(studio, schema.jobs),
  };
}

/** POST /api/v1/terms/import with a raw body. */
export function importCsv(
  cookie: string,
  body: BodyInit,
  /** `type: null` leaves the Content-Type to the body (a FormData's multipart boundary). */
  options: { mode?: "merge" | "replace"; type?: string | null; headers?: Record<string, string> } = {},
) {
  const query = options.mode ? `?mode=${options.mode}` : "";
  return respond(() =>
    importAction(
      routeArgs(
        new Request(`http://localhost/api/v1/terms/import${query}`, {
          method: "POST",
          body,
          headers: {
            ...(options.type === null ? {} : { "Content-Type": options.type ?? "text/csv" }),
            Cookie: cookie,
            ...options.headers,
          },
        }),
      ),
    ),
  );
}
