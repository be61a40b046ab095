import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { DEFAULT_SHORT_SCRIPT_FIT, SHORT_SCRIPT_FITS, type ShortScriptFit } from "./episode-script";

/** What the episode does with a script shorter than its column; the default when it never chose. */
export function readShortScriptFit(db: DbOrTx, pieceId: number): ShortScriptFit {
  const row = db
    .select({ fit: schema.episodeSettings.shortScriptFit })
    .from(schema.episodeSettings)
    .where(eq(schema.episodeSettings.pieceId, pieceId))
    .get();
  const fit = row?.fit as ShortScriptFit | undefined;
  return fit && SHORT_SCRIPT_FITS.includes(fit) ? fit : DEFAULT_SHORT_SCRIPT_FIT;
}
