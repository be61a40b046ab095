import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { migrateDatabase, openDatabase, schema, type OpenedDatabase } from "./db.server";

const opened: OpenedDatabase[] = [];
let dir: string | undefined;
afterEach(() => {
  for (const database of opened.splice(0)) database.sqlite.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one new database file, as the web process and the job process hold. */
function twoConnections() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "studio-db-"));
  const file = path.join(dir, "studio.sqlite");
  const web = openDatabase(file);
  migrateDatabase(web.db);
  const jobs = openDatabase(file);
  opened.push(web, jobs);
  // The other side gives up at once instead of waiting five seconds for the lock.
  jobs.sqlite.pragma("busy_timeout = 0");
  web.db.insert(schema.appMeta).values({ key: "probe", value: "0" }).run();
  return { web, jobs };
}

const probe = (database: OpenedDatabase) =>
  database.db.select().from(schema.appMeta).where(eq(schema.appMeta.key, "probe")).get()?.value;

it("takes the write lock when a transaction begins, so a read-then-write step never fails on another process's commit", () => {
  const { web, jobs } = twoConnections();
  const outcome = web.db.transaction((tx) => {
    const before = tx.select().from(schema.appMeta).where(eq(schema.appMeta.key, "probe")).get()!.value;
    // The other connection's write, between this transaction's read and its write: it must wait
    // (here: fail at once), not slip in and make the write below fail with SQLITE_BUSY.
    let other: string;
    try {
      jobs.db.update(schema.appMeta).set({ value: "from the job process" }).run();
      other = "written";
    } catch (error) {
      other = (error as { code?: string }).code ?? String(error);
    }
    tx.update(schema.appMeta)
      .set({ value: String(Number(before) + 1) })
      .where(eq(schema.appMeta.key, "probe"))
      .run();
    return other;
  });
  expect(outcome).toBe("SQLITE_BUSY");
  expect(probe(web)).toBe("1");
  // Once the transaction is over, the other process writes as usual.
  jobs.db.update(schema.appMeta).set({ value: "2" }).run();
  expect(probe(web)).toBe("2");
});

it("still lets a caller ask for a deferred transaction", () => {
  const { web, jobs } = twoConnections();
  const other = web.db.transaction(
    (tx) => {
      tx.select().from(schema.appMeta).all();
      jobs.db.update(schema.appMeta).set({ value: "3" }).run();
      return probe(jobs);
    },
    { behavior: "deferred" },
  );
  expect(other).toBe("3");
});
