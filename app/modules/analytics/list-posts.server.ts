import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { currentPlatformMetrics } from "../metrics-import/current-platform-metrics.server";
import { TARGETS } from "./targets";

/** A post: one published slot (a piece on a channel), with that platform's current plays. */
export interface Post {
  slotId: number;
  pieceId: number;
  kind: string;
  ownerId: number;
  channelId: number;
  channelKey: string;
  publishedAt: Date;
  /** The platform's own current figure for this piece there; null when never imported. */
  platformPlays: number | null;
  viral: boolean;
}

/**
 * The posts published between two instants. A slot counts when it is published; its time is when
 * it was marked published (the planned time when that was not recorded). Plays are the platform's
 * latest applied import for the piece on the slot's channel, as of `asOfDay`.
 */
export function listPosts(options: { db: DbOrTx; start: Date; end: Date; asOfDay?: string }): Post[] {
  const { db, start, end } = options;
  const s = schema.slots;
  const p = schema.pieces;
  const c = schema.channels;
  const at = sql<number>`coalesce(${s.publishedAt}, ${s.publishAt})`;
  const rows = db
    .select({
      slotId: s.id,
      pieceId: s.pieceId,
      kind: p.kind,
      ownerId: p.ownerId,
      channelId: s.channelId,
      channelKey: c.key,
      at,
    })
    .from(s)
    .innerJoin(p, eq(p.id, s.pieceId))
    .innerJoin(c, eq(c.id, s.channelId))
    .where(and(eq(s.status, "published"), gte(at, start.getTime()), lte(at, end.getTime())))
    .all();
  const pieceIds = [...new Set(rows.map((row) => row.pieceId))];
  const plays = new Map<string, number | null>();
  for (const figures of currentPlatformMetrics({ db, pieceIds, to: options.asOfDay }))
    plays.set(`${figures.pieceId}:${figures.platform}`, figures.plays);
  return rows.map(({ at: ms, ...row }) => {
    const platformPlays = plays.get(`${row.pieceId}:${row.channelKey}`) ?? null;
    return {
      ...row,
      publishedAt: new Date(ms),
      platformPlays,
      viral: platformPlays !== null && platformPlays >= TARGETS.viralPlays,
    };
  });
}

/** Piece titles by id, for the tables that name pieces. */
export function pieceTitles(db: DbOrTx, ids: readonly number[]) {
  const out = new Map<number, { title: string; kind: string; status: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of db
      .select({
        id: schema.pieces.id,
        title: schema.pieces.title,
        kind: schema.pieces.kind,
        status: schema.pieces.status,
      })
      .from(schema.pieces)
      .where(inArray(schema.pieces.id, ids.slice(i, i + 500)))
      .all())
      out.set(row.id, row);
  }
  return out;
}
