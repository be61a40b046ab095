/**
 * A show as its tables hold it, read back whole: the helpers every livestream use case shares
 * (the run of show, the live state, the screens and the report all start from `loadShow`).
 */
import { and, asc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { userNames } from "../auth/user-names.server";
import { DEFAULT_TIMING } from "./livestream-rules";
import { computeRunOfShow, type RunOfShowBlock } from "./run-of-show";
import type { ShowScript } from "./show-script";
import { createShowState, type ShowState } from "./show-state";

export type ShowRow = typeof schema.livestreamShows.$inferSelect;
export type ProductRow = typeof schema.livestreamProducts.$inferSelect;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function productRows(db: DbOrTx, showId: number): ProductRow[] {
  return db
    .select()
    .from(schema.livestreamProducts)
    .where(eq(schema.livestreamProducts.showId, showId))
    .orderBy(asc(schema.livestreamProducts.position))
    .all();
}

/** The engine's script from stored rows; the run of show is always derived from this. */
export function scriptFromRows(
  row: ShowRow,
  products: ProductRow[],
  title: string,
  names: Map<number, string>,
): ShowScript {
  return {
    title,
    scheduledAt: iso(row.scheduledAt),
    host: row.hostId ? (names.get(row.hostId) ?? "") : "",
    producer: row.producerId ? (names.get(row.producerId) ?? "") : "",
    plannedMinutes: row.plannedMinutes,
    hostCharsPerMinute: row.hostCharsPerMinute,
    products: products.map((p) => ({
      name: p.name,
      painPoint: { text: p.painPoint, seconds: p.painSeconds },
      sellingPoint: { text: p.sellingPoint, seconds: p.sellingSeconds },
      perk: { text: p.perk, seconds: p.perkSeconds },
    })),
    opening: { text: row.openingText, seconds: DEFAULT_TIMING.openingSeconds },
    interaction: { text: row.interactionText, seconds: DEFAULT_TIMING.interactionSeconds },
    cta: { text: row.ctaText, seconds: DEFAULT_TIMING.ctaSeconds, url: row.ctaUrl },
    closing: { text: row.closingText, seconds: DEFAULT_TIMING.closingSeconds },
  };
}

export interface LoadedShow {
  row: ShowRow;
  piece: typeof schema.pieces.$inferSelect;
  script: ShowScript;
  blocks: RunOfShowBlock[];
  frozen: boolean;
  state: ShowState;
}

/** Reads a show with its script, its blocks (frozen ones once started) and its live state. */
export function loadShow(db: DbOrTx, showId: number): LoadedShow | null {
  const piece = db
    .select()
    .from(schema.pieces)
    .where(and(eq(schema.pieces.id, showId), eq(schema.pieces.kind, "livestream")))
    .get();
  if (!piece) return null;
  const row = db
    .select()
    .from(schema.livestreamShows)
    .where(eq(schema.livestreamShows.pieceId, showId))
    .get();
  if (!row) return null;
  const names = userNames(db, [row.hostId, row.producerId]);
  const script = scriptFromRows(row, productRows(db, showId), piece.title, names);
  const frozen = row.frozenBlocksJson ? (JSON.parse(row.frozenBlocksJson) as RunOfShowBlock[]) : null;
  const blocks = frozen ?? computeRunOfShow(script);
  const stored = row.stateJson ? (JSON.parse(row.stateJson) as ShowState) : null;
  let state = stored ?? createShowState({ showId: String(showId), blockCount: blocks.length });
  // Before the start the script may still change, and with it the number of blocks.
  if (state.status === "idle" && state.blockCount !== blocks.length)
    state = { ...state, blockCount: blocks.length, blockIndex: 0 };
  return { row, piece, script, blocks, frozen: frozen !== null, state };
}
