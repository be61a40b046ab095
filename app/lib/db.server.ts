import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import { projectRoot } from "./env.server";

// The only importer of db/: modules reach tables through here.
export { schema };
export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  file: string;
}

export function openDatabase(file: string): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return { db: drizzle(sqlite, { schema }), sqlite, file };
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations") });
}
