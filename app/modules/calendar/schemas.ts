import { z } from "zod";
import { optionalId, requiredText } from "~/lib/schema-fields";
import { DateInputError, parseInstant } from "~/lib/dates";
import { PIECE_KINDS } from "../pieces/status-machine";
import { CADENCE_PERIODS, PUBLISHERS, SLOT_STATUSES } from "./calendar-types";
import { CAPTION_MAX, isHttpUrl, isWallTime } from "./slot-rules";

/*
 * One schema per form or API body, shared by the calendar page, the channel settings page and
 * /api/v1. Wall-clock fields are read in the studio's zone (schemas are built for it); a value
 * with an offset is taken as that instant.
 */

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A required instant: ISO with an offset, or the studio's wall clock. */
const requiredInstant = (timeZone: string, message: string) =>
  z
    .string({ error: message })
    .describe("ISO 8601 with an offset, or the studio's wall clock (YYYY-MM-DDTHH:mm)")
    .transform((value, ctx) => {
      try {
        return parseInstant(value, timeZone);
      } catch (error) {
        if (!(error instanceof DateInputError)) throw error;
        ctx.addIssue({ code: "custom", message, input: value });
        return z.NEVER;
      }
    });

const optionalInstant = (timeZone: string, message: string) =>
  z.preprocess(blankToUndefined, requiredInstant(timeZone, message).optional());

const caption = z
  .string({ error: "文案必须是文字" })
  // Line ends typed in a browser arrive as \r\n; the channel limits count what is published.
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(CAPTION_MAX, `文案不能超过 ${CAPTION_MAX} 个字`));

const version = z.coerce.number({ error: "缺少版本号" }).int("缺少版本号").positive("缺少版本号");

/** POST /api/v1/slots and the calendar's "schedule" drop: one piece on one channel at one time. */
export const createSlotSchema = (timeZone: string) =>
  z.object({
    pieceId: z.coerce
      .number({ error: "请选择要排期的内容" })
      .int("请选择要排期的内容")
      .positive("请选择要排期的内容"),
    channel: z
      .string({ error: "请选择渠道" })
      .trim()
      .min(1, "请选择渠道")
      .describe("The channel's key, e.g. douyin-main"),
    publishAt: requiredInstant(timeZone, "请填写有效的发布时间"),
    caption: caption.default(""),
  });
export type CreateSlotInput = z.infer<ReturnType<typeof createSlotSchema>>;

/**
 * PATCH /api/v1/slots/{id} and the calendar's drag, drop and caption edit: a new time, a new
 * caption, or both; `version` is the slot's version the change was made from.
 */
export const updateSlotSchema = (timeZone: string) =>
  z
    .object({
      version,
      publishAt: optionalInstant(timeZone, "请填写有效的发布时间"),
      caption: z.preprocess((v) => (v === null ? undefined : v), caption.optional()),
    })
    .refine((v) => v.publishAt !== undefined || v.caption !== undefined, {
      message: "请修改发布时间或文案",
      path: ["publishAt"],
    });
export type UpdateSlotInput = z.infer<ReturnType<typeof updateSlotSchema>>;

/** DELETE /api/v1/slots/{id}: an optional version guards against deleting a slot just changed. */
export const deleteSlotSchema = z.object({ version: z.preprocess(blankToUndefined, version.optional()) });

/** Channel keys as `channel=a,b` or a repeated `channel`. */
const channelKeys = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    const list = (Array.isArray(v) ? v : [v]).flatMap((item) => String(item).split(","));
    const keys = list.map((key) => key.trim()).filter(Boolean);
    return keys.length ? keys : undefined;
  },
  z.array(z.string().max(64, "渠道标识太长")).max(20, "最多选 20 个渠道").optional(),
);

const filterFields = {
  channel: channelKeys.describe("Channel keys, comma-separated"),
  columnId: optionalId("栏目编号无效"),
  campaignId: optionalId("活动编号无效"),
  ownerId: optionalId("负责人编号无效"),
};

/** A visible range of at most 3 months (a month grid spans 6 weeks; more is a report, not a page). */
export const MAX_RANGE_DAYS = 93;

function checkRange(v: { from: Date; to: Date }, ctx: z.RefinementCtx) {
  if (v.to.getTime() <= v.from.getTime())
    ctx.addIssue({ code: "custom", message: "结束时间必须晚于开始时间", path: ["to"] });
  else if (v.to.getTime() - v.from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    ctx.addIssue({ code: "custom", message: `时间范围不能超过 ${MAX_RANGE_DAYS} 天`, path: ["to"] });
}

/** The calendar page's query and GET /api/v1/slots: a range and filters. */
export const calendarQuerySchema = (timeZone: string) =>
  z
    .object({
      from: requiredInstant(timeZone, "请填写有效的开始时间（from）"),
      to: requiredInstant(timeZone, "请填写有效的结束时间（to）"),
      ...filterFields,
      status: z.preprocess(blankToUndefined, z.enum(SLOT_STATUSES, { error: "未知的发布状态" }).optional()),
    })
    .superRefine(checkRange);
export type CalendarQuery = z.infer<ReturnType<typeof calendarQuerySchema>>;

/** GET /api/v1/calendar/gaps. */
export const gapsQuerySchema = (timeZone: string) =>
  z
    .object({
      from: requiredInstant(timeZone, "请填写有效的开始时间（from）"),
      to: requiredInstant(timeZone, "请填写有效的结束时间（to）"),
      channel: filterFields.channel,
    })
    .superRefine(checkRange);

const nullableLimit = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce
      .number({ error: `${label}必须是数字` })
      .int(`${label}必须是整数`)
      .min(1, `${label}至少为 1（不限制请留空）`)
      .max(max, `${label}不能超过 ${max}`)
      .nullable(),
  );

