import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import type { CommentThreadDto, PieceCommentsDto } from "~/modules/comments/comment-dto";
import { listComments } from "~/modules/comments/list-comments.server";
import { action as resolveApi } from "~/routes/api.v1.comments.$id.resolve";
import { action as commentApi, loader as commentsApi } from "~/routes/api.v1.pieces.$id.comments";
import { loader as chapterLoader } from "~/routes/_app.ebooks.$id_.chapters.$chapterId";
import type { StudioClient } from "../setup/test-studio";
import { withNotificationStudio } from "./notifications-helpers";

const { t, bookWithChapter, team } = withNotificationStudio();

/** A second chapter after the first one, in the same part of the book. */
function addChapter(book: { pieceId: number; sectionId: number }, title: string, markdown: string) {
  return t.studio.db
    .insert(schema.ebookChapters)
    .values({
      pieceId: book.pieceId,
      sectionId: book.sectionId,
      title,
      markdown,
      position: 2,
      updatedAt: t.studio.now(),
    })
    .returning()
    .get().id;
}

async function comment(who: StudioClient, pieceId: number, anchor: unknown, body: string): Promise<number> {
  const answer = await who.json(
    commentApi,
    `/api/v1/pieces/${pieceId}/comments`,
    "POST",
    { anchor, body },
    {
      id: String(pieceId),
    },
  );
  expect(answer.status, body).toBe(201);
  return ((await answer.json()) as { id: number }).id;
}

/** The chapter editor page as `who` opens it. */
function openChapter(who: StudioClient, pieceId: number, chapterId: number) {
  return who.get(chapterLoader, `/ebooks/${pieceId}/chapters/${chapterId}`, {
    id: String(pieceId),
    chapterId: String(chapterId),
  });
}

async function chapterComments(who: StudioClient, pieceId: number, chapterId: number) {
  const page = await openChapter(who, pieceId, chapterId);
  expect(page.status).toBe(200);
  return ((await page.json()) as { comments: PieceCommentsDto }).comments;
}

const bodies = (threads: CommentThreadDto[]) => threads.map((th) => th.body);

