import { z } from "zod";
import { requiredText } from "~/lib/schema-fields";

const id = (label: string) =>
  z.coerce
    .number({ error: `${label}无效` })
    .int(`${label}无效`)
    .positive(`${label}无效`);

/** One schema for the "new episode" form on a column page. */
export const createEpisodeSchema = z.object({
  title: requiredText(120, {
    empty: "标题不能为空",
    tooLong: "标题不能超过 120 个字",
    notText: "标题必须是文字",
  }),
});

/** The clip buttons on the episode page (move up/down, delete). */
export const clipActionSchema = z.object({ assetId: id("素材") });

/** The delete button of a render version. */
export const renderActionSchema = z.object({ renderId: id("成片版本") });

/** The brand asset form on a column page. */
export const columnAssetActionSchema = z.object({ assetId: id("素材") });

/** Brand asset slots of a column (shown on the column page, checked on upload). */
export const COLUMN_ASSET_ROLES = ["logo", "intro", "outro", "outro_audio"] as const;
export type ColumnAssetRole = (typeof COLUMN_ASSET_ROLES)[number];

/** One schema for the render form and POST /api/v1/episodes/{id}/renders. */
export const requestRenderSchema = z.object({
  coverAtSecond: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: "封面时间必须是数字" })
      .refine(Number.isFinite, "封面时间必须是数字")
      .min(0, "封面时间不能为负数")
      .max(600, "封面时间超出视频长度")
      .optional(),
  ),
});
export type RequestRenderInput = z.infer<typeof requestRenderSchema>;
