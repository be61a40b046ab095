import type { DbOrTx } from "~/lib/db.server";
import type { Result } from "~/lib/result";
import { getBrandKitView } from "./get-brand-kit.server";
import { drawFontSample } from "./render/font-sample.server";
import { isPosterFontKey } from "./render/poster-catalog";
import { unknownPosterFont } from "./save-brand-kit.server";

/**
 * A face as the kit would set it: the saved dealer name, hotline and address in `font`, so the
 * kit page shows a face before it is saved. Writes nothing; a face not offered is refused.
 */
export async function fontSample(options: {
  db: DbOrTx;
  font: string;
}): Promise<Result<{ png: Uint8Array }>> {
  if (!isPosterFontKey(options.font)) return unknownPosterFont(options.font);
  const kit = getBrandKitView(options.db);
  const png = await drawFontSample({
    font: options.font,
    title: kit.dealerName,
    line: [kit.hotline, kit.address].filter(Boolean).join("  "),
    color: kit.textColor,
  });
  return { ok: true, png };
}
