/**
 * Posters to pixels: check and fit the copy (the studio's line breaker, binary search on the
 * font size), build the template's element tree, and draw it with satori (SVG, text as paths)
 * and resvg (PNG). The A4 print PDF places the 300-dpi PNG on a page with its trim box set.
 */
import { createHash } from "node:crypto";
import { Resvg } from "@resvg/resvg-js";
import PDFDocument from "pdfkit";
import satori from "satori";
import { isCalendarDate } from "~/lib/dates";
import { fail, type Result } from "~/lib/result";
import { translator } from "~/i18n/i18n";
import { sniffImage } from "~/modules/ebooks/image-file.server";
import {
  POSTER_SIZES,
  posterTemplate,
  type BrandKit,
  type PosterFieldKey,
  type PosterFields,
  type PosterFontKey,
  type PosterScreenSizeKey,
  type PosterSizeKey,
  type PosterTemplateKey,
} from "./poster-catalog";
import { kitBoxes, posterFrame, type KitTextKey } from "./poster-frame";
import { loadPosterFonts, type PosterFonts } from "./poster-fonts.server";
import { charCount, fitText, type FittedText } from "./poster-layout";
import { posterQrMatrix, qrPath } from "./poster-qr";
import { posterDesign } from "./templates/designs";
import type { ImageRef, PosterArtProps, PosterElement, PosterPhoto, PosterTextKey } from "./templates/parts";

export interface RenderPosterInput {
  template: PosterTemplateKey;
  size: PosterScreenSizeKey;
  fields: PosterFields;
  kit: BrandKit;
  /** PNG or JPEG bytes (already sniffed at upload); ignored by templates without a photo. */
  photo: Uint8Array | null;
  /** The tracked landing address the QR code opens (`…/p/{slug}?src=…`). */
  qrUrl: string;
}

export type PosterFontSizes = Partial<Record<PosterFieldKey, number>>;

export interface PosterTree {
  element: PosterElement;
  /** The kit's face the tree is set in (the fonts satori must be handed). */
  font: PosterFontKey;
  width: number;
  height: number;
  fontPx: PosterFontSizes;
}

const MAX_QR_URL = 1000;

function zh(key: string, params?: Record<string, unknown>): string {
  return translator("zh")(key, params ?? {}) as string;
}

function dataUri(bytes: Uint8Array, format: "png" | "jpeg"): string {
  return `data:image/${format};base64,${Buffer.from(bytes).toString("base64")}`;
}

function image(bytes: Uint8Array | null, context: "photo" | "logo"): Result<{ ref: ImageRef | null }> {
  if (!bytes) return { ok: true, ref: null };
  const info = sniffImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!info.ok || (context === "logo" && info.format !== "png")) {
    return context === "photo"
      ? fail(415, "poster_image_unreadable", "车型图片无法读取：只支持 PNG 和 JPEG 图片。", {
          field: "photo",
          params: { context: "photo" },
        })
      : fail(422, "poster_image_unreadable", "品牌资料里的标志无法读取：请上传 PNG 图片。", {
          field: "logo",
          params: { context: "logo" },
        });
  }
  return { ok: true, ref: { src: dataUri(bytes, info.format), width: info.width, height: info.height } };
}

/** An address a QR code may carry: a full http(s) URL of reasonable length. */
export function checkQrUrl(value: string) {
  let url: URL | null = null;
  try {
    url = value.length <= MAX_QR_URL ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || !["http:", "https:"].includes(url.protocol))
    return fail(
      400,
      "poster_qr_url_invalid",
      "二维码地址无效：需要以 http:// 或 https:// 开头的完整网址。",
      "qrUrl",
    );
  return null;
}

/** Photos scaled to a box, by content and box: variants and re-renders reuse them. */
const scaledPhotos = new Map<string, ImageRef>();
const SCALED_PHOTOS_KEPT = 12;

/**
 * The photo scaled and cropped (cover) to exactly the box it fills, once per photo and box.
 * resvg resampling a large photo on every render cost about as much as the rest of the poster;
 * an image already at its drawn size is copied, not filtered.
 */
