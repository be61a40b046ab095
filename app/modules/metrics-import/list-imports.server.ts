import { count, desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { userNames } from "../auth/user-names.server";
import type { ImportStatus, ImportSummary } from "./import-types";
import { platformFigureColumns } from "./current-platform-metrics.server";

/** The history of imports, newest first, with who made and undid each and what it wrote. */
export function listImports(options: { db: Db; limit?: number; ids?: number[] }): ImportSummary[] {
  const { db } = options;
  const mi = schema.metricImports;
  const rows = db
    .select()
    .from(mi)
    .where(options.ids ? inArray(mi.id, options.ids) : undefined)
    .orderBy(desc(mi.id))
    .limit(options.limit ?? 200)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const written = new Map(
    db
      .select({ importId: schema.platformMetrics.importId, n: count() })
      .from(schema.platformMetrics)
      .where(inArray(schema.platformMetrics.importId, ids))
      .groupBy(schema.platformMetrics.importId)
      .all()
      .map((r) => [r.importId, r.n]),
  );
  const users = userNames(
    db,
    rows.flatMap((r) => [r.createdBy, r.undoneBy]),
  );
  const channels = new Map(
    db
      .select({ key: schema.channels.key, name: schema.channels.name })
      .from(schema.channels)
      .all()
      .map((c) => [c.key, c.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    channelName: channels.get(r.platform) ?? null,
    fileName: r.fileName,
    encoding: r.encoding,
    asOfDay: r.asOfDay,
    rowCount: r.rowCount,
    written: written.get(r.id) ?? 0,
    status: r.status as ImportStatus,
    createdBy: users.get(r.createdBy) ?? null,
    createdAt: r.createdAt.toISOString(),
    appliedAt: r.appliedAt?.toISOString() ?? null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoneBy: r.undoneBy !== null ? (users.get(r.undoneBy) ?? null) : null,
  }));
}

/** One import's summary, or null. */
export function getImportSummary(options: { db: Db; importId: number }): ImportSummary | null {
  return listImports({ db: options.db, ids: [options.importId], limit: 1 })[0] ?? null;
}

/** The figures an applied or undone import wrote, in row order, with each piece's title. */
export function importFigures(options: { db: Db; importId: number }) {
  const pm = schema.platformMetrics;
  return options.db
    .select({
      row: pm.rowNumber,
      pieceId: pm.pieceId,
      pieceTitle: schema.pieces.title,
      slotId: pm.slotId,
      ...platformFigureColumns,
    })
    .from(pm)
    .innerJoin(schema.pieces, eq(schema.pieces.id, pm.pieceId))
    .where(eq(pm.importId, options.importId))
    .orderBy(pm.rowNumber)
    .all();
}
