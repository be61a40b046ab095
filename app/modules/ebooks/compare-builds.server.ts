import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail } from "~/lib/result";
import type { BuildRow } from "./book-rows.server";
import { toBuildDtos } from "./build-dtos.server";
import { loadChapterTexts } from "./chapter-texts.server";
import { compareSnapshots } from "./compare-snapshots";
import { findBook } from "./find-book.server";
import { getCurrentContentHash } from "./get-current-content-hash.server";

/**
 * Two builds of the same book side by side, with the chapters that changed between them and,
 * where both builds kept the chapter's text, what changed in it line by line.
 */
export function compareBuilds(options: { db: Db; pieceId: number; a: number; b: number }) {
  const { db, pieceId } = options;
  const book = findBook({ db, pieceId });
  if (!book) return fail(404, "not_found", "这本书不存在。", { params: { context: "book" } });
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
  if (!older || !newer) return fail(404, "not_found", "没有这个版本。", { params: { context: "build" } });
  const currentHash = getCurrentContentHash({ db, pieceId });
  const [olderDto, newerDto] = toBuildDtos({ db, builds: [older, newer], currentHash });
  // Only the texts of chapters whose Markdown differs between the two are read.
  const versions = (b: BuildRow) =>
    b.snapshot.sections.flatMap((s) => s.chapters.map((c) => `${c.id}:${c.hash}`));
  const [before, after] = [new Set(versions(older)), new Set(versions(newer))];
  const hashes = [...before, ...after]
    .filter((v) => !(before.has(v) && after.has(v)))
    .map((v) => v.slice(v.indexOf(":") + 1));
  const texts = loadChapterTexts({ db, pieceId, hashes });
  return {
    ok: true as const,
    book: { id: pieceId, title: book.piece.title },
    older: olderDto,
    newer: newerDto,
    diff: compareSnapshots(older.snapshot, newer.snapshot, (hash) => texts.get(hash)),
  };
}
