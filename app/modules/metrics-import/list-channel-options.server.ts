import { asc } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";

/**
 * The channels an export can come from, the four video platforms' accounts first (抖音, 快手,
 * 小红书, 视频号 are what the platforms export), then the rest in their order.
 */
export function listChannelOptions(options: { db: Db }): Array<{ key: string; name: string }> {
  const rank = (key: string) => {
    const i = ["douyin", "kuaishou", "xiaohongshu", "wechat-channels"].findIndex((p) => key.startsWith(p));
    return i < 0 ? 99 : i;
  };
  return options.db
    .select({ key: schema.channels.key, name: schema.channels.name })
    .from(schema.channels)
    .orderBy(asc(schema.channels.id))
    .all()
    .sort((a, b) => rank(a.key) - rank(b.key));
}
