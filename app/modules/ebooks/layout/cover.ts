import { bleedBand, type LayoutContext } from "./layout-context";
import { ACCENT, COVER_COLOR, INK, MUTED } from "./palette";

/** Page 1: title and subtitle on a dark band that runs into the bleed, author and description below. */
export function layoutCover(lc: LayoutContext): void {
  const { flow, g, book, size, contentW, centered } = lc;
  flow.newPage("cover");
  bleedBand(lc, -g.bleed, g.trimHeight * 0.62 + g.bleed, COVER_COLOR);
  bleedBand(lc, g.trimHeight * 0.62, 6, ACCENT);
  const y = centered(book.title, size * 2.9, "bold", "#ffffff", g.trimHeight * 0.24);
  if (book.subtitle) centered(book.subtitle, size * 1.25, "regular", "#dbe7f5", y + size);
  centered(book.author, size * 1.15, "bold", INK, g.trimHeight * 0.78);
  if (book.description)
    centered(book.description, size * 0.9, "regular", MUTED, g.trimHeight * 0.84, contentW * 0.9);
}
