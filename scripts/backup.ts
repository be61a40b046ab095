// Online backup of the studio database to data/backups/studio-<timestamp>.sqlite (mode 0600, in a
// 0700 folder: it holds the same personal data as the database).
// Safe while the server runs: SQLite's backup API copies a consistent snapshot.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDataDir } from "../app/lib/env.server";

const dataDir = resolveDataDir();
const source = path.join(dataDir, "studio.sqlite");
if (!fs.existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(1);
}
const dir = path.join(dataDir, "backups");
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..+/, "").replace("T", "-");
const target = path.join(dir, `studio-${stamp}.sqlite`);
// Created owner-only before SQLite writes into it (SQLite would use the umask, usually 0644).
fs.closeSync(fs.openSync(target, "w", 0o600));
fs.chmodSync(target, 0o600);
const db = new Database(source, { readonly: true });
await db.backup(target, {
  progress: ({ totalPages, remainingPages }) => {
    process.stdout.write(`\rbacking up: ${Math.round(((totalPages - remainingPages) / totalPages) * 100)}%`);
    return 200;
  },
});
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
check.close();
console.log(`\nbackup written: ${target} (${fs.statSync(target).size} bytes, integrity ${integrity})`);
if (integrity !== "ok") process.exit(1);
