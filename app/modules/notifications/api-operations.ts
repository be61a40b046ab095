import { z } from "zod";
import type { ApiOperation } from "../api/openapi";
import {
  addCommentSchema,
  anchorSchema,
  listCommentsQuerySchema,
  resolveCommentSchema,
} from "../comments/comment-anchor";
import { markReadSchema, notificationListSchema } from "./api-schemas";

const commentSchema = z.object({
  id: z.number(),
  anchor: anchorSchema,
  quote: z.string(),
  current: z.boolean(),
  body: z.string(),
  author: z.object({ id: z.number(), name: z.string() }),
  mentions: z.array(z.number()),
  createdAt: z.string(),
});

const threadSchema = commentSchema.extend({
  status: z.enum(["open", "resolved"]),
  resolvedBy: z.string().nullable(),
  replies: z.array(commentSchema),
});

export const notificationApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/notifications",
    summary: "The caller's notifications, newest first, with the unread count",
    capability: "dashboard.view",
    response: notificationListSchema,
  },
  {
    method: "post",
    path: "/api/v1/notifications/read",
    summary: "Mark the caller's notifications read: {ids: [...]} or {all: true}",
    capability: "dashboard.view",
    body: markReadSchema,
    response: z.object({ marked: z.number(), unread: z.number() }),
  },
  {
    method: "get",
    path: "/api/v1/pieces/{id}/comments",
    summary:
      "A piece's comment threads (add ?status=open for open ones) and the places a comment can point at; ?chapterId= narrows a book's to one chapter and counts its open threads elsewhere",
    capability: "pieces.read",
    query: listCommentsQuerySchema,
    response: z.object({
      pieceId: z.number(),
      canComment: z.boolean(),
      threads: z.array(threadSchema),
      chapter: z.object({ id: z.number(), elsewhereOpen: z.number() }).optional(),
    }),
  },
  {
    method: "post",
    path: "/api/v1/pieces/{id}/comments",
    summary:
      "Comment on one line ({anchor, body}) or reply to a thread ({parentId, body}); @name mentions notify. Reviewers and the owner only",
    capability: "pieces.read",
    body: addCommentSchema,
    response: z.object({ id: z.number(), mentioned: z.array(z.number()) }),
  },
  {
    method: "post",
    path: "/api/v1/comments/{id}/resolve",
    summary: "Resolve a comment thread, or reopen it with {resolved: false}. Reviewers and the owner only",
    capability: "pieces.read",
    body: resolveCommentSchema,
    response: z.object({ id: z.number(), status: z.enum(["open", "resolved"]) }),
  },
];
