import { z } from "zod";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import type { ApiOperation } from "../api/openapi";
import { createArticleSchema, listArticlesQuerySchema, updateArticleSchema } from "./schemas";

const channelSchema = z.object({
  key: z.string(),
  name: z.string(),
  minChars: z.number().nullable().optional(),
  testimonialRequired: z.boolean().optional(),
});

const articleSchema = z.object({
  id: z.number(),
  slug: z.string(),
  kind: z.literal("article"),
  title: z.string(),
  status: z.string(),
  ownerId: z.number(),
  version: z.number(),
  body: z.string().optional(),
  channel: channelSchema.nullable(),
  cover: z
    .object({ url: z.string(), format: z.string(), width: z.number(), height: z.number(), bytes: z.number() })
    .nullable()
    .optional(),
  /** Characters as 易车 counts them (docs/articles.md). */
  charCount: z.number(),
});

// Submitting for review goes through POST /api/v1/pieces/{id}/transitions, where the channel's
// rules hold an article that breaks them (409 article_too_short, testimonial_required).
export const articleApiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/articles",
    summary: "List articles with their channel and character count",
    capability: "pieces.read",
    query: listArticlesQuerySchema,
    response: z.object({ items: z.array(articleSchema), total: z.number() }),
  },
  {
    method: "post",
    path: "/api/v1/articles",
    summary: "Create an article (Markdown body; `channel` is a channel key such as yiche or wechat-official)",
    capability: "pieces.create",
    body: createArticleSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: articleSchema,
  },
  {
    method: "get",
    path: "/api/v1/articles/{id}",
    summary: "An article: body, channel with its rules, cover, character count",
    capability: "pieces.read",
    response: articleSchema,
  },
  {
    method: "patch",
    path: "/api/v1/articles/{id}",
    summary: "Update an article (send the version you edited; 409 stale otherwise)",
    capability: "pieces.edit",
    body: updateArticleSchema(DEFAULT_STUDIO_TIME_ZONE),
    response: articleSchema,
  },
  {
    method: "get",
    path: "/api/v1/articles/{id}/cover",
    summary: "The article's cover image (PNG or JPEG)",
    capability: "pieces.read",
  },
  {
    method: "post",
    path: "/api/v1/articles/{id}/cover",
    summary:
      "Upload the cover (field `file`, PNG or JPEG sniffed and fully decoded, at most 5 MB and 25 megapixels, at least 300 px a side; 413 too large, 415 not an image, 422 damaged or out of limits; nothing is kept on a refusal)",
    capability: "pieces.edit",
    multipart: true,
    response: articleSchema,
  },
];
