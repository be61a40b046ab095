import type { Db } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";

/** What the demo seed hands each capability's own seed: the database, the time, the data dir and the demo users by email. */
export interface DemoSeedOptions {
  db: Db;
  now: Date;
  dataDir: string;
  users: Map<string, Actor>;
}
