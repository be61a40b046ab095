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

/** The database holds personal data: owner-only, like the secret files beside it. */
export const DATABASE_FILE_MODE = 0o600;

/**
 * Creates the database file 0600 before SQLite does (SQLite would use the umask, usually 0644), and
 * narrows an existing one. SQLite gives `-wal`, `-shm` and `-journal` the main file's mode; ones left
 * by an older version are narrowed here too.
 */
function restrictDatabaseFiles(file: string): void {
  try {
    // "wx": never opens an existing file, whose closing would drop SQLite's locks in this process.
    fs.closeSync(fs.openSync(file, "wx", DATABASE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((fs.statSync(name).mode & 0o777) !== DATABASE_FILE_MODE) fs.chmodSync(name, DATABASE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

export function openDatabase(file: string): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  restrictDatabaseFiles(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  // Every transaction takes the write lock at BEGIN (IMMEDIATE) unless it asks otherwise. The
  // web process and the job process (decision 0049) write to one file: a DEFERRED transaction
  // that reads, then writes after the other process has committed, fails at once with
  // SQLITE_BUSY (its snapshot is stale; the busy timeout cannot help), where an IMMEDIATE one
  // waits for its turn at BEGIN. It also keeps read-then-write steps (the audit chain's last hash)
  // from interleaving across processes.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
  return { db, sqlite, file };
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations") });
}
