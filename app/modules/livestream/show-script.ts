import { z } from "zod";
import { instantField } from "~/lib/dates";
import {
  DEFAULT_TIMING,
  MAX_PART_SECONDS,
  MAX_PRODUCTS_PER_SHOW,
  MAX_SHOW_MINUTES,
  MIN_SHOW_MINUTES,
  type TimingDefaults,
} from "./livestream-rules";

export interface TimedText {
  text: string;
  seconds: number;
}

export interface ShowProduct {
  name: string;
  painPoint: TimedText;
  sellingPoint: TimedText;
  perk: TimedText;
}

/** A product with each text beside its seconds: how its table row and its DTO both hold it. */
export function flatProduct(p: ShowProduct) {
  return {
    name: p.name,
    painPoint: p.painPoint.text,
    painSeconds: p.painPoint.seconds,
    sellingPoint: p.sellingPoint.text,
    sellingSeconds: p.sellingPoint.seconds,
    perk: p.perk.text,
    perkSeconds: p.perk.seconds,
  };
}

export interface ShowScript {
  title: string;
  /** ISO instant of the scheduled start (UTC), or null while undecided. */
  scheduledAt: string | null;
  host: string;
  producer: string;
  plannedMinutes: number;
  hostCharsPerMinute: number;
  products: ShowProduct[];
  opening: TimedText;
  interaction: TimedText;
  cta: TimedText & { url: string };
  closing: TimedText;
}

/** Form posts send "" for untouched number inputs; that means "use the default", not zero. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : value;

const secondsField = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "时长必须是数字（秒）" })
    .int({ error: "时长必须是整数秒" })
    .positive({ error: "时长必须大于 0 秒" })
    .max(MAX_PART_SECONDS, { error: `时长不能超过 ${MAX_PART_SECONDS} 秒` })
    .optional(),
);

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: `${label}不能超过 ${max} 个字` })
      .optional(),
  );

export const showProductInputSchema = z.object({
  name: requiredText("商品名称", 60),
  painPoint: requiredText("痛点文案", 2000),
  sellingPoint: requiredText("卖点文案", 4000),
  perk: requiredText("福利文案", 2000),
  painSeconds: secondsField,
  sellingSeconds: secondsField,
  perkSeconds: secondsField,
});

const scriptFields = z.object({
  title: requiredText("直播标题", 80),
  plannedMinutes: z.coerce
    .number({ error: "计划时长必须是数字（分钟）" })
    .int({ error: "计划时长必须是整数分钟" })
    .min(MIN_SHOW_MINUTES, { error: `每场直播至少 ${MIN_SHOW_MINUTES} 分钟` })
    .max(MAX_SHOW_MINUTES, { error: `计划时长不能超过 ${MAX_SHOW_MINUTES} 分钟` }),
  products: z
    .array(showProductInputSchema, { error: "请添加商品" })
    .min(1, { error: "至少添加 1 个商品" })
    // A plain .max() reports at `products`; the form needs the offending row highlighted.
    .superRefine((products, ctx) => {
      if (products.length > MAX_PRODUCTS_PER_SHOW) {
        ctx.addIssue({
          code: "custom",
          path: [MAX_PRODUCTS_PER_SHOW],
          message: `每场直播最多 ${MAX_PRODUCTS_PER_SHOW} 个商品`,
        });
      }
    }),
  opening: optionalText("开场文案", 4000),
  interaction: optionalText("互动文案", 4000),
  cta: optionalText("引导留资文案", 2000),
  closing: optionalText("收尾文案", 4000),
  ctaUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "小程序链接必须是 http(s) 网址" })
      .max(500, { error: "小程序链接过长" })
      .optional(),
  ),
});

/**
 * One schema for the script form and the API body, made for the studio's time zone: the start
 * time is read as that zone's wall clock unless it carries an offset, and comes out as ISO UTC.
 */
export const showScriptInputSchema = (timeZone: string) =>
  scriptFields.extend({
    scheduledAt: instantField(timeZone, "开播时间格式不正确").transform((at) => at?.toISOString()),
  });

export type ShowScriptInput = z.infer<ReturnType<typeof showScriptInputSchema>>;

export interface ToShowScriptOptions {
  host?: string;
  producer?: string;
  timing?: Partial<TimingDefaults>;
}

/**
 * Fills the defaults (30/60/30 and the fixed blocks) into a parsed body. Empty fixed blocks
 * stay empty so a draft can be saved; validateRunOfShow keeps it off the air.
 */
export function toShowScript(input: ShowScriptInput, options: ToShowScriptOptions = {}): ShowScript {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  return {
    title: input.title,
    scheduledAt: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
    host: options.host ?? "",
    producer: options.producer ?? "",
    plannedMinutes: input.plannedMinutes,
    hostCharsPerMinute: timing.hostCharsPerMinute,
    products: input.products.map((p) => ({
      name: p.name,
      painPoint: { text: p.painPoint, seconds: p.painSeconds ?? timing.painSeconds },
      sellingPoint: { text: p.sellingPoint, seconds: p.sellingSeconds ?? timing.sellingSeconds },
      perk: { text: p.perk, seconds: p.perkSeconds ?? timing.perkSeconds },
    })),
    opening: { text: input.opening ?? "", seconds: timing.openingSeconds },
    interaction: { text: input.interaction ?? "", seconds: timing.interactionSeconds },
    cta: { text: input.cta ?? "", seconds: timing.ctaSeconds, url: input.ctaUrl ?? "" },
    closing: { text: input.closing ?? "", seconds: timing.closingSeconds },
  };
}
