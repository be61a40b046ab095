import { and, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema, type Db } from "~/lib/db.server";
import type { PieceDto } from "./piece-dto";
import { selectPieces, toPieceDto } from "./piece-rows.server";
import type { ListPiecesQuery } from "./schemas";

export interface ListPiecesOptions {
  db: Db;
  query: ListPiecesQuery;
}

/** One page of pieces matching the filters (newest change first), with the total that match. */
export function listPieces(options: ListPiecesOptions): {
  items: PieceDto[];
  total: number;
} {
  const { db, query } = options;
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(schema.pieces.kind, query.kind));
  if (query.status) conditions.push(eq(schema.pieces.status, query.status));
  if (query.ownerId) conditions.push(eq(schema.pieces.ownerId, query.ownerId));
  if (query.campaignId) conditions.push(eq(schema.pieces.campaignId, query.campaignId));
  if (query.q) {
    // LIKE wildcards typed by the user are matched literally.
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const contains = (column: AnySQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
    const match = or(
      contains(schema.pieces.title),
      contains(schema.pieces.body),
      contains(schema.pieces.slug),
    );
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(schema.pieces).where(where).get()?.n ?? 0;
  const items = selectPieces(db)
    .where(where)
    .orderBy(desc(schema.pieces.updatedAt), desc(schema.pieces.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all()
    .map(toPieceDto);
  return { items, total };
}
