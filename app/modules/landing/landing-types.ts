/**
 * What a public landing page shows, one shape per kind of piece. Plain data (no Dates): the
 * loader's JSON is the page's only input, and nothing here is personal.
 */
import type { Attribution } from "../tracking/attribution";

interface LandingBase {
  slug: string;
  title: string;
  /** The piece's campaign month (新年焕新季, 开年88项免费检测 …), the page's ribbon; null when none. */
  campaign: { name: string; theme: string } | null;
}

export interface VideoLanding extends LandingBase {
  kind: "episode";
  /** Public URLs of the published render; null while the episode has no render yet. */
  video: { src: string; poster: string; durationSeconds: number } | null;
  column: { name: string; outroLine: string; primaryColor: string; accentColor: string } | null;
  /** A few voice-over lines as the page's short text. */
  teaser: string;
}

export interface BookLanding extends LandingBase {
  kind: "ebook" | "handbook";
  subtitle: string;
  author: string;
  description: string;
  trim: string;
  /** The latest screen build (what the download serves); null before the first build. */
  latest: { id: number; pages: number; bytes: number; sha256: string; createdAt: string } | null;
}

export interface PrintLanding extends LandingBase {
  /** Posters and articles: copy, and for a poster its image. */
  kind: "poster" | "article";
  body: string;
  /** Public URL of the poster's image, or null. */
  image: string | null;
}

export interface LivestreamLanding extends LandingBase {
  kind: "livestream";
  /** When the show starts, as an ISO instant; null when not yet scheduled. */
  startsAt: string | null;
  /** upcoming | live | ended, from the show's start and end as the studio recorded them. */
  phase: "upcoming" | "live" | "ended";
  plannedMinutes: number;
  /** What will be shown: each product and its perk (福利). */
  products: { name: string; sellingPoint: string; perk: string }[];
  cta: string;
}

export type LandingPiece = VideoLanding | BookLanding | PrintLanding | LivestreamLanding;

/** The page as its loader returns it: the piece, where the visitor came from, and who sent them. */
export type LandingPage = LandingPiece & {
  attribution: Attribution;
  /** The consultant's display name when `src` was a poster's consultant code; null otherwise. */
  consultantName: string | null;
  timeZone: string;
};
