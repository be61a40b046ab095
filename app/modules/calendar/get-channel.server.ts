import type { DbOrTx } from "~/lib/db.server";
import type { ChannelDto } from "./calendar-types";
import { findChannelByKey, loadChannels } from "./calendar-rows.server";

/** One channel by its stable key, or null (secrets masked). */
export function getChannel(options: { db: DbOrTx; dataKey: Buffer; key: string }): ChannelDto | null {
  const row = findChannelByKey(options.db, options.key);
  return row ? (loadChannels(options.db, options.dataKey, [row.id])[0] ?? null) : null;
}
