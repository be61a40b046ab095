import type { Db } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import type { PublicBase } from "../ebooks/public-url.server";
import { findPoster, posterNotFound } from "./find-poster.server";
import { cleanFields } from "./poster-copy";
import { posterQrUrl, posterRenderInputs } from "./poster-render-input.server";
import type { PosterScreenSizeKey, PosterTemplateKey } from "./render/poster-catalog";
import { renderPosterPng } from "./render/render-poster.server";

/**
 * The live preview: the poster drawn with copy typed but not yet saved (the editor sends it as it
 * changes), the kit and the stored photo. Nothing is written; a field that does not fit is named.
 * A field left out of `fields` keeps its saved copy, so a bare preview URL shows the poster as
 * saved; a field sent empty is drawn empty (the editor sends every field, cleared ones too).
 */
export async function previewPoster(options: {
  db: Db;
  dataDir: string;
  pieceId: number;
  template?: PosterTemplateKey;
  size?: PosterScreenSizeKey;
  fields?: Record<string, string | undefined>;
  publicBase: PublicBase | string;
}): Promise<Result<{ png: Uint8Array }>> {
  const found = findPoster(options.db, options.pieceId);
  if (!found) return posterNotFound();
  const inputs = await posterRenderInputs(options.db, options.dataDir, found.poster, {
    template: options.template,
    size: options.size,
    fields: options.fields
      ? cleanFields({ ...found.poster.fields, ...definedOnly(options.fields) })
      : undefined,
  });
  const qr = posterQrUrl({ base: options.publicBase, piece: found.piece });
  if (!qr.ok) return qr;
  const drawn = await renderPosterPng({ ...inputs, qrUrl: qr.url });
  return drawn.ok ? { ok: true, png: drawn.png } : drawn;
}

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
