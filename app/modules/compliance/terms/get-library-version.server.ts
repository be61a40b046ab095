import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { toVersionDto, versionColumns } from "./list-library-versions.server";
import type { LibraryVersionDto, TermEntry } from "./term-types";

/** One version with the whole library as it was then; null for a version that never was. */
export function getLibraryVersion(options: {
  db: DbOrTx;
  version: number;
}): (LibraryVersionDto & { terms: TermEntry[] }) | null {
  const v = schema.termLibraryVersions;
  const row = options.db
    .select({ ...versionColumns, terms: v.terms })
    .from(v)
    .leftJoin(schema.users, eq(schema.users.id, v.actorId))
    .where(eq(v.version, options.version))
    .get();
  if (!row) return null;
  const { terms, ...rest } = row;
  return { ...toVersionDto(rest), terms: terms as TermEntry[] };
}
