import { type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { copyTitle } from "../pieces/copy-title";
import { createShow } from "./create-show.server";
import type { ShowInput } from "./show-input";
import { loadShow, productRows } from "./show-rows.server";

/**
 * Starts a new show from an earlier one (last week's show): the script's texts, products, planned
 * length, pace and people, as a new draft owned by the caller, unscheduled and never live. The
 * earlier show, its live state and its record stay as they were.
 */
export function duplicateShow(options: {
  db: Db;
  actor: Actor;
  showId: number;
  now: Date;
}): Result<{ showId: number }> {
  const { db, actor, showId, now } = options;
  const loaded = loadShow(db, showId);
  if (!loaded) return fail(404, "not_found", "直播脚本不存在。", { params: { context: "showScript" } });
  const { row, piece } = loaded;
  const input: ShowInput = {
    title: copyTitle(piece.title, 80),
    plannedMinutes: row.plannedMinutes,
    hostCharsPerMinute: row.hostCharsPerMinute,
    hostId: row.hostId ?? undefined,
    producerId: row.producerId ?? undefined,
    opening: row.openingText || undefined,
    interaction: row.interactionText || undefined,
    cta: row.ctaText || undefined,
    closing: row.closingText || undefined,
    ctaUrl: row.ctaUrl || undefined,
    scheduledAt: undefined,
    products: productRows(db, showId).map((p) => ({
      name: p.name,
      painPoint: p.painPoint,
      sellingPoint: p.sellingPoint,
      perk: p.perk,
      painSeconds: p.painSeconds,
      sellingSeconds: p.sellingSeconds,
      perkSeconds: p.perkSeconds,
    })),
  };
  const made = createShow({ db, actor, input, now, duplicateOf: showId });
  // A host or producer who has since left (disabled, or lost the role) is not carried over.
  if (!made.ok && made.code === "invalid_staff")
    return createShow({
      db,
      actor,
      input: { ...input, hostId: undefined, producerId: undefined },
      now,
      duplicateOf: showId,
    });
  return made;
}
