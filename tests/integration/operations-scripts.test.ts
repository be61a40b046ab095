import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkHealth } from "~/modules/operations/check-health.server";
import { seedDemoData } from "../../db/seed";
import { schema } from "~/lib/db.server";
import { count } from "drizzle-orm";
import { recordTestEntries } from "../setup/audit-entries";
import { withTestStudio } from "../setup/test-studio";

const run = promisify(execFile);
const t = withTestStudio();

const script = (name: string) =>
  run(process.execPath, ["--import", "tsx", `scripts/${name}`], {
    env: { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: "silent" },
  });

describe("operations", () => {
  it("backs up the live database to a timestamped, owner-only file that opens with the same rows", async () => {
    recordTestEntries(t.studio.db, 1);
    const { stdout } = await script("backup.ts");
    expect(stdout).toMatch(/integrity ok/);
    const [file] = fs.readdirSync(path.join(t.dir, "backups"));
    expect(file).toMatch(/^studio-\d{8}-\d{6}\.sqlite$/);
    // The backup holds the same personal data as the database: 0600 in a 0700 folder.
    expect(fs.statSync(path.join(t.dir, "backups", file)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(t.dir, "backups")).mode & 0o777).toBe(0o700);
    const copy = new Database(path.join(t.dir, "backups", file), { readonly: true });
    expect(copy.prepare("select count(*) n from audit_log").get()).toEqual({ n: 1 });
    copy.close();
  });

  it("verifies the audit chain and fails loudly when it was tampered with", async () => {
    recordTestEntries(t.studio.db, 3);
    expect((await script("audit-verify.ts")).stdout).toContain("intact: 3 entries");
    t.studio.database.sqlite.exec(
      "drop trigger audit_log_no_update; update audit_log set action = 'forged' where id = 2",
    );
    await expect(script("audit-verify.ts")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("BROKEN at entry 2"),
    });
  });

  it("reports health: database, disk and a worker that stopped ticking", () => {
    const ticking = { id: "video", running: () => 0, lastTickAt: () => new Date() };
    const fresh = checkHealth({ studio: t.studio, workers: [ticking] });
    expect(fresh).toMatchObject({
      ok: true,
      database: { ok: true },
      disk: { ok: true },
      workers: [{ ok: true }],
    });
    const stalled = checkHealth({
      studio: t.studio,
      workers: [
        ticking,
        { id: "documents", running: () => 1, lastTickAt: () => new Date(Date.now() - 60_000) },
      ],
    });
    expect(stalled).toMatchObject({ ok: false, workers: [{ ok: true }, { ok: false }] });
    expect(checkHealth({ studio: t.studio, workers: [] }).ok).toBe(false);
  });

  it("seeds the demo data once: a second run adds nothing", async () => {
    const now = new Date();
    expect((await seedDemoData({ db: t.studio.db, now, dataDir: t.dir })).seeded).toBe(true);
    const pieces = t.studio.db.select({ n: count() }).from(schema.pieces).get()!.n;
    const campaigns = t.studio.db.select({ n: count() }).from(schema.campaigns).get()!.n;
    expect(campaigns).toBe(12);
    expect(pieces).toBeGreaterThanOrEqual(12);
    expect((await seedDemoData({ db: t.studio.db, now, dataDir: t.dir })).seeded).toBe(false);
    expect(t.studio.db.select({ n: count() }).from(schema.pieces).get()!.n).toBe(pieces);
  });
});
