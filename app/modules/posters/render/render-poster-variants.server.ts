/**
 * One poster, many QR codes: a batch of variants (one per consultant or venue, each with its own
 * `?src=`) renders the poster once with a blank code and paints each variant's code into a copy
 * of the pixels, then encodes it. Everything but the code is the same picture, so drawing it a
 * hundred times would be a hundred times the same work.
 */
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { fail, type Result } from "~/lib/result";
import { POSTER_SIZES } from "./poster-catalog";
import { posterFrame, type PosterFrame } from "./poster-frame";
import { loadPosterFonts } from "./poster-fonts.server";
import { sharedTopPngEncoder } from "./poster-png.server";
import { posterQrMatrix } from "./poster-qr";
import {
  buildPosterTree,
  checkQrUrl,
  type PosterFontSizes,
  type RenderPosterInput,
} from "./render-poster.server";
import { QR_QUIET_MODULES, qrLogoBox, qrLogoOffset } from "./templates/parts";
import type { QrMatrix } from "~/modules/ebooks/layout/layout-model";

export interface PosterVariant {
  index: number;
  qrUrl: string;
  png: Uint8Array;
}

/** Paint a code's dark modules (crisp, like the drawn code) into the poster's RGBA pixels. */
function paintQr(pixels: Uint8Array, width: number, frame: PosterFrame, matrix: QrMatrix, withLogo: boolean) {
  const size = frame.qrSize;
  const n = matrix.size;
  const cell = size / (n + 2 * QR_QUIET_MODULES);
  const logoFrom = qrLogoOffset(size);
  const logoTo = logoFrom + qrLogoBox(size);
  for (let py = 0; py < size; py++) {
    const my = Math.floor((py + 0.5) / cell) - QR_QUIET_MODULES;
    if (my < 0 || my >= n) continue;
    const inLogoRows = withLogo && py >= logoFrom && py < logoTo;
    let i = ((frame.qrTop + py) * width + frame.qrLeft) * 4;
    for (let px = 0; px < size; px++, i += 4) {
      const mx = Math.floor((px + 0.5) / cell) - QR_QUIET_MODULES;
      if (mx < 0 || mx >= n || !matrix.cells[my * n + mx]) continue;
      if (inLogoRows && px >= logoFrom && px < logoTo) continue;
      pixels[i] = 0;
      pixels[i + 1] = 0;
      pixels[i + 2] = 0;
      pixels[i + 3] = 255;
    }
  }
}

/**
 * Render `qrUrls.length` variants of one poster; `onVariant` gets each PNG as it is made (so a
 * batch of hundreds never sits in memory at once). Refuses before drawing anything when the
 * copy does not fit or any address is not a full http(s) URL (naming its index).
 */
export async function renderPosterVariants(
  input: Omit<RenderPosterInput, "qrUrl"> & { qrUrls: string[] },
  onVariant: (variant: PosterVariant) => void | Promise<void>,
): Promise<Result<{ width: number; height: number; fontPx: PosterFontSizes; count: number }>> {
  if (input.qrUrls.length === 0)
    return fail(
      400,
      "poster_qr_url_invalid",
      "二维码地址无效：需要以 http:// 或 https:// 开头的完整网址。",
      "qrUrl",
    );
  for (const url of input.qrUrls) {
    const bad = checkQrUrl(url);
    if (bad) return bad;
  }
  const fonts = await loadPosterFonts(input.kit.font);
  const tree = await buildPosterTree({ ...input, qrUrl: input.qrUrls[0] }, fonts, { qrHole: true });
  if (!tree.ok) return tree;
  const svg = await satori(tree.element, { width: tree.width, height: tree.height, fonts: fonts.satori });
  const base = new Resvg(svg, { fitTo: { mode: "original" } }).render().pixels;
  const { width, height } = POSTER_SIZES[input.size];
  const frame = posterFrame(input.size);
  const withLogo = input.kit.logoPng !== null;
  // Rows above the code are the same in every variant: copied, filtered and compressed once.
  const encode = sharedTopPngEncoder(base, width, height, frame.qrTop);
  const codeRows = frame.qrTop * width * 4;
  const pixels = new Uint8Array(base);
  for (const [index, qrUrl] of input.qrUrls.entries()) {
    pixels.set(base.subarray(codeRows), codeRows);
    paintQr(pixels, width, frame, posterQrMatrix(qrUrl, withLogo), withLogo);
    await onVariant({ index, qrUrl, png: encode(pixels) });
  }
  return { ok: true, width, height, fontPx: tree.fontPx, count: input.qrUrls.length };
}
