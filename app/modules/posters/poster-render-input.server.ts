import type { Db, DbOrTx } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { trackedLink, type PublicBase } from "../ebooks/public-url.server";
import { loadBrandKit } from "./get-brand-kit.server";
import type { PieceRow, PosterRow } from "./find-poster.server";
import { posterPaths, readPosterFile } from "./poster-files.server";
import { posterSource } from "./poster-variants.server";
import type { BrandKit, PosterFields, PosterScreenSizeKey, PosterTemplateKey } from "./render/poster-catalog";

export interface PosterRenderInputs {
  template: PosterTemplateKey;
  size: PosterScreenSizeKey;
  fields: PosterFields;
  kit: BrandKit;
  photo: Uint8Array | null;
}

/** What every render of a poster draws from: its template, size and copy, the kit and the photo. */
export async function posterRenderInputs(
  db: Db | DbOrTx,
  dataDir: string,
  poster: PosterRow,
  overrides: { template?: PosterTemplateKey; size?: PosterScreenSizeKey; fields?: PosterFields } = {},
): Promise<PosterRenderInputs> {
  const photo =
    poster.photoSha256 && poster.photoFormat
      ? await readPosterFile(
          dataDir,
          posterPaths.photo(poster.pieceId, poster.photoSha256, poster.photoFormat as "png" | "jpeg"),
        )
      : null;
  return {
    template: overrides.template ?? (poster.template as PosterTemplateKey),
    size: overrides.size ?? (poster.size as PosterScreenSizeKey),
    fields: overrides.fields ?? poster.fields,
    kit: await loadBrandKit(db, dataDir),
    photo,
  };
}

/** The tracked address a poster's QR code opens, with its source (`poster-{id}[-{key}]`). */
export function posterQrUrl(options: {
  base: PublicBase | string;
  piece: Pick<PieceRow, "id" | "slug">;
  key?: string;
  printed?: boolean;
}): Result<{ url: string }> {
  return trackedLink({
    base: options.base,
    slug: options.piece.slug,
    source: posterSource(options.piece.id, options.key),
    printed: options.printed,
    field: "qrUrl",
  });
}
