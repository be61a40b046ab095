import type { DbOrTx } from "~/lib/db.server";
import type { ChannelDto } from "./calendar-types";
import { loadChannels } from "./calendar-rows.server";

/** Every channel with its caption rules, publisher, operator and cadence rules (secrets masked). */
export function listChannels(options: { db: DbOrTx; dataKey: Buffer }): ChannelDto[] {
  return loadChannels(options.db, options.dataKey);
}
