import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { schema } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { addChapter } from "~/modules/ebooks/add-chapter.server";
import { addSection } from "~/modules/ebooks/add-section.server";
import { createBook } from "~/modules/ebooks/create-book.server";
import { createBookSchema } from "~/modules/ebooks/schemas";
import { getCurrentContentHash } from "~/modules/ebooks/get-current-content-hash.server";
import { updateChapter } from "~/modules/ebooks/update-chapter.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { updateShow } from "~/modules/livestream/update-show.server";
import { getEpisode } from "~/modules/media/get-episode.server";
import { currentRenderHasher } from "~/modules/media/render-input.server";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";
import { getApprovalHold } from "~/modules/pieces/approval-hold.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { updatePiece } from "~/modules/pieces/update-piece.server";
import { loader as episodePage } from "~/routes/_app.episodes.$id";
import { auditRows } from "../setup/audit-entries";
import { workflowPiece } from "../setup/pieces";
import { type StudioClient, withStudio } from "../setup/test-studio";
import { createDemoShow } from "./livestream-helpers";
import { createEpisodeViaPage, insertTestColumn } from "./media-helpers";

const t = withStudio();

const people = () => t.people({ copy: ["copywriter"], editor: ["editor"] });

/** A piece of the copywriter's, submitted and approved by the editor. */
function approved(
  p: { copy: StudioClient; editor: StudioClient },
  kind: PieceKind,
  title: string,
  body: string,
) {
  return workflowPiece(t.studio, { owner: p.copy.actor, editor: p.editor.actor, kind, title, body });
}

/** Saves new text for a piece (its title kept) through the use case, as `actor`. */
function save(actor: Actor, piece: { id: number; title: string }, version: number, body: string) {
  return updatePiece({
    db: t.studio.db,
    actor,
    pieceId: piece.id,
    input: { version, title: piece.title, body },
    now: t.studio.now(),
  });
}

