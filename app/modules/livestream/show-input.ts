import { z } from "zod";
import { DEFAULT_TIMING } from "./livestream-rules";
import { showScriptInputSchema } from "./show-script";

const blankToUndefined = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : value;

const optionalUserId = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${label}无效` })
      .int({ error: `${label}无效` })
      .positive({ error: `${label}无效` })
      .optional(),
  );

/** Slowest and fastest Mandarin reading paces a host can realistically hold on air. */
export const MIN_CHARS_PER_MINUTE = 120;
export const MAX_CHARS_PER_MINUTE = 400;

/**
 * The script plus the show's people and pace: one schema for the builder form, POST and PUT.
 * The products, their three parts and the fixed blocks come from `showScriptInputSchema`.
 */
export const showInputSchema = showScriptInputSchema.extend({
  hostId: optionalUserId("主播"),
  producerId: optionalUserId("场控"),
  hostCharsPerMinute: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "语速必须是数字（字/分钟）" })
      .int({ error: "语速必须是整数" })
      .min(MIN_CHARS_PER_MINUTE, { error: `语速不能低于每分钟 ${MIN_CHARS_PER_MINUTE} 字` })
      .max(MAX_CHARS_PER_MINUTE, { error: `语速不能高于每分钟 ${MAX_CHARS_PER_MINUTE} 字` })
      .default(DEFAULT_TIMING.hostCharsPerMinute),
  ),
  /** The piece version the edit started from; an older one is refused as stale (409). */
  version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

export type ShowInput = z.infer<typeof showInputSchema>;

/** Online count entered by the producer (API `POST /online`). */
export const onlineCountSchema = z.object({
  count: z.coerce
    .number({ error: "在线人数必须是数字" })
    .int({ error: "在线人数必须是整数" })
    .min(0, { error: "在线人数不能为负数" })
    .max(10_000_000, { error: "在线人数不合理" }),
});

/**
 * Turns flat form fields (`products.0.name`) into the nested object the schema expects, so the
 * builder is a plain HTML form and shares the API's schema. Array indexes stay in order.
 */
export function unflattenFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const parts = key.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype"))
      continue;
    let node: Record<string, unknown> | unknown[] = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      const container = node as Record<string, unknown>;
      if (last) {
        container[part] = value;
        return;
      }
      container[part] ??= nextIsIndex ? [] : {};
      node = container[part] as Record<string, unknown> | unknown[];
    });
  }
  // Sparse arrays (a removed middle row) would parse as holes: compact them.
  const compact = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
    return v;
  };
  return compact(out) as Record<string, unknown>;
}
