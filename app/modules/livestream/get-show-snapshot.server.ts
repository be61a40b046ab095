import type { Db } from "~/lib/db.server";
import type { ShowSnapshotDto } from "./show-dto";
import { loadShow } from "./show-rows.server";

export interface GetShowSnapshotOptions {
  db: Db;
  showId: number;
  now: Date;
}

/** The stored live state and the server clock, or null when the show does not exist. */
export function getShowSnapshot(options: GetShowSnapshotOptions): ShowSnapshotDto | null {
  const loaded = loadShow(options.db, options.showId);
  return loaded ? { state: loaded.state, serverNow: options.now.getTime() } : null;
}
