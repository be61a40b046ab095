import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { action as resolveApi } from "~/routes/api.v1.comments.$id.resolve";
import { action as commentApi, loader as commentsApi } from "~/routes/api.v1.pieces.$id.comments";
import { callRoute, getRequest, jsonRequest } from "../setup/test-studio";
import { createDemoShow } from "./livestream-helpers";
import { ids, withNotificationStudio } from "./notifications-helpers";

const { t, bookWithChapter, draftPiece, notificationRows, recipientsOf, team } = withNotificationStudio();

function post(cookie: string, pieceId: number | string, body: unknown) {
  return callRoute(
    commentApi,
    jsonRequest(`/api/v1/pieces/${pieceId}/comments`, "POST", body, { Cookie: cookie }),
    {
      id: String(pieceId),
    },
  );
}

async function list(cookie: string, pieceId: number | string, status = "all") {
  const response = await callRoute(
    commentsApi,
    getRequest(`/api/v1/pieces/${pieceId}/comments?status=${status}`, { Cookie: cookie }),
    {
      id: String(pieceId),
    },
  );
  expect(response.status).toBe(200);
  return response.json();
}

function resolve(cookie: string, commentId: number, body: unknown = {}) {
  return callRoute(
    resolveApi,
    jsonRequest(`/api/v1/comments/${commentId}/resolve`, "POST", body, { Cookie: cookie }),
    {
      id: String(commentId),
    },
  );
}

const commentCount = () => t.studio.db.select().from(schema.comments).all().length;

