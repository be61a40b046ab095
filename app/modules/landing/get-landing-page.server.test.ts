import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { attributionFrom } from "~/modules/tracking/attribution";
import { workflowPiece } from "../../../tests/setup/pieces";
import { signedInUser, withTestStudio } from "../../../tests/setup/test-studio";
import { transitionPiece } from "../pieces/transition-piece.server";
import { getLandingPage } from "./get-landing-page.server";

const t = withTestStudio();

async function publishedPoster(title: string, body: string) {
  const owner = await signedInUser(t.studio, ["copywriter"]);
  const editor = await signedInUser(t.studio, ["editor"]);
  const piece = workflowPiece(t.studio, {
    owner: owner.actor,
    editor: editor.actor,
    kind: "poster",
    title,
    body,
  });
  const moved = transitionPiece({
    db: t.studio.db,
    actor: editor.actor,
    pieceId: piece.id,
    action: "publish",
    now: t.studio.now(),
  });
  expect(moved).toMatchObject({ ok: true });
  return piece;
}

const page = (slug: string, src?: string) =>
  getLandingPage({ db: t.studio.db, slug, attribution: attributionFrom({ src }), timeZone: "Asia/Shanghai" });

describe("the landing page of a piece", () => {
  it("shows a published poster's copy and names the sales consultant its QR code carries", async () => {
    const piece = await publishedPoster(
      "透明车间开放日",
      "玻璃房透明车间开放日！\n\n参与互动即送原厂玻璃水。",
    );
    await signedInUser(t.studio, ["sales"], "wangfang@dealer.test");
    expect(page(piece.slug, `poster-${piece.id}-wangfang`)).toMatchObject({
      kind: "poster",
      title: "透明车间开放日",
      body: "玻璃房透明车间开放日！\n\n参与互动即送原厂玻璃水。",
      image: null,
      attribution: { source: `poster-${piece.id}-wangfang`, consultant: "wangfang" },
      consultantName: "测试sales",
    });
    // A code that names nobody in sales, or a colleague outside sales, shows no name.
    await signedInUser(t.studio, ["editor"], "lihua@dealer.test");
    expect(page(piece.slug, `poster-${piece.id}-lihua`)).toMatchObject({ consultantName: null });
    expect(page(piece.slug, `poster-${piece.id}-nobody`)).toMatchObject({ consultantName: null });
    expect(page(piece.slug, "Not A Source!")).toMatchObject({
      attribution: { source: "direct", consultant: null },
      consultantName: null,
    });
  });

  it("is null for every status but published, for unknown and malformed slugs", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const draft = workflowPiece(t.studio, {
      owner: owner.actor,
      editor: editor.actor,
      kind: "article",
      title: "草稿",
      body: "正文",
      status: "draft",
    });
    expect(page(draft.slug)).toBeNull();
    const approved = workflowPiece(t.studio, {
      owner: owner.actor,
      editor: editor.actor,
      kind: "article",
      title: "已通过",
      body: "正文",
    });
    expect(page(approved.slug)).toBeNull();
    transitionPiece({
      db: t.studio.db,
      actor: editor.actor,
      pieceId: approved.id,
      action: "publish",
      now: t.studio.now(),
    });
    expect(page(approved.slug)).toMatchObject({ kind: "article", body: "正文" });
    transitionPiece({
      db: t.studio.db,
      actor: editor.actor,
      pieceId: approved.id,
      action: "archive",
      now: t.studio.now(),
    });
    expect(page(approved.slug)).toBeNull();
    for (const slug of ["", "no-such-piece", "../../etc/passwd", "UPPER", "a".repeat(41)])
      expect(page(slug)).toBeNull();
  });

  it("shows a published livestream's start, phase and products", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const piece = workflowPiece(t.studio, {
      owner: owner.actor,
      editor: editor.actor,
      kind: "livestream",
      title: "厂价直销夜",
      body: "",
    });
    const now = t.studio.now();
    t.studio.db
      .insert(schema.livestreamShows)
      .values({
        pieceId: piece.id,
        scheduledAt: new Date("2027-01-16T12:00:00.000Z"),
        plannedMinutes: 90,
        hostCharsPerMinute: 250,
        ctaText: "留下电话，到店送原厂雨伞",
        createdAt: now,
        updatedAt: now,
      })
      .run();
    t.studio.db
      .insert(schema.livestreamProducts)
      .values({
        showId: piece.id,
        position: 0,
        name: "轩逸",
        painPoint: "油费高",
        painSeconds: 30,
        sellingPoint: "省油",
        sellingSeconds: 60,
        perk: "直降八千",
        perkSeconds: 30,
      })
      .run();
    t.studio.db
      .update(schema.pieces)
      .set({ status: "published" })
      .where(eq(schema.pieces.id, piece.id))
      .run();
    expect(page(piece.slug, `live-${piece.id}`)).toMatchObject({
      kind: "livestream",
      startsAt: "2027-01-16T12:00:00.000Z",
      phase: "upcoming",
      plannedMinutes: 90,
      cta: "留下电话，到店送原厂雨伞",
      products: [{ name: "轩逸", sellingPoint: "省油", perk: "直降八千" }],
      timeZone: "Asia/Shanghai",
    });
    t.studio.db
      .update(schema.livestreamShows)
      .set({ startedAt: now })
      .where(eq(schema.livestreamShows.pieceId, piece.id))
      .run();
    expect(page(piece.slug)).toMatchObject({ phase: "live" });
    t.studio.db
      .update(schema.livestreamShows)
      .set({ endedAt: now })
      .where(eq(schema.livestreamShows.pieceId, piece.id))
      .run();
    expect(page(piece.slug)).toMatchObject({ phase: "ended" });
  });
});
