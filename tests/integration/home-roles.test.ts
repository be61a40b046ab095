import { describe, expect, it } from "vitest";
import { createPiece } from "~/modules/pieces/create-piece.server";
import type { Dashboard } from "~/modules/pieces/dashboard";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { loader as homeLoader } from "~/routes/_app._index";
import { seedLivestreamDemo } from "../../db/seed-livestream";
import { getRequest, respond, routeArgs, signedInUser, withTestStudio } from "../setup/test-studio";

const t = withTestStudio({ now: () => new Date("2026-06-10T04:00:00Z") });

async function home(cookie: string): Promise<Dashboard & { showPublishing: boolean }> {
  const res = await respond(() => homeLoader(routeArgs(getRequest("/", { Cookie: cookie }))));
  expect(res.status).toBe(200);
  return res.json();
}

describe("each role's home page", () => {
  it("shows each role what it must do: rejections with reasons, the review queue, the host's shows, the next console, figures, health", async () => {
    const { db } = t.studio;
    const now = t.studio.now();
    const [copy, editor, host, producer, analyst, admin] = await Promise.all([
      signedInUser(t.studio, ["copywriter"]),
      signedInUser(t.studio, ["editor"], "editor@studio.local"),
      signedInUser(t.studio, ["host"], "host@studio.local"),
      signedInUser(t.studio, ["producer"], "producer@studio.local"),
      signedInUser(t.studio, ["analyst"]),
      signedInUser(t.studio, ["admin"]),
    ]);
    // The demo's two shows hosted by host@ (the 616 night to come and last week's, ended).
    await seedLivestreamDemo({
      db,
      now,
      dataDir: t.dir,
      users: new Map([editor, host, producer].map((u) => [u.actor.email, u.actor])),
    });

    const piece = (title: string, dueAt?: Date) => {
      const made = createPiece({
        db,
        actor: copy.actor,
        input: { kind: "article", title, body: "正文", dueAt },
        now,
      });
      if (!made.ok) throw new Error(made.message);
      return made.pieceId;
    };
    const move = (pieceId: number, actor: typeof copy.actor, action: string, note?: string) =>
      expect(transitionPiece({ db, actor, pieceId, action, note, now }).ok).toBe(true);
    const draft = piece("雨季用车十问", new Date("2026-06-12T10:00:00Z"));
    const rejected = piece("暑期保养海报");
    move(rejected, copy.actor, "submit");
    move(rejected, editor.actor, "reject", "主标题字号太小");
    const waiting = piece("原厂件与副厂件");
    move(waiting, copy.actor, "submit");

    const writer = (await home(copy.cookie)).writer!;
    expect(writer.rejected).toMatchObject([{ id: rejected, reason: "主标题字号太小" }]);
    expect(writer.drafts).toMatchObject([{ id: draft, dueAt: "2026-06-12T10:00:00.000Z" }]);
    expect(writer.inReview.map((p) => p.id)).toEqual([waiting]);

    const editorHome = await home(editor.cookie);
    expect(editorHome.reviewer!.queue.map((p) => p.id)).toEqual([waiting]);
    expect(editorHome.reviewer!.due.map((p) => p.id)).toContain(draft);
    expect(editorHome.writer).toBeNull();

    const hostHome = await home(host.cookie);
    expect(hostHome.host!.shows.map((s) => [s.title, s.liveStatus])).toEqual([
      ["年中粉丝日 · 616厂价直销夜", "idle"],
      ["五一自驾节 · 48小时深度试驾直播", "ended"],
    ]);
    expect(hostHome.writer).toBeNull();
    expect(hostHome.reviewer).toBeNull();
    expect(hostHome.showPublishing).toBe(false);

    const producerHome = await home(producer.cookie);
    expect(producerHome.producer!.next).toMatchObject({
      title: "年中粉丝日 · 616厂价直销夜",
      hostName: host.actor.name,
    });

    const analystHome = await home(analyst.cookie);
    expect(analystHome.analyst).toMatchObject({ to: "2026-06-10", from: "2026-05-12", views: 0, leads: 0 });

    const adminHome = await home(admin.cookie);
    expect(adminHome.admin).toMatchObject({ failedJobs: 0, overdueDeletionRequests: 0, lowDisk: false });
    expect(adminHome.admin!.freeBytes).toBeGreaterThan(0);
    // The studio's health is the admin's alone.
    for (const other of [editorHome, hostHome, producerHome, analystHome]) expect(other.admin).toBeNull();
  });
});