describe("comments on a line", () => {
  it("anchors a comment to a line with its quote, notifies the @mentioned, threads replies and resolves", async () => {
    const { owner, editor, editor2, host } = await team();
    const pieceId = draftPiece(owner.actor);

    const created = await post(editor.cookie, pieceId, {
      anchor: { kind: "body_line", index: 1 },
      body: "@赵审核请看这一行，@不存在的人 也看看；@王芳",
    });
    expect(created.status).toBe(201);
    const { id, mentioned } = await created.json();
    expect(mentioned.sort()).toEqual(ids(editor2, owner));
    // Each mentioned person is told, once; an unknown name stays text and tells nobody.
    expect(recipientsOf("mentioned")).toEqual(ids(editor2, owner));
    const told = notificationRows().find((n) => n.userId === editor2.actor.id)!;
    expect(told.link).toBe(`/pieces/${pieceId}#comment-${id}`);

    const reply = await post(owner.cookie, pieceId, { parentId: id, body: "已改为“到店免费检测（周六前）”" });
    expect(reply.status).toBe(201);

    const all = await list(host.cookie, pieceId);
    expect(all.canComment).toBe(false);
    expect(all.threads).toHaveLength(1);
    expect(all.threads[0]).toMatchObject({
      id,
      anchor: { kind: "body_line", index: 1 },
      quote: "第二行：到店免费检测",
      current: true,
      position: 2,
      status: "open",
      author: { name: "张编辑" },
    });
    expect(all.threads[0].replies.map((r: { body: string }) => r.body)).toEqual([
      "已改为“到店免费检测（周六前）”",
    ]);
    expect(all.anchors.map((a: { quote: string }) => a.quote)).toEqual([
      "第一行：雨季检查雨刮",
      "第二行：到店免费检测",
      "第三行：预约电话",
    ]);

    // The owner resolves the thread (answering with a reply's id resolves its thread); open lists it no more.
    const resolved = await resolve(
      owner.cookie,
      (await list(owner.cookie, pieceId)).threads[0].replies[0].id,
    );
    expect(await resolved.json()).toEqual({ id, status: "resolved" });
    expect((await list(owner.cookie, pieceId, "open")).threads).toEqual([]);
    const reopened = await resolve(editor.cookie, id, { resolved: false });
    expect(await reopened.json()).toEqual({ id, status: "open" });
    const actions = t.studio.db
      .select()
      .from(schema.auditLog)
      .all()
      .map((a) => a.action)
      .filter((a) => a.startsWith("comment."));
    expect(actions).toEqual(["comment.create", "comment.create", "comment.resolve", "comment.reopen"]);
  });

  it("points at a livestream block and a chapter paragraph", async () => {
    const { producer, id: showId } = await createDemoShow(t.studio, { approved: false });
    const blocks = (await list(producer.cookie, showId)).anchors;
    expect(blocks.map((a: { anchor: { id: string } }) => a.anchor.id).slice(0, 2)).toEqual([
      "opening",
      "l1-p1-pain",
    ]);
    const onBlock = await post(producer.cookie, showId, {
      anchor: { kind: "block", id: "l1-p1-pain" },
      body: "痛点再具体些",
    });
    expect(onBlock.status).toBe(201);
    const thread = (await list(producer.cookie, showId)).threads[0];
    expect(thread.context).toContain("痛点");
    expect(thread.quote).toBe(blocks[1].quote);

    const { owner } = await team();
    const book = bookWithChapter(owner.actor, {
      kind: "handbook",
      title: "车主手册",
      chapter: "雨季",
      markdown: "# 雨季\n\n检查雨刮。\n\n检查轮胎花纹深度。",
    });
    const onParagraph = await post(owner.cookie, book.pieceId, {
      anchor: { kind: "paragraph", chapterId: book.chapterId, index: 2 },
      body: "补充花纹深度的标准",
    });
    expect(onParagraph.status).toBe(201);
    expect((await list(owner.cookie, book.pieceId)).threads[0]).toMatchObject({
      quote: "检查轮胎花纹深度。",
      context: "雨季",
      position: 3,
    });
  });

  it("refuses bad input, an unknown place and the wrong role with a clear message, storing nothing", async () => {
    const { owner, otherWriter, editor, host } = await team();
    const pieceId = draftPiece(owner.actor);
    const line = { kind: "body_line", index: 0 };
    const cases: Array<[string, unknown, number, string, string]> = [
      [editor.cookie, { anchor: line, body: "   " }, 400, "invalid_body", "body: 评论内容不能为空"],
      [
        editor.cookie,
        { anchor: line, body: "长".repeat(2001) },
        400,
        "invalid_body",
        "body: 评论不能超过 2000 个字",
      ],
      [editor.cookie, { anchor: line }, 400, "invalid_body", "body: 请填写评论内容"],
      [editor.cookie, { body: "没有位置" }, 400, "invalid_body", ""],
      [editor.cookie, { anchor: { kind: "page", index: 0 }, body: "x" }, 400, "invalid_body", ""],
      [
        editor.cookie,
        { anchor: { kind: "body_line", index: 9 }, body: "x" },
        400,
        "unknown_anchor",
        "评论指向的行、段落或直播段落不存在（可能已被修改）。",
      ],
      [editor.cookie, { anchor: { kind: "script_line", id: 1 }, body: "x" }, 400, "unknown_anchor", ""],
      [editor.cookie, { parentId: 99999, body: "x" }, 404, "not_found", "评论不存在。"],
      [otherWriter.cookie, { anchor: line, body: "x" }, 403, "forbidden", "只有审核人和内容负责人可以评论。"],
      [host.cookie, { anchor: line, body: "x" }, 403, "forbidden", "只有审核人和内容负责人可以评论。"],
      [
        `${host.cookie}; lang=en`,
        { anchor: line, body: "x" },
        403,
        "forbidden",
        "Only reviewers and the piece's owner may comment.",
      ],
    ];
    for (const [cookie, body, status, code, message] of cases) {
      const answer = await post(cookie, pieceId, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      const { error } = await answer.json();
      expect(error.code, JSON.stringify(body)).toBe(code);
      if (message) expect(error.message, JSON.stringify(body)).toContain(message);
    }
    expect((await post(editor.cookie, 99999, { anchor: line, body: "x" })).status).toBe(404);
    expect(commentCount()).toBe(0);
    expect(notificationRows()).toEqual([]);

    // Resolving: unknown id 404, a role that may not comment 403, and the thread stays open.
    const { id } = await (await post(editor.cookie, pieceId, { anchor: line, body: "标题偏长" })).json();
    expect((await resolve(editor.cookie, 99999)).status).toBe(404);
    const refused = await resolve(host.cookie, id);
    expect(refused.status).toBe(403);
    expect((await resolve(editor.cookie, id, { resolved: "yes" })).status).toBe(400);
    expect((await list(owner.cookie, pieceId, "open")).threads.map((th: { id: number }) => th.id)).toEqual([
      id,
    ]);
  });
});
