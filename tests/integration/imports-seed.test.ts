import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { currentPlatformMetrics } from "~/modules/metrics-import/current-platform-metrics.server";
import { seedDemoData } from "../../db/seed";
import { withTestStudio } from "../setup/test-studio";
import { auditActions, NOW } from "./imports-helpers";

const t = withTestStudio({ now: () => NOW });

describe("the demo's platform import", () => {
  it("imports yesterday's GBK 抖音主号 export through the import itself, once", async () => {
    await seedDemoData({ db: t.studio.db, now: NOW, dataDir: t.dir });
    const imports = t.studio.db.select().from(schema.metricImports).all();
    expect(imports).toHaveLength(1);
    const [demo] = imports;
    expect(demo).toMatchObject({
      platform: "douyin-main",
      status: "applied",
      encoding: "gb18030",
      asOfDay: "2026-03-01",
      payload: null,
    });
    const current = currentPlatformMetrics({ db: t.studio.db, platform: "douyin-main" });
    // Every row but the unplanned video: linked rows, rows matched by title and day, the columns' first episodes.
    expect(current.length).toBe(demo.rowCount - 1);
    expect(current.length).toBeGreaterThan(3);
    expect(current.filter((c) => c.slotId === null).length).toBe(2);
    expect(
      current.every((c) => c.plays! >= 20_000 && c.completionRate! > 0.1 && c.avgWatchSeconds! > 10),
    ).toBe(true);
    expect(current.some((c) => c.plays! >= 500_000)).toBe(true);
    expect(auditActions(t.studio, "metric_")).toEqual(["metric_alias.seed_defaults", "metric_import.apply"]);
    const aliases = t.studio.db.select({ n: count() }).from(schema.metricAliases).get()!.n;
    expect(aliases).toBeGreaterThan(40);

    expect((await seedDemoData({ db: t.studio.db, now: NOW, dataDir: t.dir })).seeded).toBe(false);
    expect(t.studio.db.select().from(schema.metricImports).all()).toHaveLength(1);
    expect(t.studio.db.select({ n: count() }).from(schema.metricAliases).get()!.n).toBe(aliases);
  });
});
