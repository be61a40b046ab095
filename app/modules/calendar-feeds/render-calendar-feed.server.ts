import { and, asc, eq, gte, inArray, isNull, or, type SQL } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { trackedLink } from "../ebooks/public-url.server";
import { FEED_TOKEN_RE, hashFeedToken } from "./feed-token.server";

/** What a feed lists: slots still to be posted. */
export const FEED_SLOT_STATUSES = ["planned", "queued", "publishing"] as const;
/** How far back a feed reaches (a planned slot a few days late is still work to do). */
const PAST_DAYS = 30;
const MAX_EVENTS = 2_000;
const EVENT_MINUTES = 30;

/**
 * The ICS text of a live feed, or 404 for an unknown or revoked token. Each slot is one event
 * whose UID (`slot-{id}@{host}`) never changes, so a moved slot moves in the subscriber's app;
 * its SEQUENCE is the slot's version. Times are UTC instants (`…Z`), which every app shows in its
 * own zone.
 */
export function renderCalendarFeed(options: {
  db: Db;
  token: string;
  /** The public base URL: the UIDs' host and the links in each event. */
  base: string;
  now: Date;
}): Result<{ ics: string; name: string }> {
  const { db, now } = options;
  const notFound = fail(404, "not_found", "日历订阅不存在。", { params: { context: "feed" } });
  if (!FEED_TOKEN_RE.test(options.token)) return notFound;
  const feed = db
    .select({
      id: schema.calendarFeeds.id,
      scope: schema.calendarFeeds.scope,
      channelId: schema.calendarFeeds.channelId,
      userId: schema.calendarFeeds.userId,
      channelName: schema.channels.name,
      userName: schema.users.name,
    })
    .from(schema.calendarFeeds)
    .leftJoin(schema.channels, eq(schema.channels.id, schema.calendarFeeds.channelId))
    .leftJoin(schema.users, eq(schema.users.id, schema.calendarFeeds.userId))
    .where(
      and(
        eq(schema.calendarFeeds.tokenHash, hashFeedToken(options.token)),
        isNull(schema.calendarFeeds.revokedAt),
      ),
    )
    .get();
  if (!feed) return notFound;

  let scope: SQL | undefined;
  if (feed.scope === "channel" && feed.channelId !== null) scope = eq(schema.slots.channelId, feed.channelId);
  else if (feed.scope === "user" && feed.userId !== null)
    scope = or(eq(schema.channels.operatorId, feed.userId), eq(schema.pieces.ownerId, feed.userId));
  else return notFound;

  const rows = db
    .select({
      id: schema.slots.id,
      publishAt: schema.slots.publishAt,
      caption: schema.slots.caption,
      status: schema.slots.status,
      version: schema.slots.version,
      createdAt: schema.slots.createdAt,
      updatedAt: schema.slots.updatedAt,
      pieceTitle: schema.pieces.title,
      pieceSlug: schema.pieces.slug,
      channelKey: schema.channels.key,
      channelName: schema.channels.name,
    })
    .from(schema.slots)
    .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .where(
      and(
        scope,
        inArray(schema.slots.status, [...FEED_SLOT_STATUSES]),
        gte(schema.slots.publishAt, new Date(now.getTime() - PAST_DAYS * 24 * 60 * 60_000)),
      ),
    )
    .orderBy(asc(schema.slots.publishAt), asc(schema.slots.id))
    .limit(MAX_EVENTS)
    .all();

  const base = options.base.replace(/\/+$/, "");
  const host = new URL(base).host;
  const name =
    feed.scope === "channel"
      ? `内容工作室 · ${feed.channelName ?? ""}`
      : `内容工作室 · ${feed.userName ?? ""}的发布`;
  const calendar = ical({ name, prodId: { company: "content-studio", product: "calendar", language: "ZH" } });
  calendar.ttl(15 * 60);
  for (const row of rows) {
    const link = trackedLink({ base, slug: row.pieceSlug, source: row.channelKey });
    const lines = [row.caption.trim(), link.ok ? link.url : null, `${base}/calendar?slot=${row.id}`].filter(
      Boolean,
    );
    calendar.createEvent({
      id: `slot-${row.id}@${host}`,
      sequence: row.version,
      start: row.publishAt,
      end: new Date(row.publishAt.getTime() + EVENT_MINUTES * 60_000),
      stamp: now,
      created: row.createdAt,
      lastModified: row.updatedAt,
      summary: `[${row.channelName}] ${row.pieceTitle}`,
      description: lines.join("\n"),
      url: `${base}/calendar?slot=${row.id}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return { ok: true, ics: calendar.toString(), name };
}
