import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { LibraryCause, LibraryVersionDto } from "./term-types";

const v = schema.termLibraryVersions;

/** A version's columns without its terms, and who made it. */
export const versionColumns = {
  version: v.version,
  cause: v.cause,
  note: v.note,
  termCount: v.termCount,
  actorId: v.actorId,
  actorName: schema.users.name,
  createdAt: v.createdAt,
};

export function toVersionDto(row: {
  version: number;
  cause: string;
  note: string | null;
  termCount: number;
  actorId: number | null;
  actorName: string | null;
  createdAt: Date;
}): LibraryVersionDto {
  return { ...row, cause: row.cause as LibraryCause, createdAt: row.createdAt.toISOString() };
}

/** The library's versions, newest first, without their terms. */
export function listLibraryVersions(options: { db: DbOrTx; limit?: number }): LibraryVersionDto[] {
  return options.db
    .select(versionColumns)
    .from(v)
    .leftJoin(schema.users, eq(schema.users.id, v.actorId))
    .orderBy(desc(v.version))
    .limit(options.limit ?? 50)
    .all()
    .map(toVersionDto);
}