describe("the chapter editor's comments", () => {
  it("lists only the open chapter's paragraph comments and counts the book's open ones elsewhere", async () => {
    const { owner, editor } = await team();
    const book = bookWithChapter(owner.actor, {
      kind: "ebook",
      title: "雨季用车指南",
      chapter: "出发前",
      markdown: "# 出发前\n\n检查雨刮。\n\n检查轮胎花纹深度。",
    });
    const second = addChapter(book, "路上", "# 路上\n\n打开近光灯。\n\n和前车保持距离。");
    // The book's description is a place too (its lines), outside every chapter.
    t.studio.db
      .update(schema.pieces)
      .set({ body: "雨季开车的一本小书" })
      .where(eq(schema.pieces.id, book.pieceId))
      .run();

    const first = book.chapterId;
    await comment(
      editor,
      book.pieceId,
      { kind: "paragraph", chapterId: first, index: 2 },
      "写出花纹深度的标准",
    );
    const onTitle = await comment(
      editor,
      book.pieceId,
      { kind: "paragraph", chapterId: first, index: 0 },
      "标题再短些",
    );
    await comment(editor, book.pieceId, { kind: "paragraph", chapterId: second, index: 1 }, "写明几秒车距");
    const settled = await comment(
      editor,
      book.pieceId,
      { kind: "paragraph", chapterId: second, index: 2 },
      "距离已改",
    );
    await comment(editor, book.pieceId, { kind: "body_line", index: 0 }, "简介加上门店名");
    // A reply stays in its thread; a resolved thread is listed (behind "show resolved"), not counted.
    await owner.json(
      commentApi,
      `/api/v1/pieces/${book.pieceId}/comments`,
      "POST",
      { parentId: onTitle, body: "已改" },
      {
        id: String(book.pieceId),
      },
    );
    const resolved = await editor.json(
      resolveApi,
      `/api/v1/comments/${settled}/resolve`,
      "POST",
      {},
      {
        id: String(settled),
      },
    );
    expect(resolved.status).toBe(200);

    const one = await chapterComments(owner, book.pieceId, first);
    // In the paragraphs' reading order, each with the paragraph it points at.
    expect(bodies(one.threads)).toEqual(["标题再短些", "写出花纹深度的标准"]);
    expect(one.threads.map((th) => [th.anchor, th.position, th.context, th.quote])).toEqual([
      [{ kind: "paragraph", chapterId: first, index: 0 }, 1, "出发前", "# 出发前"],
      [{ kind: "paragraph", chapterId: first, index: 2 }, 3, "出发前", "检查轮胎花纹深度。"],
    ]);
    expect(one.threads[0]!.replies.map((r) => r.body)).toEqual(["已改"]);
    // A new comment here can point only at this chapter's paragraphs.
    expect(one.anchors.map((a) => a.quote)).toEqual(["# 出发前", "检查雨刮。", "检查轮胎花纹深度。"]);
    expect(one.canComment).toBe(true);
    // Open elsewhere: the second chapter's open thread and the description's; not the resolved one.
    expect(one.chapter).toEqual({ id: first, elsewhereOpen: 2 });

    const two = await chapterComments(owner, book.pieceId, second);
    expect(two.threads.map((th) => [th.body, th.status])).toEqual([
      ["写明几秒车距", "open"],
      ["距离已改", "resolved"],
    ]);
    expect(two.chapter).toEqual({ id: second, elsewhereOpen: 3 });

    // The piece page's panel (the comments API) still lists the whole book.
    const all = await owner.get(commentsApi, `/api/v1/pieces/${book.pieceId}/comments?status=all`, {
      id: String(book.pieceId),
    });
    const whole = (await all.json()) as PieceCommentsDto;
    expect(whole.threads).toHaveLength(5);
    expect(whole.chapter).toBeUndefined();
    expect(whole.anchors).toHaveLength(7);

    // The API narrows the same way with ?chapterId=, and says what it cannot narrow to.
    const narrowed = await owner.get(
      commentsApi,
      `/api/v1/pieces/${book.pieceId}/comments?chapterId=${first}`,
      {
        id: String(book.pieceId),
      },
    );
    expect(narrowed.status).toBe(200);
    expect(await narrowed.json()).toEqual(one);
    const elsewhere = await owner.get(
      commentsApi,
      `/api/v1/pieces/${book.pieceId}/comments?chapterId=999999`,
      {
        id: String(book.pieceId),
      },
    );
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({ error: { code: "not_found", message: "章节不存在。" } });
    const noPiece = await owner.get(commentsApi, `/api/v1/pieces/999999/comments?chapterId=${first}`, {
      id: "999999",
    });
    expect(noPiece.status).toBe(404);
    expect(await noPiece.json()).toEqual({ error: { code: "not_found", message: "内容不存在。" } });
    const malformed = await owner.get(commentsApi, `/api/v1/pieces/${book.pieceId}/comments?chapterId=abc`, {
      id: String(book.pieceId),
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "invalid_query", field: "chapterId" } });
  });

  it("answers a chapter of another book, or none, as the chapter editor's 404", async () => {
    const { owner } = await team();
    const book = bookWithChapter(owner.actor, {
      kind: "ebook",
      title: "雨季用车指南",
      chapter: "出发前",
      markdown: "检查雨刮。",
    });
    const other = bookWithChapter(owner.actor, {
      kind: "handbook",
      title: "车主手册",
      chapter: "保养",
      markdown: "五千公里换机油。",
    });

    for (const chapterId of [other.chapterId, 999_999]) {
      const page = await openChapter(owner, book.pieceId, chapterId);
      expect(page.status, String(chapterId)).toBe(404);
      expect(await page.json()).toEqual({ error: { code: "not_found", message: "章节不存在。" } });
      expect(
        listComments({ db: t.studio.db, actor: owner.actor, pieceId: book.pieceId, chapterId }),
        String(chapterId),
      ).toBeNull();
    }
    // The use case's own answer for the right pair, for contrast.
    expect(
      listComments({ db: t.studio.db, actor: owner.actor, pieceId: book.pieceId, chapterId: book.chapterId })
        ?.chapter,
    ).toEqual({ id: book.chapterId, elsewhereOpen: 0 });
  });
});
