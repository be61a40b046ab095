/**
 * The kit's poster face, loaded once per process and face: the TTF bytes (Noto Sans SC's shared
 * with the e-books' loader), the font list handed to satori (satori caches the parsed fonts by
 * this array's identity, so it must be the same array every time), and glyph widths for the
 * line breaker.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { loadFontBuffers, type FontBuffers } from "~/modules/ebooks/pdf-fonts.server";
import { DEFAULT_POSTER_FONT, POSTER_FONTS, type PosterFontKey } from "./poster-catalog";
import type { FontWeight, PosterMeasure } from "./poster-layout";

const require = createRequire(import.meta.url);

export interface SatoriFont {
  name: string;
  data: ArrayBuffer | Buffer;
  weight: FontWeight;
  style: "normal";
}

export interface PosterFonts {
  satori: SatoriFont[];
  measure: PosterMeasure;
}

/** Noto Serif SC's regular and bold TTFs, from @expo-google-fonts/noto-serif-sc. */
export function notoSerifScPaths(): { regular: string; bold: string } {
  const dir = path.dirname(require.resolve("@expo-google-fonts/noto-serif-sc/package.json"));
  return {
    regular: path.join(dir, "400Regular", "NotoSerifSC_400Regular.ttf"),
    bold: path.join(dir, "700Bold", "NotoSerifSC_700Bold.ttf"),
  };
}

const FONT_FILES: Record<PosterFontKey, () => Promise<FontBuffers>> = {
  noto_sans_sc: loadFontBuffers,
  noto_serif_sc: async () => {
    const files = notoSerifScPaths();
    const [regular, bold] = await Promise.all([readFile(files.regular), readFile(files.bold)]);
    return { regular, bold };
  },
};

const cached = new Map<PosterFontKey, Promise<PosterFonts>>();

/**
 * Advance widths come from pdfkit's font reader (the same TTF satori draws), cached per
 * character at 1 px: a line's width is the sum of its characters' advances times the size.
 */
function widthTable(regular: Buffer, bold: Buffer): PosterMeasure {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont("w400", regular);
  doc.registerFont("w700", bold);
  const widths = new Map<string, number>();
  return (text, weight, px) => {
    let sum = 0;
    for (const ch of text) {
      const key = weight === 700 ? `b${ch}` : `r${ch}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = doc.font(`w${weight}`).fontSize(1000).widthOfString(ch) / 1000;
        widths.set(key, w);
      }
      sum += w;
    }
    return sum * px;
  };
}

/** The face's fonts, read and prepared on first use and kept for the process's life. */
export function loadPosterFonts(font: PosterFontKey = DEFAULT_POSTER_FONT): Promise<PosterFonts> {
  let fonts = cached.get(font);
  if (!fonts) {
    const { family } = POSTER_FONTS[font];
    fonts = FONT_FILES[font]()
      .then(({ regular, bold }) => ({
        satori: [
          { name: family, data: regular, weight: 400 as const, style: "normal" as const },
          { name: family, data: bold, weight: 700 as const, style: "normal" as const },
        ],
        measure: widthTable(regular, bold),
      }))
      .catch((error: unknown) => {
        cached.delete(font);
        throw error;
      });
    cached.set(font, fonts);
  }
  return fonts;
}
