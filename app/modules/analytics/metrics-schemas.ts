import { z } from "zod";
import { isCalendarDate } from "~/lib/dates";

const day = z.string().refine(isCalendarDate, "日期格式应为 YYYY-MM-DD。").optional();

/** `?from&to` of the metrics API and pages: studio-time-zone days, both optional. */
export const metricsQuerySchema = z.object({ from: day, to: day });

/** `?month=YYYY-MM` of the owners' dashboard; the current month when absent. */
export const monthQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM。")
    .optional(),
});

/** `?year=YYYY` of the campaigns' dashboard; the current year when absent. */
export const yearQuerySchema = z.object({
  year: z.coerce
    .number({ error: "年份应为数字。" })
    .int("年份应为整数。")
    .min(2000, "年份应在 2000 到 2100 之间。")
    .max(2100, "年份应在 2000 到 2100 之间。")
    .optional(),
});
