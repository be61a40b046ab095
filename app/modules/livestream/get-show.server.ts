import type { Db } from "~/lib/db.server";
import { totalSeconds, validateRunOfShow } from "./run-of-show";
import type { ShowDto } from "./show-dto";
import { flatProduct } from "./show-script";
import { userNames } from "../auth/user-names.server";
import { iso, loadShow } from "./show-rows.server";

export interface GetShowOptions {
  db: Db;
  showId: number;
}

export function getShow(options: GetShowOptions): ShowDto | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const { row, piece, script, blocks, frozen, state } = loaded;
  const names = userNames(options.db, [row.hostId, row.producerId, piece.ownerId]);
  return {
    id: piece.id,
    title: piece.title,
    status: piece.status,
    version: piece.version,
    ownerId: piece.ownerId,
    ownerName: names.get(piece.ownerId) ?? null,
    scheduledAt: iso(row.scheduledAt),
    hostId: row.hostId,
    hostName: row.hostId ? (names.get(row.hostId) ?? null) : null,
    producerId: row.producerId,
    producerName: row.producerId ? (names.get(row.producerId) ?? null) : null,
    plannedMinutes: row.plannedMinutes,
    hostCharsPerMinute: row.hostCharsPerMinute,
    products: script.products.map(flatProduct),
    opening: row.openingText,
    interaction: row.interactionText,
    cta: row.ctaText,
    ctaUrl: row.ctaUrl,
    closing: row.closingText,
    blocks,
    blocksFrozen: frozen,
    // Issues are about the script as it stands now, even after the blocks were frozen.
    issues: validateRunOfShow(script),
    totalSeconds: totalSeconds(blocks),
    liveStatus: state.status,
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}
