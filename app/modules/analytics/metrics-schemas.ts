import { z } from "zod";
import { isCalendarDate } from "~/lib/dates";

const day = z.string().refine(isCalendarDate, "日期格式应为 YYYY-MM-DD。").optional();

/** `?from&to` of the metrics API and pages: studio-time-zone days, both optional. */
export const metricsQuerySchema = z.object({ from: day, to: day });
