/** Page sizes, margins and type sizes per trim and profile. Pure. */
import type { RenderProfile, TrimSize } from "./types";

export const POINTS_PER_MM = 72 / 25.4;
/** 3 mm, the bleed printers ask for. */
export const BLEED_POINTS = 3 * POINTS_PER_MM;
/** Room outside the bleed for crop marks. */
const MARK_AREA_POINTS = 9 * POINTS_PER_MM;

const TRIM_POINTS: Record<TrimSize, [number, number]> = {
  A5: [419.53, 595.28],
  B5: [498.9, 708.66],
  A4: [595.28, 841.89],
};

export interface PageGeometry {
  profile: RenderProfile;
  trim: TrimSize;
  trimWidth: number;
  trimHeight: number;
  bleed: number;
  /** Offset of the trim box inside the media box (bleed + mark area in print, 0 on screen). */
  offset: number;
  mediaWidth: number;
  mediaHeight: number;
  marginTop: number;
  marginBottom: number;
  marginSide: number;
  bodySize: number;
  lineHeight: number;
}

export function isTrimSize(value: unknown): value is TrimSize {
  return value === "A5" || value === "B5" || value === "A4";
}

export function pageGeometry(trim: TrimSize, profile: RenderProfile): PageGeometry {
  const [trimWidth, trimHeight] = TRIM_POINTS[trim];
  const scale = trimWidth / TRIM_POINTS.A5[0];
  // 10.5 pt (五号) is the standard Chinese body size at A5; larger trims get a little more.
  const bodySize = trim === "A5" ? 10.5 : trim === "B5" ? 11 : 12;
  const bleed = profile === "print" ? BLEED_POINTS : 0;
  const offset = profile === "print" ? BLEED_POINTS + MARK_AREA_POINTS : 0;
  return {
    profile,
    trim,
    trimWidth,
    trimHeight,
    bleed,
    offset,
    mediaWidth: trimWidth + 2 * offset,
    mediaHeight: trimHeight + 2 * offset,
    marginTop: Math.round(56 * scale),
    marginBottom: Math.round(54 * scale),
    marginSide: Math.round(48 * scale),
    bodySize,
    lineHeight: bodySize * 1.75,
  };
}
