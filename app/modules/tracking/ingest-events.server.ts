import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { findPublishedPiece } from "../landing/published-piece.server";
import { attributionFrom } from "./attribution";
import { isBotAgent } from "./bots";
import { eventWriterFor } from "./event-writer.server";
import { eventBatchSchema, isEventType, MAX_EVENTS_PER_BATCH, type EventType } from "./event-types";
import { visitorHash } from "./visitor-hash.server";

/** Slug → published piece, remembered for a few seconds per database: beacons come in bursts. */
const SLUG_TTL_MS = 5_000;
const slugCache = new WeakMap<Db, Map<string, { id: number | null; until: number }>>();

function publishedPieceId(db: Db, slug: string, now: Date): { id: number } | null {
  let cache = slugCache.get(db);
  if (!cache) slugCache.set(db, (cache = new Map()));
  const hit = cache.get(slug);
  if (hit && hit.until > now.getTime()) return hit.id === null ? null : { id: hit.id };
  const piece = findPublishedPiece(db, slug);
  if (cache.size > 10_000) cache.clear();
  cache.set(slug, { id: piece?.id ?? null, until: now.getTime() + SLUG_TTL_MS });
  return piece ? { id: piece.id } : null;
}

/**
 * One beacon from a landing page: checked whole (a bad event refuses the batch, nothing stored),
 * bots dropped without a trace, then handed to the group-commit writer. Resolves once the events
 * are committed.
 */
export async function ingestEvents(options: {
  db: Db;
  body: unknown;
  ip: string;
  userAgent: string | null;
  now: Date;
  timeZone: string;
}): Promise<Result<{ accepted: number; duplicates: number; ignored: number }>> {
  const parsed = eventBatchSchema.safeParse(options.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "_body";
    const detail = issue?.message ?? "请求体无效";
    return fail(400, "invalid_body", `${field}: ${detail}`, { field, params: { field, detail } });
  }
  const batch = parsed.data;
  if (batch.events.length > MAX_EVENTS_PER_BATCH)
    return fail(400, "event_batch_too_large", `一次最多上报 ${MAX_EVENTS_PER_BATCH} 个事件。`, {
      params: { max: MAX_EVENTS_PER_BATCH, count: batch.events.length },
    });
  const unknown = batch.events.find((event) => !isEventType(event.type));
  if (unknown)
    return fail(400, "event_unknown_type", `未知的事件类型“${unknown.type}”。`, {
      field: "events.type",
      params: { type: unknown.type.slice(0, 40) },
    });
  const piece = publishedPieceId(options.db, batch.slug, options.now);
  if (!piece) return fail(400, "unknown_page", "没有这个页面，或它还没有发布。", "slug");
  if (isBotAgent(options.userAgent))
    return { ok: true, accepted: 0, duplicates: 0, ignored: batch.events.length };

  const { hash, day } = visitorHash({
    db: options.db,
    ip: options.ip,
    userAgent: options.userAgent ?? "",
    now: options.now,
    timeZone: options.timeZone,
  });
  const outcome = await eventWriterFor(options.db).write({
    pieceId: piece.id,
    attribution: attributionFrom({
      src: batch.src,
      utmSource: batch.utm_source,
      utmMedium: batch.utm_medium,
      utmCampaign: batch.utm_campaign,
    }),
    visitorHash: hash,
    day,
    events: batch.events.map((event) => ({ ...event, type: event.type as EventType })),
    now: options.now,
  });
  return { ok: true, ...outcome, ignored: 0 };
}
