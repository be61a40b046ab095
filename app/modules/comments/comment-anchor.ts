import { z } from "zod";

/**
 * What a comment points at (docs/notifications.md, "Comment anchors"):
 * - `script_line` {id}: an episode's script line, by its row id;
 * - `block` {id}: a livestream run-of-show block, by its id (`opening`, `l1-p2-selling`, `l1-cta`…;
 *   the blocks of later loops repeat the first loop's text, so the first loop's ids name them);
 * - `paragraph` {chapterId, index}: the index-th paragraph (0-based, blank-line separated) of a
 *   chapter of an e-book or handbook;
 * - `body_line` {index}: the index-th non-empty line (0-based) of the piece's text, for any kind.
 */
export const ANCHOR_KINDS = ["script_line", "block", "paragraph", "body_line"] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

const index = z.number({ error: "位置必须是数字" }).int("位置必须是整数").min(0, "位置不能为负").max(100_000);

export const anchorSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("script_line"), id: z.number().int().positive("请指明脚本行") }),
    z.object({ kind: z.literal("block"), id: z.string().trim().min(1, "请指明直播段落").max(60) }),
    z.object({ kind: z.literal("paragraph"), chapterId: z.number().int().positive("请指明章节"), index }),
    z.object({ kind: z.literal("body_line"), index }),
  ],
  { error: "评论位置必须是 script_line、block、paragraph 或 body_line 之一" },
);
export type CommentAnchor = z.infer<typeof anchorSchema>;

/** The stored form of an anchor's target (`anchor_ref`). */
export function anchorRef(anchor: CommentAnchor): string {
  switch (anchor.kind) {
    case "paragraph":
      return `${anchor.chapterId}:${anchor.index}`;
    case "body_line":
      return String(anchor.index);
    default:
      return String(anchor.id);
  }
}

/** The anchor back from its stored form, as the API answers it. */
export function anchorFromRef(kind: string, ref: string): CommentAnchor {
  if (kind === "paragraph") {
    const [chapterId, i] = ref.split(":").map(Number);
    return { kind, chapterId: chapterId!, index: i! };
  }
  if (kind === "body_line") return { kind, index: Number(ref) };
  if (kind === "script_line") return { kind, id: Number(ref) };
  return { kind: "block", id: ref };
}

export const COMMENT_BODY_MAX = 2000;

/** One schema for the comment form and POST /api/v1/pieces/{id}/comments. */
export const addCommentSchema = z
  .object({
    anchor: anchorSchema.optional(),
    /** Replying to a thread: the reply takes the thread's anchor. */
    parentId: z.number().int().positive().optional(),
    body: z
      .string({ error: "请填写评论内容" })
      .trim()
      .min(1, "评论内容不能为空")
      .max(COMMENT_BODY_MAX, `评论不能超过 ${COMMENT_BODY_MAX} 个字`),
  })
  .refine((v) => v.anchor !== undefined || v.parentId !== undefined, {
    message: "请指明评论的位置（anchor）或所回复的评论（parentId）",
    path: ["anchor"],
  });
export type AddCommentInput = z.infer<typeof addCommentSchema>;

/** One schema for the query of GET /api/v1/pieces/{id}/comments. */
export const listCommentsQuerySchema = z.object({
  status: z.enum(["open", "all"], { error: "status 只能是 open 或 all" }).optional(),
  /** One chapter of an e-book or handbook: its threads only, the rest of the book counted. */
  chapterId: z.coerce
    .number({ error: "chapterId 须为正整数" })
    .int()
    .positive("chapterId 须为正整数")
    .optional(),
});

export const resolveCommentSchema = z.object({
  /** false reopens a resolved thread. */
  resolved: z.boolean().default(true),
});
