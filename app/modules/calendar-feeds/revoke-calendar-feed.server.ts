import { and, eq, isNull } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/**
 * Ends a feed: its URL answers 404 from now on. Channel feeds are the editors'; a user feed is
 * revoked by its owner (or an admin, e.g. when someone leaves). Revoking twice is harmless.
 */
export function revokeCalendarFeed(options: { db: Db; actor: Actor; feedId: number; now: Date }): Result {
  const { db, actor, now } = options;
  const feed = db
    .select()
    .from(schema.calendarFeeds)
    .where(eq(schema.calendarFeeds.id, options.feedId))
    .get();
  if (!feed) return fail(404, "not_found", "日历订阅不存在。", { params: { context: "feed" } });
  const allowed =
    feed.scope === "channel"
      ? can(actor.roles, "feeds.manage")
      : feed.userId === actor.id || can(actor.roles, "users.manage");
  if (!allowed)
    return fail(403, "forbidden", "只能撤销自己的日历订阅；渠道订阅由编辑管理。", {
      params: { context: "revokeFeed" },
    });
  if (feed.revokedAt) return { ok: true };
  db.transaction((tx) => {
    tx.update(schema.calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(schema.calendarFeeds.id, feed.id), isNull(schema.calendarFeeds.revokedAt)))
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "feed.revoke",
      entity: "calendar_feed",
      entityId: feed.id,
      before: { scope: feed.scope, channelId: feed.channelId, userId: feed.userId },
      after: { revokedAt: now.toISOString() },
      at: now,
    });
  });
  return { ok: true };
}
