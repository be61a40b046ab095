import { lt } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { THROTTLE } from "./login-throttle";

export interface PruneLoginAttemptsOptions {
  db: DbOrTx;
  now: Date;
}

/** Deletes sign-in attempts older than throttling needs; returns how many went. */
export function pruneLoginAttempts(options: PruneLoginAttemptsOptions): number {
  const before = new Date(options.now.getTime() - THROTTLE.windowMs);
  return options.db.delete(schema.loginAttempts).where(lt(schema.loginAttempts.at, before)).run().changes;
}
