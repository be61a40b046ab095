import { desc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

export interface MatchCandidate {
  id: number;
  title: string;
  kind: string;
  /** Whether the piece has a slot on the import's channel (listed first). */
  onChannel: boolean;
}

/**
 * The pieces a person may pick for an unmatched row: those with a slot on the import's channel
 * first (newest first), then the other pieces of the kinds the channel takes. Capped: the select
 * searches as you type.
 */
export function matchCandidates(options: { db: Db; platform: string; limit?: number }): MatchCandidate[] {
  const { db } = options;
  const limit = options.limit ?? 2000;
  const channel = db.select().from(schema.channels).where(eq(schema.channels.key, options.platform)).get();
  if (!channel) return [];
  const onChannel = db
    .selectDistinct({ id: schema.pieces.id, title: schema.pieces.title, kind: schema.pieces.kind })
    .from(schema.slots)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .where(eq(schema.slots.channelId, channel.id))
    .orderBy(desc(schema.pieces.id))
    .limit(limit)
    .all();
  const seen = new Set(onChannel.map((p) => p.id));
  const kinds = channel.kinds.length ? channel.kinds : null;
  const others = db
    .select({ id: schema.pieces.id, title: schema.pieces.title, kind: schema.pieces.kind })
    .from(schema.pieces)
    .where(kinds ? inArray(schema.pieces.kind, kinds) : undefined)
    .orderBy(desc(schema.pieces.id))
    .limit(limit)
    .all()
    .filter((p) => !seen.has(p.id));
  return [
    ...onChannel.map((p) => ({ ...p, onChannel: true })),
    ...others.map((p) => ({ ...p, onChannel: false })),
  ].slice(0, limit);
}
