import { and, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema, type Db } from "~/lib/db.server";
import type { PieceDto } from "./piece-dto";
import type { ListPiecesQuery } from "./schemas";

export const pieceDtoColumns = {
  id: schema.pieces.id,
  slug: schema.pieces.slug,
  kind: schema.pieces.kind,
  title: schema.pieces.title,
  status: schema.pieces.status,
  ownerId: schema.pieces.ownerId,
  ownerName: schema.users.name,
  campaignId: schema.pieces.campaignId,
  campaignName: schema.campaigns.name,
  columnId: schema.pieces.columnId,
  mixCategory: schema.pieces.mixCategory,
  version: schema.pieces.version,
  dueAt: schema.pieces.dueAt,
  scheduledAt: schema.pieces.scheduledAt,
  publishedAt: schema.pieces.publishedAt,
  createdAt: schema.pieces.createdAt,
  updatedAt: schema.pieces.updatedAt,
};

type PieceRow = ReturnType<ReturnType<typeof selectPieces>["all"]>[number];

export function toPieceDto(row: PieceRow): PieceDto {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...row,
    dueAt: iso(row.dueAt),
    scheduledAt: iso(row.scheduledAt),
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function selectPieces(db: Db) {
  return db
    .select(pieceDtoColumns)
    .from(schema.pieces)
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .leftJoin(schema.campaigns, eq(schema.campaigns.id, schema.pieces.campaignId));
}

export function listPieces(options: { db: Db; query: ListPiecesQuery }): {
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
