import { z } from "zod";
import { createPieceSchema, updatePieceSchema } from "../pieces/schemas";

/** A cover may be at most 5 MB and 25 megapixels, and at least 300 px on each side. */
export const COVER_MAX_BYTES = 5 * 1024 * 1024;
export const COVER_MAX_PIXELS = 25_000_000;
export const COVER_MIN_SIDE = 300;

/** The channel by its stable key ("yiche", "wechat-official"); empty means none chosen yet. */
const channelField = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z
    .string()
    .trim()
    .max(64, "渠道不存在")
    .regex(/^[a-z0-9-]+$/, "渠道不存在")
    .optional(),
);

/** One schema for the new-article form and POST /api/v1/articles (a piece of kind article). */
export const createArticleSchema = (timeZone: string) =>
  createPieceSchema(timeZone).omit({ kind: true, columnId: true }).extend({ channel: channelField });
export type CreateArticleInput = z.infer<ReturnType<typeof createArticleSchema>>;

/** One schema for the editor and PATCH /api/v1/articles/{id}; `version` guards stale edits. */
export const updateArticleSchema = (timeZone: string) =>
  updatePieceSchema(timeZone).omit({ columnId: true }).extend({ channel: channelField });
export type UpdateArticleInput = z.infer<ReturnType<typeof updateArticleSchema>>;

export const listArticlesQuerySchema = z.object({
  channel: channelField,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;
