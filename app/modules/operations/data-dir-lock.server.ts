import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * One studio per data folder. The lock is an OS file lock (SQLite's own fcntl lock on
 * `studio.lock`, taken in exclusive locking mode and never released while the connection is open),
 * so the kernel drops it when the process ends, however it ends: a crash leaves no stale lock.
 * The file's content (who took it, when) is only a note for people; the lock is what counts.
 *
 * Do not open `studio.lock` with `fs` in the process that holds it: closing any descriptor of a
 * file drops that process's POSIX locks on it.
 */
export const LOCK_FILE_NAME = "studio.lock";

export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
  ) {
    super(
      `Another studio is already running on the data folder ${dataDir} (it holds ${lockFile}). ` +
        `Stop that studio first, or set DATA_DIR to another folder. This process has not started.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  file: string;
  release: () => void;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** Takes the data folder's lock for the life of the process, or throws DataDirLockedError. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  // Created 0600 before SQLite opens it (SQLite would create it with the umask's 0644). "wx": an
  // existing file is never opened here, since closing that descriptor would drop a lock this
  // process may already hold on it.
  try {
    fs.closeSync(fs.openSync(file, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 0 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = MEMORY");
    // The first write takes the EXCLUSIVE lock; in exclusive locking mode it is kept until close.
    db.exec("create table if not exists holder (pid integer not null, started_at text not null)");
    db.transaction(() => {
      db!.exec("delete from holder");
      db!
        .prepare("insert into holder (pid, started_at) values (?, ?)")
        .run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    db?.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir, file);
    throw error;
  }
  const held = db;
  return {
    file,
    release: () => {
      if (held.open) held.close();
    },
  };
}
