import { z } from "zod";
import { optionalId, requiredText } from "~/lib/schema-fields";
import { MIX_CATEGORIES } from "../pieces/status-machine";

const HEX = /^#[0-9A-Fa-f]{6}$/;
const color = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .regex(HEX, `${label}必须是 #RRGGBB 格式`);
const optionalCount = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.coerce
    .number({ error: "播放目标必须是数字" })
    .int("播放目标必须是整数")
    .min(1, "播放目标至少为 1")
    .max(1_000_000_000, "播放目标太大")
    .optional(),
);

/** One schema for the column settings form and PATCH /api/v1/columns/{id}; `version` guards stale saves. */
export const updateColumnSchema = z.object({
  version: z.coerce.number({ error: "缺少版本号" }).int().positive("缺少版本号"),
  name: requiredText(40, {
    empty: "栏目名称不能为空",
    tooLong: "栏目名称不能超过 40 个字",
    notText: "栏目名称必须是文字",
  }),
  description: z.string().trim().max(500, "简介不能超过 500 个字").default(""),
  episodeTarget: z.coerce
    .number({ error: "集数目标必须是数字" })
    .int("集数目标必须是整数")
    .min(1, "集数目标至少为 1")
    .max(1000, "集数目标不能超过 1000"),
  durationSeconds: z.coerce
    .number({ error: "时长必须是数字" })
    .int("时长必须是整数秒")
    .min(6, "时长至少 6 秒")
    .max(600, "时长不能超过 600 秒"),
  outroLine: requiredText(40, {
    empty: "结尾口号不能为空",
    tooLong: "结尾口号不能超过 40 个字",
    notText: "结尾口号必须是文字",
  }),
  viewsTargetPerEpisode: optionalCount,
  defaultChannelId: optionalId(),
  mixCategory: z.enum(MIX_CATEGORIES, { error: "请选择内容类别" }),
  primaryColor: color("主色"),
  accentColor: color("强调色"),
  textColor: color("文字颜色"),
  readingSpeedCps: z.coerce
    .number({ error: "语速必须是数字" })
    .refine(Number.isFinite, "语速必须是数字")
    .min(1, "语速至少每秒 1 字")
    .max(10, "语速不能超过每秒 10 字"),
});
export type UpdateColumnInput = z.infer<typeof updateColumnSchema>;
