import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { userNames } from "../auth/user-names.server";
import type { ShowLogRow } from "./show-dto";
import type { ShowLogEntry } from "./show-state";

export interface GetShowLogOptions {
  db: Db;
  showId: number;
}

/** Every accepted command of a show, in order, with the name of who gave it. */
export function getShowLog(options: GetShowLogOptions): ShowLogRow[] {
  const rows = options.db
    .select({
      id: schema.livestreamShowLog.id,
      entryJson: schema.livestreamShowLog.entryJson,
      actorId: schema.livestreamShowLog.actorId,
    })
    .from(schema.livestreamShowLog)
    .where(eq(schema.livestreamShowLog.showId, options.showId))
    .orderBy(asc(schema.livestreamShowLog.version))
    .all();
  const names = userNames(
    options.db,
    rows.map((r) => r.actorId),
  );
  return rows.map((r) => ({
    ...(JSON.parse(r.entryJson) as ShowLogEntry),
    id: r.id,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
  }));
}
