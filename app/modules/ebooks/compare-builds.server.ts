import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { toBuildDtos } from "./build-dtos.server";
import { compareSnapshots } from "./compare-snapshots";
import { bookSnapshot, contentHashOf } from "./content-hash.server";
import { loadBookContent } from "./load-book-content.server";

/** Two builds of the same book side by side, with the chapters that changed between them. */
export function compareBuilds(options: { db: Db; pieceId: number; a: number; b: number }) {
  const { db, pieceId } = options;
  const rows = db
    .select()
    .from(schema.ebookBuilds)
    .where(
      and(eq(schema.ebookBuilds.pieceId, pieceId), inArray(schema.ebookBuilds.id, [options.a, options.b])),
    )
    .orderBy(asc(schema.ebookBuilds.id))
    .all();
  const older = rows.find((r) => r.id === Math.min(options.a, options.b));
  const newer = rows.find((r) => r.id === Math.max(options.a, options.b));
  if (!older || !newer) return null;
  const currentHash = contentHashOf(bookSnapshot(loadBookContent({ db, pieceId })!));
  const [olderDto, newerDto] = toBuildDtos({ db, builds: [older, newer], currentHash });
  return {
    older: olderDto,
    newer: newerDto,
    diff: compareSnapshots(older.snapshot, newer.snapshot),
  };
}