/** A list from a form (one value, repeated values) or JSON (an array). */
const stringList = (v: unknown) =>
  v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v];

const wallTime = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z
      .string({ error: `${label}必须是 HH:mm` })
      .trim()
      .refine(isWallTime, `${label}必须是 HH:mm（如 18:00）`)
      .nullable(),
  );

export const cadenceRuleSchema = z
  .object({
    count: z.coerce
      .number({ error: "发布数量必须是数字" })
      .int("发布数量必须是整数")
      .min(1, "发布数量至少为 1")
      .max(1000, "发布数量不能超过 1000"),
    period: z.enum(CADENCE_PERIODS, { error: "周期必须是每天、每周或每月" }),
    kinds: z.preprocess(stringList, z.array(z.enum(PIECE_KINDS, { error: "未知的内容类型" }))).default([]),
    label: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.string().trim().max(20, "说明不能超过 20 个字").nullable(),
    ),
    windowStart: wallTime("时段开始"),
    windowEnd: wallTime("时段结束"),
  })
  .superRefine((rule, ctx) => {
    if ((rule.windowStart === null) !== (rule.windowEnd === null))
      ctx.addIssue({
        code: "custom",
        message: "时段的开始和结束要一起填写，或都留空",
        path: [rule.windowStart === null ? "windowStart" : "windowEnd"],
      });
    else if (rule.windowStart && rule.windowEnd && rule.windowEnd <= rule.windowStart)
      ctx.addIssue({ code: "custom", message: "时段结束必须晚于开始", path: ["windowEnd"] });
  });
export type CadenceRuleInput = z.infer<typeof cadenceRuleSchema>;

/**
 * PUT /api/v1/channels/{key} and the channel settings form. `rules` replaces the channel's
 * cadence rules; a form may send it as JSON text in one field.
 */
export const updateChannelSchema = z
  .object({
    name: requiredText(30, {
      empty: "渠道名称不能为空",
      tooLong: "渠道名称不能超过 30 个字",
      notText: "渠道名称必须是文字",
    }),
    color: z
      .string({ error: "颜色必须是 #RRGGBB" })
      .trim()
      .regex(/^#[0-9A-Fa-f]{6}$/, "颜色必须是 #RRGGBB 格式"),
    kinds: z.preprocess(
      stringList,
      z.array(z.enum(PIECE_KINDS, { error: "未知的内容类型" })).min(1, "请至少选择一种内容类型"),
    ),
    titleMax: nullableLimit("标题字数上限", 200),
    captionMax: nullableLimit("文案字数上限", CAPTION_MAX),
    hashtagMax: nullableLimit("话题标签上限", 100),
    publisher: z.enum(PUBLISHERS, { error: "发布方式必须是人工交接或 webhook" }),
    webhookUrl: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z
        .string({ error: "webhook 地址必须是文字" })
        .trim()
        .max(500, "webhook 地址不能超过 500 个字符")
        .refine(isHttpUrl, "webhook 地址必须是 http:// 或 https:// 开头的完整网址")
        .nullable(),
    ),
    operatorId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.number({ error: "请选择交接人" }).int("请选择交接人").positive("请选择交接人").nullable(),
    ),
    graceMinutes: z.coerce
      .number({ error: "宽限时间必须是数字" })
      .int("宽限时间必须是整数分钟")
      .min(0, "宽限时间不能为负数")
      .max(1440, "宽限时间不能超过 1440 分钟（一天）"),
    cadenceNote: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.string().trim().max(200, "备注不能超过 200 个字").nullable(),
    ),
    rules: z
      .preprocess(
        (v) => {
          if (typeof v !== "string") return v ?? [];
          if (!v.trim()) return [];
          try {
            return JSON.parse(v) as unknown;
          } catch {
            return v;
          }
        },
        z.array(cadenceRuleSchema, { error: "发布节奏规则格式不正确" }).max(20, "每个渠道最多 20 条规则"),
      )
      .default([]),
    /** Generate a new webhook secret even though one exists (the old one stops working). */
    rotateSecret: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.publisher === "webhook" && !v.webhookUrl)
      ctx.addIssue({
        code: "custom",
        message: "选择 webhook 发布时请填写 webhook 地址",
        path: ["webhookUrl"],
      });
  });
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;
