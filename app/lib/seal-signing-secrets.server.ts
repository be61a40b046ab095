import { sealLegacyChannelSecrets } from "~/modules/calendar/calendar-rows.server";
import { sealLegacyCrmSecret } from "~/modules/leads/crm-settings.server";
import { sealLegacyRobotUrls } from "~/modules/notifications/wecom-robots.server";
import type { Db } from "./db.server";

/**
 * The boot step of decision 0047: seals the secrets a database still holds in clear (the CRM's
 * signing secret, the channels' webhook secrets, the WeCom robots' webhook URLs), in one
 * transaction with their audit entries. Sealed values are recognised by their prefix and left
 * alone, so every start may run it; after the first it finds nothing to do.
 */
export function sealSigningSecrets(options: { db: Db; dataKey: Buffer; now: Date }): {
  crm: number;
  channels: number;
  robots: number;
} {
  const { db, ...rest } = options;
  return db.transaction((tx) => ({
    crm: sealLegacyCrmSecret(tx, rest),
    channels: sealLegacyChannelSecrets(tx, rest),
    robots: sealLegacyRobotUrls(tx, rest),
  }));
}
