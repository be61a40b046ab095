import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createStudio } from "~/lib/studio.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty studio.sqlite that each test copies instead of migrating its own. */
    baseDatabase: string | undefined;
  }
}

let dir: string | undefined;

/** Migrates one base database per run (as Epic Stack's db-setup does) for every test to copy. */
export function setup(project: TestProject) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "studio-base-"));
  const studio = createStudio({ dataDir: dir });
  // Fold the WAL into the main file so that copying studio.sqlite alone copies everything.
  studio.database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  studio.database.sqlite.close();
  project.provide("baseDatabase", path.join(dir, "studio.sqlite"));
}

export function teardown() {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
