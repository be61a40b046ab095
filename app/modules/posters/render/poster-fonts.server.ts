/**
 * Noto Sans SC for posters, loaded once per process: the TTF bytes (shared with the e-books'
 * loader), the font list handed to satori (satori caches the parsed fonts by this array's
 * identity, so it must be the same array every time), and glyph widths for the line breaker.
 */
import PDFDocument from "pdfkit";
import { NOTO_SANS_SC_FAMILY } from "~/lib/fonts.server";
import { loadFontBuffers } from "~/modules/ebooks/pdf-fonts.server";
import type { FontWeight, PosterMeasure } from "./poster-layout";

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

let cached: Promise<PosterFonts> | null = null;

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

export function loadPosterFonts(): Promise<PosterFonts> {
  cached ??= loadFontBuffers()
    .then(({ regular, bold }) => ({
      satori: [
        { name: NOTO_SANS_SC_FAMILY, data: regular, weight: 400 as const, style: "normal" as const },
        { name: NOTO_SANS_SC_FAMILY, data: bold, weight: 700 as const, style: "normal" as const },
      ],
      measure: widthTable(regular, bold),
    }))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}
