import { and, asc, eq, like } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { getPublicBook } from "../ebooks/get-public-book.server";
import type { Attribution } from "../tracking/attribution";
import type { LandingPage, LandingPiece } from "./landing-types";
import { findPublishedPiece, posterImage, publishedRender, type PieceRow } from "./published-piece.server";

/** The answer of every public page that must not exist: the same for a draft as for a typo. */
export const LANDING_NOT_FOUND = { message: "页面不存在或已下线。" } as const;

const TEASER_LINES = 3;
const TEASER_MAX = 90;

export interface GetLandingPageOptions {
  db: Db;
  slug: string;
  attribution: Attribution;
  timeZone: string;
}

/**
 * Everything the public page of a published piece shows, by kind; null for an unknown slug and
 * for every piece that is not published, so the page gives them one and the same 404.
 */
export function getLandingPage(options: GetLandingPageOptions): LandingPage | null {
  const { db } = options;
  const piece = findPublishedPiece(db, options.slug);
  if (!piece) return null;
  const landing = landingOf(db, piece);
  if (!landing) return null;
  return {
    ...landing,
    attribution: options.attribution,
    consultantName: consultantName(db, options.attribution.consultant),
    timeZone: options.timeZone,
  };
}

function landingOf(db: Db, piece: PieceRow): LandingPiece | null {
  const base = { slug: piece.slug, title: piece.title, campaign: campaignOf(db, piece.campaignId) };
  switch (piece.kind) {
    case "episode":
      return { ...base, kind: "episode", ...episodeOf(db, piece) };
    case "ebook":
    case "handbook": {
      // The book page's facts come from the ebooks capability's own public reader.
      const book = getPublicBook({ db, slug: piece.slug });
      if (!book) return null;
      return {
        ...base,
        kind: piece.kind,
        subtitle: book.subtitle,
        author: book.author,
        description: book.description,
        trim: book.trim,
        latest: book.latest,
      };
    }
    case "poster":
    case "article": {
      const image = posterImage(db, piece);
      return {
        ...base,
        kind: piece.kind,
        body: piece.body,
        image: image ? `/p/${piece.slug}/cover?v=${image.id}` : null,
      };
    }
    case "livestream":
      return { ...base, kind: "livestream", ...livestreamOf(db, piece) };
    default:
      return null;
  }
}

function campaignOf(db: Db, campaignId: number | null) {
  if (campaignId == null) return null;
  const row = db
    .select({ name: schema.campaigns.name, theme: schema.campaigns.theme })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, campaignId))
    .get();
  return row ?? null;
}

function episodeOf(db: Db, piece: PieceRow) {
  const render = publishedRender(db, piece);
  const column =
    piece.columnId == null
      ? null
      : (db
          .select({
            name: schema.columns.name,
            outroLine: schema.columns.outroLine,
            primaryColor: schema.columns.primaryColor,
            accentColor: schema.columns.accentColor,
          })
          .from(schema.columns)
          .where(eq(schema.columns.id, piece.columnId))
          .get() ?? null);
  const lines = db
    .select({ voiceover: schema.episodeScriptLines.voiceover })
    .from(schema.episodeScriptLines)
    .where(eq(schema.episodeScriptLines.pieceId, piece.id))
    .orderBy(asc(schema.episodeScriptLines.position))
    .limit(TEASER_LINES)
    .all();
  // Lines are spoken one after another: a comma between them unless a line ends its own sentence.
  const joined = lines
    .map((l) => l.voiceover.trim())
    .filter(Boolean)
    .map((text, i, all) => (i < all.length - 1 && !/[，。！？；,.!?;…]$/.test(text) ? `${text}，` : text))
    .join("");
  const teaser = joined.length > TEASER_MAX ? `${joined.slice(0, TEASER_MAX - 1)}…` : joined;
  return {
    // `?v=` names the version, so a later render is never served from a stale cache.
    video: render
      ? {
          src: `/p/${piece.slug}/video?v=${render.number}`,
          poster: `/p/${piece.slug}/cover?v=${render.number}`,
          durationSeconds: render.durationSeconds,
        }
      : null,
    column,
    teaser,
  };
}

function livestreamOf(db: Db, piece: PieceRow) {
  const show = db
    .select()
    .from(schema.livestreamShows)
    .where(eq(schema.livestreamShows.pieceId, piece.id))
    .get();
  const products = show
    ? db
        .select({
          name: schema.livestreamProducts.name,
          sellingPoint: schema.livestreamProducts.sellingPoint,
          perk: schema.livestreamProducts.perk,
        })
        .from(schema.livestreamProducts)
        .where(eq(schema.livestreamProducts.showId, piece.id))
        .orderBy(asc(schema.livestreamProducts.position))
        .all()
    : [];
  const startsAt = show?.scheduledAt ?? piece.scheduledAt ?? null;
  return {
    startsAt: startsAt ? startsAt.toISOString() : null,
    phase: show?.endedAt ? "ended" : show?.startedAt ? "live" : "upcoming",
    plannedMinutes: show?.plannedMinutes ?? 0,
    products,
    cta: show?.ctaText ?? "",
  } as const;
}

/**
 * The display name of the consultant a poster's QR code names (`poster-12-wangfang`): an active
 * sales user whose e-mail starts with that key. Only a name is shown, never contact details.
 */
function consultantName(db: Db, consultant: string | null): string | null {
  if (!consultant) return null;
  const users = db
    .select({ name: schema.users.name, roles: schema.users.roles, email: schema.users.email })
    .from(schema.users)
    .where(and(like(schema.users.email, `${consultant}@%`), eq(schema.users.disabled, false)))
    .all();
  const match = users.find((u) => u.email.split("@")[0] === consultant && u.roles.includes("sales"));
  return match?.name ?? null;
}