const pieceRow = (id: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()!;

const holds = (id: number) =>
  t.studio.db
    .select()
    .from(schema.pieceTransitions)
    .where(eq(schema.pieceTransitions.pieceId, id))
    .all()
    .filter((r) => r.action === "edit_after_approval");

function move(actor: Actor, pieceId: number, ...actions: string[]) {
  for (const action of actions) {
    const moved = transitionPiece({
      db: t.studio.db,
      actor,
      pieceId,
      action,
      scheduledAt: new Date(t.studio.now().getTime() + 86_400_000),
      now: t.studio.now(),
    });
    expect(moved, action).toMatchObject({ ok: true });
  }
}

/** The piece went back to `to` once, with the transition, the audit entry and the page's note. */
function expectHeld(pieceId: number, from: string, to = "draft") {
  expect(pieceRow(pieceId).status).toBe(to);
  expect(holds(pieceId).map((r) => [r.fromStatus, r.toStatus])).toEqual([[from, to]]);
  expect(
    auditRows(t.studio, "piece.edit_after_approval").filter((r) => r.entityId === String(pieceId)),
  ).toHaveLength(1);
  expect(getApprovalHold({ db: t.studio.db, pieceId })).toMatchObject({ fromStatus: from, toStatus: to });
}

describe("an edit takes back the approval, for every kind", () => {
  it("generic piece: an approved article goes back to draft; a scheduled one too; a draft edit records nothing", async () => {
    const { copy, editor } = await people();
    const article = approved({ copy, editor }, "article", "春季保养", "审核通过的正文");
    expect(getApprovalHold({ db: t.studio.db, pieceId: article.id })).toBeNull();
    // The owner may not edit an approved piece at all: refused, nothing changes.
    const refused = save(copy.actor, article, article.version, "偷偷改");
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(pieceRow(article.id)).toMatchObject({ status: "approved", body: "审核通过的正文" });

    const edited = save(editor.actor, article, article.version, "审核之后改过的正文");
    expect(edited.ok).toBe(true);
    expectHeld(article.id, "approved");
    // A second edit of the draft is an ordinary save.
    save(editor.actor, article, 2, "再改一次");
    expect(holds(article.id)).toHaveLength(1);
    // Approved again: the note goes away.
    move(editor.actor, article.id, "submit", "approve");
    expect(getApprovalHold({ db: t.studio.db, pieceId: article.id })).toBeNull();

    const poster = approved({ copy, editor }, "poster", "五一海报", "五一到店有礼");
    move(editor.actor, poster.id, "schedule");
    save(editor.actor, poster, poster.version, "五一到店有好礼");
    expectHeld(poster.id, "scheduled");
  });

  it("returns to review instead when APPROVAL_EDIT_RETURNS_TO=in_review", async () => {
    vi.stubEnv("APPROVAL_EDIT_RETURNS_TO", "in_review");
    try {
      const { copy, editor } = await people();
      const piece = approved({ copy, editor }, "article", "文章", "正文");
      save(editor.actor, piece, piece.version, "改过的正文");
      expectHeld(piece.id, "approved", "in_review");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("episode: an edited approved script is a draft again, and its render reads out of date", async () => {
    const { copy, editor } = await people();
    const columnId = insertTestColumn(t, 8);
    const id = await createEpisodeViaPage(columnId, copy.cookie);
    const lines = [{ voiceover: "轩逸油耗低", caption: "", shotNote: "", seconds: 2 }];
    expect(
      saveEpisodeScript({
        db: t.studio.db,
        actor: copy.actor,
        pieceId: id,
        input: { version: 1, lines },
        now: t.studio.now(),
      }).ok,
    ).toBe(true);
    move(copy.actor, id, "submit");
    move(editor.actor, id, "approve");
    // A finished render of the approved script (as the render job writes it).
    const job = t.studio.db
      .insert(schema.jobs)
      .values({
        type: "video.render",
        payload: {},
        status: "succeeded",
        runAfter: t.studio.now(),
        createdAt: t.studio.now(),
        updatedAt: t.studio.now(),
      })
      .returning({ id: schema.jobs.id })
      .get();
    t.studio.db
      .insert(schema.episodeRenders)
      .values({
        pieceId: id,
        number: 1,
        jobId: job.id,
        videoPath: "renders/v1.mp4",
        coverPath: "renders/v1.jpg",
        thumbnailPath: "renders/v1-t.jpg",
        bytes: 1,
        durationSeconds: 8,
        inputHash: currentRenderHasher(t.studio.db, id)!(null),
        createdAt: t.studio.now(),
      })
      .run();
    const before = getEpisode({ db: t.studio.db, pieceId: id, actor: editor.actor });
    expect(before.ok && before.versions.map((v) => v.current)).toEqual([true]);

    const saved = saveEpisodeScript({
      db: t.studio.db,
      actor: editor.actor,
      pieceId: id,
      input: { version: 2, lines: [{ ...lines[0], voiceover: "轩逸油耗更低" }] },
      now: t.studio.now(),
    });
    expect(saved.ok).toBe(true);
    expectHeld(id, "approved");
    const page = await (await editor.get(episodePage, `/episodes/${id}`, { id: String(id) })).json();
    expect(page.episode.status).toBe("draft");
    expect(page.approvalHold).toMatchObject({ fromStatus: "approved", toStatus: "draft" });
    expect(page.versions.map((v: { current: boolean }) => v.current)).toEqual([false]);
  });

  it("livestream: a saved approved script is a draft again", async () => {
    const { id, producer } = await createDemoShow(t.studio);
    expect(pieceRow(Number(id)).status).toBe("approved");
    const saved = updateShow({
      db: t.studio.db,
      actor: producer.actor,
      showId: Number(id),
      input: { ...demoShowScriptInput({ closing: "我们下周同一时间见！" }), hostCharsPerMinute: 240 },
      now: t.studio.now(),
    });
    expect(saved.ok).toBe(true);
    expectHeld(Number(id), "approved");
  });

  it("e-book: a chapter edit of an approved book makes it a draft, and its content hash (its builds) changes", async () => {
    const { copy, editor } = await people();
    const made = createBook({
      db: t.studio.db,
      actor: copy.actor,
      input: createBookSchema.parse({
        kind: "ebook",
        title: "用车手册",
        author: "品牌",
        trim: "A5",
        targetPages: 8,
      }),
      now: t.studio.now(),
    });
    if (!made.ok) throw new Error(made.message);
    const pieceId = made.pieceId;
    const base = { db: t.studio.db, actor: copy.actor, pieceId, now: t.studio.now() };
    const section = addSection({ ...base, title: "用车" });
    if (!section.ok) throw new Error(section.message);
    const chapter = addChapter({ ...base, sectionId: section.sectionId, title: "保养" });
    if (!chapter.ok) throw new Error(chapter.message);
    move(copy.actor, pieceId, "submit");
    move(editor.actor, pieceId, "approve");
    const hash = getCurrentContentHash({ db: t.studio.db, pieceId });
    const saved = updateChapter({
      db: t.studio.db,
      actor: editor.actor,
      pieceId,
      chapterId: chapter.chapterId,
      input: { version: 1, sectionId: section.sectionId, title: "保养", markdown: "每五千公里保养一次。" },
      now: t.studio.now(),
    });
    expect(saved.ok).toBe(true);
    expectHeld(pieceId, "approved");
    expect(getCurrentContentHash({ db: t.studio.db, pieceId })).not.toBe(hash);
  });
});
