import { aliasedTable, asc, desc, eq, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { CalendarFeedDto, CalendarFeedsView, FeedScope } from "./feed-types";

const owner = aliasedTable(schema.users, "feed_owner");
const creator = aliasedTable(schema.users, "feed_creator");

/** The live feeds a person may see and manage on the feeds page. */
export function listCalendarFeeds(options: { db: Db; actor: Actor }): CalendarFeedsView {
  const { db, actor } = options;
  const manage = can(actor.roles, "feeds.manage");
  const rows = db
    .select({
      id: schema.calendarFeeds.id,
      scope: schema.calendarFeeds.scope,
      channelKey: schema.channels.key,
      channelName: schema.channels.name,
      userId: schema.calendarFeeds.userId,
      userName: owner.name,
      createdByName: creator.name,
      createdAt: schema.calendarFeeds.createdAt,
    })
    .from(schema.calendarFeeds)
    .leftJoin(schema.channels, eq(schema.channels.id, schema.calendarFeeds.channelId))
    .leftJoin(owner, eq(owner.id, schema.calendarFeeds.userId))
    .leftJoin(creator, eq(creator.id, schema.calendarFeeds.createdBy))
    .where(isNull(schema.calendarFeeds.revokedAt))
    .orderBy(desc(schema.calendarFeeds.createdAt), desc(schema.calendarFeeds.id))
    .all();
  const dto = (row: (typeof rows)[number]): CalendarFeedDto => ({
    ...row,
    scope: row.scope as FeedScope,
    createdAt: row.createdAt.toISOString(),
  });
  const channels = manage
    ? db
        .select({ key: schema.channels.key, name: schema.channels.name })
        .from(schema.channels)
        .orderBy(asc(schema.channels.id))
        .all()
    : [];
  return {
    channelFeeds: manage ? rows.filter((r) => r.scope === "channel").map(dto) : [],
    myFeeds: rows.filter((r) => r.scope === "user" && r.userId === actor.id).map(dto),
    channels,
    canManageChannelFeeds: manage,
  };
}
