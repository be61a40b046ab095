/**
 * The originality index in `originality_bands`: a piece's band keys (see fingerprints.ts), and the
 * lookup that finds which earlier pieces share a check's keys without reading their texts.
 */
import { eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { BandKey } from "./fingerprints";

/**
 * Replaces a piece's rows with `rows` (call inside the transaction that changes its text). The
 * rows go in as one JSON array in one statement: the seed and the benchmark write thousands of
 * pieces of a few hundred rows each.
 */
export function writeBandKeys(tx: DbOrTx, pieceId: number, rows: readonly BandKey[]): void {
  tx.delete(schema.originalityBands).where(eq(schema.originalityBands.pieceId, pieceId)).run();
  if (!rows.length) return;
  const values = JSON.stringify(rows.map((row) => [row.band, row.key]));
  tx.run(sql`
    insert into originality_bands (piece_id, band, key)
    select ${pieceId}, j.value ->> 0, j.value ->> 1 from json_each(${values}) as j
  `);
}

export interface IndexHit {
  pieceId: number;
  /** How many of the probed keys the piece holds. */
  hits: number;
}

/**
 * The pieces holding most of the probed keys, most first (newer first on a tie), at most `limit`;
 * with `before`, only pieces with a smaller id (created earlier). One statement: the keys go in as
 * a JSON array and each is looked up through the (band, key) index.
 */
export function findIndexedPieces(
  db: DbOrTx,
  probes: readonly BandKey[],
  options: { before: number | null; limit: number },
): IndexHit[] {
  if (!probes.length) return [];
  const keys = JSON.stringify(probes.map((p) => [p.band, p.key]));
  const before = options.before ?? Number.MAX_SAFE_INTEGER;
  return db.all<IndexHit>(sql`
    select b.piece_id as pieceId, count(*) as hits
    from json_each(${keys}) as j
    cross join originality_bands as b on b.band = j.value ->> 0 and b.key = j.value ->> 1
    where b.piece_id < ${before}
    group by b.piece_id
    order by hits desc, b.piece_id desc
    limit ${options.limit}
  `);
}
