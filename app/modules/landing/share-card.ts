import type { LandingPiece } from "./landing-types";

const DESCRIPTION_MAX = 120;

/** What a chat app shows when the link is shared: a line of text and a picture, by kind. */
export function shareCard(piece: LandingPiece): { description: string; image: string | null } {
  switch (piece.kind) {
    case "episode":
      return { description: piece.teaser, image: piece.video?.poster ?? null };
    case "ebook":
    case "handbook":
      return { description: piece.description, image: null };
    case "poster":
    case "article":
      return {
        description: piece.body.replace(/\s+/g, " ").trim().slice(0, DESCRIPTION_MAX),
        image: piece.image,
      };
    case "livestream":
      return { description: piece.cta, image: null };
  }
}
