/** Helper: pieces read as `PieceDto` (owner and campaign names joined), shared by the piece reads. */
import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { PieceDto } from "./piece-dto";

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
