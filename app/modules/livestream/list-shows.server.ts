import { desc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { ShowListItem } from "./show-dto";
import { userNames } from "../auth/user-names.server";
import { iso } from "./show-rows.server";
import type { ShowState } from "./show-state";

export interface ListShowsOptions {
  db: Db;
}

export function listShows(options: ListShowsOptions): ShowListItem[] {
  const { db } = options;
  const rows = db
    .select({ piece: schema.pieces, show: schema.livestreamShows })
    .from(schema.livestreamShows)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.livestreamShows.pieceId))
    .orderBy(desc(schema.livestreamShows.scheduledAt), desc(schema.pieces.id))
    .all();
  const names = userNames(
    db,
    rows.flatMap((r) => [r.show.hostId, r.show.producerId]),
  );
  const counts = new Map<number, number>();
  for (const p of db
    .select({ showId: schema.livestreamProducts.showId })
    .from(schema.livestreamProducts)
    .all())
    counts.set(p.showId, (counts.get(p.showId) ?? 0) + 1);
  return rows.map(({ piece, show }) => ({
    id: piece.id,
    title: piece.title,
    status: piece.status,
    scheduledAt: iso(show.scheduledAt),
    hostName: show.hostId ? (names.get(show.hostId) ?? null) : null,
    producerName: show.producerId ? (names.get(show.producerId) ?? null) : null,
    productCount: counts.get(piece.id) ?? 0,
    plannedMinutes: show.plannedMinutes,
    liveStatus: show.stateJson ? (JSON.parse(show.stateJson) as ShowState).status : "idle",
    updatedAt: show.updatedAt.toISOString(),
  }));
}
