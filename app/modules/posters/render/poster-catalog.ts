/**
 * What a poster can be: its sizes, its templates and their fields, and the brand kit every
 * template draws its locked parts from. Plain data with no server imports: the pages read it to
 * build the form and the API lists it, and the renderer lays out from the same numbers.
 */

export type PosterSizeKey = "moments" | "story" | "xiaohongshu" | "print_a4";

/** 3 mm at 300 dpi, in pixels: print sizes carry it on every side beyond the trim. */
export const PRINT_BLEED_PX = Math.round((3 / 25.4) * 300);

/**
 * Pixel sizes. A4 is 210×297 mm at 300 dpi plus 3 mm bleed on each side (216×303 mm), so the
 * printer can trim without a white edge; the renderer keeps text and QR inside the trim.
 */
export const POSTER_SIZES: Record<PosterSizeKey, { width: number; height: number }> = {
  moments: { width: 1080, height: 1440 },
  story: { width: 1080, height: 1920 },
  xiaohongshu: { width: 1242, height: 1660 },
  print_a4: { width: 2551, height: 3579 },
};

export const POSTER_SIZE_KEYS = Object.keys(POSTER_SIZES) as PosterSizeKey[];

/** Sizes rendered as a PNG; print_a4 is rendered into a PDF. */
export type PosterScreenSizeKey = Exclude<PosterSizeKey, "print_a4">;

export function bleedPx(size: PosterSizeKey): number {
  return size === "print_a4" ? PRINT_BLEED_PX : 0;
}

export type PosterTemplateKey = "offer" | "event" | "new_model" | "service_tip";
export type PosterFieldKey = "headline" | "subline" | "offer" | "validFrom" | "validTo";
/** The brand kit's fields a template draws: locked, changed only in the kit. */
export type PosterKitFieldKey = "dealerName" | "hotline" | "address";

/**
 * A user field. `maxChars` is counted in characters (code points); the font sizes are for a poster
 * 1080 px wide and scale with the poster's width (the render reports the sizes it used in pixels
 * of the output). Text longer than `maxChars`, or that does not fit its box at `minFontPx`, is
 * refused naming the field.
 */
export interface PosterFieldSpec {
  key: PosterFieldKey;
  required: boolean;
  maxChars: number;
  minFontPx: number;
  maxFontPx: number;
}

export interface PosterTemplateInfo {
  key: PosterTemplateKey;
  fields: PosterFieldSpec[];
  /** Draws the model photo when one is given (and a drawn stand-in when not). */
  usesPhoto: boolean;
}

const dates = (required: boolean): PosterFieldSpec[] => [
  { key: "validFrom", required, maxChars: 16, minFontPx: 30, maxFontPx: 40 },
  { key: "validTo", required, maxChars: 16, minFontPx: 30, maxFontPx: 40 },
];

export const POSTER_TEMPLATES: PosterTemplateInfo[] = [
  {
    key: "offer",
    usesPhoto: true,
    fields: [
      { key: "headline", required: true, maxChars: 24, minFontPx: 60, maxFontPx: 112 },
      { key: "subline", required: false, maxChars: 40, minFontPx: 32, maxFontPx: 46 },
      { key: "offer", required: true, maxChars: 14, minFontPx: 64, maxFontPx: 132 },
      ...dates(true),
    ],
  },
  {
    key: "event",
    usesPhoto: true,
    fields: [
      { key: "headline", required: true, maxChars: 24, minFontPx: 60, maxFontPx: 116 },
      { key: "subline", required: false, maxChars: 60, minFontPx: 32, maxFontPx: 46 },
      { key: "offer", required: false, maxChars: 20, minFontPx: 38, maxFontPx: 60 },
      { key: "validFrom", required: true, maxChars: 16, minFontPx: 30, maxFontPx: 40 },
      { key: "validTo", required: false, maxChars: 16, minFontPx: 30, maxFontPx: 40 },
    ],
  },
  {
    key: "new_model",
    usesPhoto: true,
    fields: [
      { key: "headline", required: true, maxChars: 18, minFontPx: 72, maxFontPx: 140 },
      { key: "subline", required: false, maxChars: 32, minFontPx: 36, maxFontPx: 54 },
      { key: "offer", required: false, maxChars: 20, minFontPx: 44, maxFontPx: 76 },
      ...dates(false),
    ],
  },
  {
    key: "service_tip",
    usesPhoto: false,
    fields: [
      { key: "headline", required: true, maxChars: 22, minFontPx: 56, maxFontPx: 104 },
      { key: "subline", required: true, maxChars: 120, minFontPx: 30, maxFontPx: 44 },
      { key: "offer", required: false, maxChars: 24, minFontPx: 38, maxFontPx: 56 },
      ...dates(false),
    ],
  },
];

export const POSTER_TEMPLATE_KEYS = POSTER_TEMPLATES.map((t) => t.key);

export function posterTemplate(key: PosterTemplateKey): PosterTemplateInfo {
  return POSTER_TEMPLATES.find((t) => t.key === key)!;
}

/** Faces a kit may set its posters in: only Chinese faces whose TTF files the studio ships. */
export const POSTER_FONTS = {
  noto_sans_sc: { family: "Noto Sans SC" },
  noto_serif_sc: { family: "Noto Serif SC" },
} as const;
export type PosterFontKey = keyof typeof POSTER_FONTS;
export const POSTER_FONT_KEYS = Object.keys(POSTER_FONTS) as PosterFontKey[];
export const DEFAULT_POSTER_FONT: PosterFontKey = "noto_sans_sc";

export function isPosterFontKey(value: string): value is PosterFontKey {
  return Object.hasOwn(POSTER_FONTS, value);
}

/** The brand kit. `font` sets every text on the poster, the kit's own lines included. */
export interface BrandKit {
  dealerName: string;
  font: PosterFontKey;
  /** PNG bytes, drawn in the header and on the QR code's centre. */
  logoPng: Uint8Array | null;
  primaryColor: string;
  accentColor: string;
  textColor: string;
  hotline: string;
  address: string;
}

export type PosterFields = Partial<Record<PosterFieldKey, string>>;
