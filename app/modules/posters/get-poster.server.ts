import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { printTarget, type PublicBase } from "../ebooks/public-url.server";
import { canEditPiece } from "../pieces/status-machine";
import { findPoster } from "./find-poster.server";
import { listPosterRenders, type PosterRenderDto } from "./list-poster-renders.server";
import { posterSource } from "./poster-variants.server";

export interface PosterDto {
  id: number;
  title: string;
  status: string;
  slug: string;
  template: string;
  size: string;
  fields: Record<string, string>;
  version: number;
  photo: { width: number; height: number; bytes: number } | null;
  renders: PosterRenderDto[];
  /** The address the main image's QR code opens, and why it could not be printed (null: it can). */
  qr: { url: string; printProblem: string | null };
  updatedAt: string;
}

export function toPosterDto(db: DbOrTx, pieceId: number, publicBase: PublicBase | string): PosterDto | null {
  const found = findPoster(db, pieceId);
  if (!found) return null;
  const { piece, poster } = found;
  const target = printTarget({ base: publicBase, slug: piece.slug, source: posterSource(piece.id) });
  return {
    id: piece.id,
    title: piece.title,
    status: piece.status,
    slug: piece.slug,
    template: poster.template,
    size: poster.size,
    fields: poster.fields,
    version: poster.version,
    photo:
      poster.photoWidth && poster.photoHeight
        ? { width: poster.photoWidth, height: poster.photoHeight, bytes: poster.photoBytes ?? 0 }
        : null,
    renders: listPosterRenders(db, pieceId),
    qr: { url: target.url, printProblem: target.problem },
    updatedAt: piece.updatedAt.toISOString(),
  };
}

/** The poster page: the poster, whether this person may edit and render it, and the consultants to pick. */
export function getPosterPage(options: {
  db: DbOrTx;
  pieceId: number;
  actor: Actor;
  publicBase: PublicBase | string;
}) {
  const { db, pieceId, actor } = options;
  const poster = toPosterDto(db, pieceId, options.publicBase);
  if (!poster) return null;
  const found = findPoster(db, pieceId)!;
  const consultants = db
    .select({ id: schema.users.id, name: schema.users.name, roles: schema.users.roles })
    .from(schema.users)
    .where(eq(schema.users.disabled, false))
    .orderBy(asc(schema.users.name))
    .all()
    .filter((u) => u.roles.includes("sales"))
    .map(({ id, name }) => ({ id, name }));
  return {
    poster,
    canEdit: canEditPiece(found.piece, actor),
    canRender: can(actor.roles, "renders.create") && found.piece.status !== "archived",
    consultants,
  };
}

export interface PosterSummary {
  id: number;
  title: string;
  status: string;
  template: string;
  size: string;
  latestRenderId: number | null;
  updatedAt: string;
}

/** Every poster, newest change first, with its latest finished image. */
export function listPosters(db: DbOrTx): PosterSummary[] {
  const rows = db
    .select({ piece: schema.pieces, poster: schema.posters })
    .from(schema.posters)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.posters.pieceId))
    .orderBy(desc(schema.pieces.updatedAt))
    .all();
  return rows.map(({ piece, poster }) => {
    const latest = db
      .select({ id: schema.posterRenders.id })
      .from(schema.posterRenders)
      .where(and(eq(schema.posterRenders.pieceId, piece.id), isNotNull(schema.posterRenders.assetId)))
      .orderBy(desc(schema.posterRenders.number))
      .limit(1)
      .get();
    return {
      id: piece.id,
      title: piece.title,
      status: piece.status,
      template: poster.template,
      size: poster.size,
      latestRenderId: latest?.id ?? null,
      updatedAt: piece.updatedAt.toISOString(),
    };
  });
}
