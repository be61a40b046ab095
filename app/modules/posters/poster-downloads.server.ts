import { zipSync } from "fflate";
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { PublicBase } from "../ebooks/public-url.server";
import { resolveStored } from "../media/media-store.server";
import { findPoster, posterNotFound } from "./find-poster.server";
import { readPosterFile } from "./poster-files.server";
import { posterQrUrl, posterRenderInputs } from "./poster-render-input.server";
import { findRender } from "./record-poster-image.server";
import { renderPosterPdf } from "./render/render-poster.server";

function renderGone() {
  return fail(404, "not_found", "成片版本不存在。", { params: { context: "render" } });
}

/** The stored file of a finished version (its main image, or one variant by key). */
export function posterRenderFile(options: {
  db: Db;
  dataDir: string;
  pieceId: number;
  renderId: number;
  variant: string | null;
}): Result<{ fullPath: string; name: string }> {
  const { db, pieceId } = options;
  const render = findRender(db, pieceId, options.renderId);
  if (!render?.assetId) return renderGone();
  if (options.variant) {
    const variant = db
      .select()
      .from(schema.posterVariants)
      .where(eq(schema.posterVariants.renderId, render.id))
      .all()
      .find((v) => v.key === options.variant);
    if (!variant) return renderGone();
    return {
      ok: true,
      fullPath: resolveStored(options.dataDir, variant.relPath),
      name: `poster-${pieceId}-v${render.number}-${variant.key}.png`,
    };
  }
  const asset = db.select().from(schema.mediaAssets).where(eq(schema.mediaAssets.id, render.assetId)).get();
  if (!asset) return renderGone();
  return { ok: true, fullPath: resolveStored(options.dataDir, asset.relPath), name: asset.originalName };
}

/** Every variant of a version in one ZIP, named by consultant or venue key. */
export async function posterVariantsZip(options: {
  db: Db;
  dataDir: string;
  pieceId: number;
  renderId: number;
}): Promise<Result<{ zip: Uint8Array; name: string }>> {
  const render = findRender(options.db, options.pieceId, options.renderId);
  if (!render?.assetId) return renderGone();
  const variants = options.db
    .select()
    .from(schema.posterVariants)
    .where(eq(schema.posterVariants.renderId, render.id))
    .orderBy(asc(schema.posterVariants.id))
    .all();
  if (variants.length === 0) return renderGone();
  const files: Record<string, Uint8Array> = {};
  for (const variant of variants) {
    const bytes = await readPosterFile(options.dataDir, variant.relPath);
    if (!bytes) return renderGone();
    files[`${variant.key}.png`] = bytes;
  }
  // PNGs are already compressed: stored, not deflated again.
  return {
    ok: true,
    zip: zipSync(files, { level: 0 }),
    name: `poster-${options.pieceId}-v${render.number}-variants.zip`,
  };
}

/**
 * The A4 print PDF (300 dpi, 3 mm bleed) of the poster's current copy. Printed, so its QR code
 * must open a public address: a loopback or private base is refused naming PUBLIC_BASE_URL.
 */
export async function posterPrintPdf(options: {
  db: Db;
  dataDir: string;
  pieceId: number;
  publicBase: PublicBase | string;
}): Promise<Result<{ pdf: Uint8Array; name: string }>> {
  const found = findPoster(options.db, options.pieceId);
  if (!found) return posterNotFound();
  const qr = posterQrUrl({ base: options.publicBase, piece: found.piece, key: "print", printed: true });
  if (!qr.ok) return qr;
  const { size: _size, ...inputs } = await posterRenderInputs(options.db, options.dataDir, found.poster);
  const pdf = await renderPosterPdf({ ...inputs, qrUrl: qr.url });
  return pdf.ok ? { ok: true, pdf: pdf.pdf, name: `poster-${options.pieceId}-a4.pdf` } : pdf;
}
