/**
 * The geometry every template shares: the trim box inside the bleed, the scale unit (one pixel
 * of a poster 1080 px wide), the header and footer that carry the brand kit's locked fields, and
 * the text boxes those fields fit into. Pure numbers.
 */
import { bleedPx, POSTER_SIZES, type PosterSizeKey } from "./poster-catalog";
import type { TextBox } from "./poster-layout";

export interface PosterFrame {
  width: number;
  height: number;
  /** Bleed on each side (print only): backgrounds reach into it, text and QR stay inside the trim. */
  bleed: number;
  /** Trim size. */
  trimWidth: number;
  trimHeight: number;
  /** One pixel of a 1080-wide poster, in this poster's pixels. */
  u: number;
  /** Side padding of the content. */
  pad: number;
  headerHeight: number;
  footerHeight: number;
  /** Body (between header and footer), in trim coordinates. */
  bodyTop: number;
  bodyHeight: number;
  contentWidth: number;
  qrSize: number;
  /** The QR code's top-left corner on the poster, in pixels (whole numbers: variants paint there). */
  qrLeft: number;
  qrTop: number;
  /** Height of the caption line under the QR code. */
  qrCaptionHeight: number;
  qrCaptionGap: number;
}

export function posterFrame(size: PosterSizeKey): PosterFrame {
  const { width, height } = POSTER_SIZES[size];
  const bleed = bleedPx(size);
  const trimWidth = width - 2 * bleed;
  const trimHeight = height - 2 * bleed;
  const u = trimWidth / 1080;
  const headerHeight = Math.round(150 * u);
  const footerHeight = Math.round(330 * u);
  const pad = Math.round(64 * u);
  const qrSize = Math.round(236 * u);
  const qrCaptionGap = Math.round(8 * u);
  const qrCaptionHeight = Math.round(34 * u);
  const qrTopInFooter = Math.round((footerHeight - qrSize - qrCaptionGap - qrCaptionHeight) / 2);
  return {
    width,
    height,
    bleed,
    trimWidth,
    trimHeight,
    u,
    pad,
    headerHeight,
    footerHeight,
    bodyTop: headerHeight,
    bodyHeight: trimHeight - headerHeight - footerHeight,
    contentWidth: trimWidth - 2 * pad,
    qrSize,
    qrLeft: bleed + trimWidth - pad - qrSize,
    qrTop: bleed + trimHeight - footerHeight + qrTopInFooter,
    qrCaptionHeight,
    qrCaptionGap,
  };
}

export type KitTextKey = "dealerName" | "hotline" | "address";

export interface KitBox extends TextBox {
  minPx: number;
  maxPx: number;
}

/** Where the kit's locked fields go: dealer name in the header, hotline and address in the footer. */
export function kitBoxes(frame: PosterFrame, hasLogo: boolean): Record<KitTextKey, KitBox> {
  const { u } = frame;
  const logoRoom = hasLogo ? Math.round(110 * u) : 0;
  const footerTextWidth = frame.contentWidth - frame.qrSize - Math.round(56 * u);
  return {
    dealerName: {
      width: frame.contentWidth - logoRoom,
      maxHeight: Math.round(96 * u),
      weight: 700,
      lineHeight: 1.2,
      maxLines: 2,
      minPx: 28 * u,
      maxPx: 46 * u,
    },
    hotline: {
      width: footerTextWidth,
      maxHeight: Math.round(76 * u),
      weight: 700,
      lineHeight: 1.15,
      maxLines: 1,
      minPx: 36 * u,
      maxPx: 62 * u,
    },
    address: {
      width: footerTextWidth,
      maxHeight: Math.round(84 * u),
      weight: 400,
      lineHeight: 1.4,
      maxLines: 2,
      minPx: 22 * u,
      maxPx: 28 * u,
    },
  };
}
