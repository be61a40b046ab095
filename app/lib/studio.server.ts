import path from "node:path";
import { openDatabase, migrateDatabase, type Db, type OpenedDatabase } from "./db.server";
import { loadConfig, resolveDataDir, type StudioConfig } from "./env.server";

/**
 * Everything a use case needs from the outside world, injected so tests can give each run its
 * own SQLite file and clock.
 */
export interface Studio {
  db: Db;
  database: OpenedDatabase;
  config: StudioConfig;
  now: () => Date;
}

const holder = globalThis as unknown as { __studio?: Studio };

export function createStudio(
  options: {
    dataDir?: string;
    now?: () => Date;
    /** Off only for a copy of a database that is known to be migrated (the tests' base copy). */
    migrate?: boolean;
  } = {},
): Studio {
  const config = loadConfig(options.dataDir ? path.resolve(options.dataDir) : resolveDataDir());
  const database = openDatabase(path.join(config.dataDir, "studio.sqlite"));
  if (options.migrate ?? true) migrateDatabase(database.db);
  return { db: database.db, database, config, now: options.now ?? (() => new Date()) };
}

/** Installs the process-wide studio (the server does this at boot; tests per file). */
export function setStudio(studio: Studio | undefined): void {
  holder.__studio = studio;
}

/** The process-wide studio; created lazily from the environment (survives dev rebuilds). */
export function getStudio(): Studio {
  holder.__studio ??= createStudio();
  return holder.__studio;
}

export function closeStudio(): void {
  holder.__studio?.database.sqlite.close();
  holder.__studio = undefined;
}