function scaledPhoto(photo: ImageRef, bytes: Uint8Array): PosterPhoto {
  const hash = createHash("sha1").update(bytes).digest("hex");
  return {
    at(width, height) {
      const w = Math.max(1, Math.round(width));
      const h = Math.max(1, Math.round(height));
      const key = `${hash}:${w}x${h}`;
      let ref = scaledPhotos.get(key);
      if (!ref) {
        const svg =
          `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
          `<image width="${w}" height="${h}" preserveAspectRatio="xMidYMid slice" href="${photo.src}"/></svg>`;
        const png = new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
        ref = { src: dataUri(png, "png"), width: w, height: h };
        if (scaledPhotos.size >= SCALED_PHOTOS_KEPT) scaledPhotos.delete(scaledPhotos.keys().next().value!);
        scaledPhotos.set(key, ref);
      }
      return ref;
    },
  };
}

/** "2026-12-06" reads 12月6日 on a poster; anything else is printed as typed. */
function posterDate(value: string): string {
  if (!isCalendarDate(value)) return value;
  const [, month, day] = value.split("-").map(Number);
  return zh("posters.art.date", { month, day });
}

function datesLine(template: PosterTemplateKey, from: string, to: string): string {
  if (!from && !to) return "";
  const range =
    from && to
      ? zh("posters.art.dateRange", { from: posterDate(from), to: posterDate(to) })
      : from
        ? zh("posters.art.dateFrom", { from: posterDate(from) })
        : zh("posters.art.dateTo", { to: posterDate(to) });
  return zh(`posters.art.datesLabel.${template}`) + range;
}

function tooLongToFit(field: string, limit: number) {
  return fail(400, "poster_text_too_long", zh("errors.poster_text_too_long_fit", { field, limit }), {
    field,
    params: { context: "fit", field, limit },
  });
}

/**
 * The poster as an element tree ready for satori, with the font sizes the fit chose. Refuses an
 * empty required field, text over its character limit and text that does not fit at the
 * smallest size allowed, each naming the field.
 */
export async function buildPosterTree(
  input: Omit<RenderPosterInput, "size"> & { size: PosterSizeKey },
  fonts?: PosterFonts,
  options: { qrHole?: boolean } = {},
): Promise<Result<PosterTree>> {
  const { measure } = fonts ?? (await loadPosterFonts(input.kit.font));
  const info = posterTemplate(input.template);
  const design = posterDesign(input.template);
  const frame = posterFrame(input.size);

  const values: Partial<Record<PosterFieldKey, string>> = {};
  for (const spec of info.fields) {
    const value = (input.fields[spec.key] ?? "").trim();
    if (!value && spec.required)
      return fail(400, "poster_field_required", zh("errors.poster_field_required", { field: spec.key }), {
        field: spec.key,
        params: { field: spec.key },
      });
    const length = charCount(value);
    if (length > spec.maxChars)
      return fail(
        400,
        "poster_text_too_long",
        zh("errors.poster_text_too_long", { field: spec.key, limit: spec.maxChars, length }),
        { field: spec.key, params: { field: spec.key, limit: spec.maxChars, length } },
      );
    if (value) values[spec.key] = value;
  }

  const badQr = checkQrUrl(input.qrUrl);
  if (badQr) return badQr;

  const photo = info.usesPhoto ? image(input.photo, "photo") : ({ ok: true, ref: null } as const);
  if (!photo.ok) return photo;
  const logo = image(input.kit.logoPng, "logo");
  if (!logo.ok) return logo;

  const boxes = design.boxes(frame);
  const text: PosterArtProps["text"] = {};
  const fontPx: PosterFontSizes = {};
  const spec = (key: PosterFieldKey) => info.fields.find((f) => f.key === key);
  const fit = (key: PosterTextKey, value: string, specKey: PosterFieldKey): FittedText | null => {
    const fieldSpec = spec(specKey)!;
    return fitText(value, boxes[key], fieldSpec.minFontPx * frame.u, fieldSpec.maxFontPx * frame.u, measure);
  };

  // The filling text (if any) is fitted last, into the body height the rest leaves.
  const fillText = design.fill.kind === "text" ? design.fill.field : null;
  for (const key of ["headline", "subline", "offer"] as const) {
    const value = values[key];
    if (!value || key === fillText) continue;
    const fitted = fit(key, value, key);
    if (!fitted) return tooLongToFit(key, spec(key)!.maxChars);
    text[key] = fitted;
    fontPx[key] = fitted.fontPx;
  }
  const dates = datesLine(input.template, values.validFrom ?? "", values.validTo ?? "");
  const datesField = values.validTo ? "validTo" : "validFrom";
  if (dates) {
    const fitted = fit("dates", dates, "validFrom");
    if (!fitted) return tooLongToFit(datesField, spec(datesField)!.maxChars);
    text.dates = fitted;
    if (values.validFrom) fontPx.validFrom = fitted.fontPx;
    if (values.validTo) fontPx.validTo = fitted.fontPx;
  }
  const heights = () => ({
    headline: text.headline?.height ?? 0,
    subline: text.subline?.height ?? 0,
    offer: text.offer?.height ?? 0,
    dates: text.dates?.height ?? 0,
  });
  let fillHeight = frame.bodyHeight - design.reserved(frame, heights());
  if (fillText && fillText !== "dates") {
    const value = values[fillText];
    if (value) {
      const box = { ...boxes[fillText], maxHeight: Math.min(boxes[fillText].maxHeight, fillHeight) };
      const fieldSpec = spec(fillText)!;
      const fitted = fitText(
        value,
        box,
        fieldSpec.minFontPx * frame.u,
        fieldSpec.maxFontPx * frame.u,
        measure,
      );
      if (!fitted) return tooLongToFit(fillText, fieldSpec.maxChars);
      text[fillText] = fitted;
      fontPx[fillText] = fitted.fontPx;
      fillHeight -= fitted.height;
    }
  } else if (design.fill.kind === "photo" && fillHeight < design.fill.minShare * frame.bodyHeight) {
    // The boxes' caps keep this from happening; if a template's sums ever allow it, the longest
    // text is named rather than the photo squeezed away.
    const longest = (["headline", "subline", "offer"] as const)
      .filter((key) => values[key])
      .sort((a, b) => (text[b]?.height ?? 0) - (text[a]?.height ?? 0))[0];
    return tooLongToFit(longest ?? "headline", spec(longest ?? "headline")!.maxChars);
  }

  // The kit's fields are locked: they come from the kit only, and a kit that cannot fit is the
  // kit's problem, named as such.
  const kitBox = kitBoxes(frame, logo.ref !== null);
  for (const key of ["dealerName", "hotline", "address"] as const satisfies readonly KitTextKey[]) {
    const value = input.kit[key].trim();
    if (!value) continue;
    const box = kitBox[key];
    const fitted = fitText(value, box, box.minPx, box.maxPx, measure);
    if (!fitted)
      return fail(422, "poster_text_too_long", zh("errors.poster_text_too_long_kit", { field: key }), {
        field: key,
        params: { context: "kit", field: key },
      });
    text[key] = fitted;
  }

  const withLogo = logo.ref !== null;
  // The address is encoded exactly as given, so its ?src= survives byte for byte.
  const matrix = posterQrMatrix(input.qrUrl, withLogo);
  const art: PosterArtProps = {
    frame,
    kit: input.kit,
    text,
    boxes,
    photo: photo.ref && input.photo ? scaledPhoto(photo.ref, input.photo) : null,
    logo: logo.ref,
    // A hole (white card, logo, no modules) when variants paint their own codes into the pixels.
    qr: { path: options.qrHole ? "" : qrPath(matrix), modules: matrix.size, withLogo },
    labels: {
      tag: zh(`posters.templates.${input.template}`),
      qrCaption: zh("posters.art.qrCaption"),
      hotline: zh("posters.art.hotline"),
      dates: "",
    },
    fillHeight: Math.max(0, Math.floor(fillHeight)),
  };
  return {
    ok: true,
    element: design.Art(art),
    font: input.kit.font,
    width: frame.width,
    height: frame.height,
    fontPx,
  };
}

/** satori + resvg: the element tree to PNG bytes at its exact size, in the kit's face. */
export async function drawPosterPng(tree: PosterTree, fonts?: PosterFonts): Promise<Uint8Array> {
  const { satori: satoriFonts } = fonts ?? (await loadPosterFonts(tree.font));
  const svg = await satori(tree.element, {
    width: tree.width,
    height: tree.height,
    fonts: satoriFonts,
  });
  const png = new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

export async function renderPosterPng(
  input: RenderPosterInput,
): Promise<Result<{ png: Uint8Array; width: number; height: number; fontPx: PosterFontSizes }>> {
  const fonts = await loadPosterFonts(input.kit.font);
  const tree = await buildPosterTree(input, fonts);
  if (!tree.ok) return tree;
  const png = await drawPosterPng(tree, fonts);
  const { width, height } = POSTER_SIZES[input.size];
  return { ok: true, png, width, height, fontPx: tree.fontPx };
}

/** Millimetres to PDF points. */
const mm = (value: number) => (value / 25.4) * 72;

/**
 * The A4 print PDF: one page of 216×303 mm (A4 and 3 mm bleed each side) holding the 300-dpi
 * PNG edge to edge, with TrimBox at the A4 edge and BleedBox at the page edge, so a print shop
 * trims to A4 with colour to the edge.
 */
export async function renderPosterPdf(
  input: Omit<RenderPosterInput, "size">,
): Promise<Result<{ pdf: Uint8Array; fontPx: PosterFontSizes }>> {
  const fonts = await loadPosterFonts(input.kit.font);
  const tree = await buildPosterTree({ ...input, size: "print_a4" }, fonts);
  if (!tree.ok) return tree;
  const png = await drawPosterPng(tree, fonts);
  const pageWidth = mm(216);
  const pageHeight = mm(303);
  const bleed = mm(3);
  const doc = new PDFDocument({ size: [pageWidth, pageHeight], margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // pdfkit has no bleed API: the boxes go straight into the page dictionary.
  const dict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  dict.TrimBox = [bleed, bleed, pageWidth - bleed, pageHeight - bleed];
  dict.BleedBox = [0, 0, pageWidth, pageHeight];
  doc.image(Buffer.from(png), 0, 0, { width: pageWidth, height: pageHeight });
  doc.end();
  const pdf = await done;
  return { ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), fontPx: tree.fontPx };
}
