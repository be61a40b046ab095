import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { schema } from "~/lib/db.server";
import { createShow } from "~/modules/livestream/create-show.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { getShow } from "~/modules/livestream/get-show.server";
import { showInputSchema } from "~/modules/livestream/show-input";
import { livestreamScriptGate } from "~/modules/livestream/transition-gate.server";
import { getShowReport } from "~/modules/livestream/get-show-report.server";
import { seedDemoData } from "../../db/seed";
import { signedInUser, withTestStudio } from "../setup/test-studio";

const t = withTestStudio();

describe("livestream demo seed", () => {
  it("attaches the 616 show to the demo livestream piece with its host and producer, and adds a past show with a report", async () => {
    const now = new Date("2026-06-10T04:00:00Z");
    await seedDemoData({ db: t.studio.db, now, dataDir: t.dir });
    const piece = t.studio.db
      .select()
      .from(schema.pieces)
      .where(eq(schema.pieces.title, "616厂价直销夜 直播脚本"))
      .get()!;
    const show = getShow({ db: t.studio.db, showId: piece.id })!;
    expect(show).toMatchObject({
      plannedMinutes: 90,
      liveStatus: "idle",
      issues: [],
      ctaUrl: "https://example.com/mp/live-616",
    });
    expect(show.products.map((p) => p.name)).toEqual(["轩逸 经典款", "奇骏 荣耀版"]);
    const host = t.studio.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, "host@studio.local"))
      .get()!;
    const producer = t.studio.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, "producer@studio.local"))
      .get()!;
    expect([show.hostId, show.producerId]).toEqual([host.id, producer.id]);

    const shows = t.studio.db.select().from(schema.livestreamShows).all();
    expect(shows).toHaveLength(2);
    const past = shows.find((s) => s.pieceId !== piece.id)!;
    const report = getShowReport({ db: t.studio.db, showId: past.pieceId })!;
    expect(report.status).toBe("ended");
    expect(report.redEnvelopeRoundsFired).toBe(2);
    expect(report.peakOnline).toBe(4180);
    expect(report.overrunBlocks).toBeGreaterThan(0);
    expect(report.rows[0].status).toBe("overrun");
    expect(report.rows.every((r) => r.actualSeconds !== null)).toBe(true);

    // A second start seeds nothing twice.
    await seedDemoData({ db: t.studio.db, now, dataDir: t.dir });
    expect(t.studio.db.select().from(schema.livestreamShows).all()).toHaveLength(2);
  });
});

describe("livestream transition gate", () => {
  it("holds a script with run-of-show issues and lets a clean one through", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    const gate = (showId: number, action: "submit" | "redraft") =>
      livestreamScriptGate({
        tx: t.studio.db,
        piece: { id: showId, kind: "livestream", status: "draft", body: "" },
        action,
      });
    const broken = createShow({
      db: t.studio.db,
      actor: editor.actor,
      input: showInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse(demoShowScriptInput({ ctaUrl: "" })),
      now: t.studio.now(),
    });
    const clean = createShow({
      db: t.studio.db,
      actor: editor.actor,
      input: showInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse(demoShowScriptInput()),
      now: t.studio.now(),
    });
    if (!broken.ok || !clean.ok) throw new Error("setup");
    expect(gate(broken.showId, "submit")).toMatchObject({ status: 409, code: "script_issues" });
    expect(gate(broken.showId, "submit")?.message).toContain("小程序链接");
    expect(gate(broken.showId, "redraft")).toBeNull();
    expect(gate(clean.showId, "submit")).toBeNull();
  });
});
