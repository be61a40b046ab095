import { z } from "zod";
import { isCalendarDate } from "~/lib/dates";
import { monthQuerySchema, yearQuerySchema } from "./metrics-schemas";
export const ANALYTICS_VIEWS = [
  "overview",
  "columns",
  "channels",
  "owners",
  "livestreams",
  "campaigns",
  "piece",
] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

const day = z.string().refine(isCalendarDate, "日期格式应为 YYYY-MM-DD。").optional();

/** The query of every dashboard page and of the CSV export of its tables. */
export const analyticsQuerySchema = z.object({
  view: z.enum(ANALYTICS_VIEWS, { error: "未知的看板。" }),
  table: z.string().trim().min(1, "请指定表格。").max(40, "表格名过长。").optional(),
  from: day,
  to: day,
  month: monthQuerySchema.shape.month,
  year: yearQuerySchema.shape.year,
  piece: z.coerce
    .number({ error: "内容编号无效。" })
    .int("内容编号无效。")
    .positive("内容编号无效。")
    .optional(),
  encoding: z.enum(["utf-8", "gbk"], { error: "编码只能是 utf-8 或 gbk。" }).optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;
