import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { CreateFeedInput } from "./feed-schemas";
import { feedUrl, hashFeedToken, newFeedToken } from "./feed-token.server";
import type { CreatedFeedDto } from "./feed-types";

/**
 * A secret ICS address: for a channel (editors) or for oneself (anyone: the slots of the channels
 * one operates and of the pieces one owns). The token is returned once; only its hash is stored.
 */
export function createCalendarFeed(options: {
  db: Db;
  actor: Actor;
  input: CreateFeedInput;
  /** Base of the returned URL (the public base URL). */
  base: string;
  now: Date;
}): Result<CreatedFeedDto> {
  const { db, actor, input, now } = options;
  let channel: { id: number; key: string } | undefined;
  if (input.scope === "channel") {
    if (!can(actor.roles, "feeds.manage"))
      return fail(403, "forbidden", "只有编辑可以管理渠道日历订阅。", {
        params: { context: "manageChannelFeeds" },
      });
    channel = db
      .select({ id: schema.channels.id, key: schema.channels.key })
      .from(schema.channels)
      .where(eq(schema.channels.key, input.channel))
      .get();
    if (!channel) return fail(400, "unknown_channel", "所选渠道不存在。", "channel");
  }
  const token = newFeedToken();
  const feed = db.transaction((tx) => {
    const row = tx
      .insert(schema.calendarFeeds)
      .values({
        tokenHash: hashFeedToken(token),
        scope: input.scope,
        channelId: channel?.id ?? null,
        userId: input.scope === "user" ? actor.id : null,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning({ id: schema.calendarFeeds.id })
      .get();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "feed.create",
      entity: "calendar_feed",
      entityId: row.id,
      // Never the token: the audit log is readable by admins, the feed URL is the secret.
      after: {
        scope: input.scope,
        channel: channel?.key ?? null,
        userId: input.scope === "user" ? actor.id : null,
      },
      at: now,
    });
    return row;
  });
  return { ok: true, feedId: feed.id, url: feedUrl(options.base, token) };
}
