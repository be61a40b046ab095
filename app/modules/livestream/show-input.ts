import { z } from "zod";
import { DEFAULT_TIMING, MAX_PRODUCTS_PER_SHOW } from "./livestream-rules";
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

const showFields = {
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
};

/**
 * The script plus the show's people and pace: one schema for the builder form, POST and PUT, made
 * for the studio's time zone. The products, their three parts, the fixed blocks and the start time
 * come from `showScriptInputSchema`.
 */
export const showInputSchema = (timeZone: string) => showScriptInputSchema(timeZone).extend(showFields);

export type ShowInput = z.infer<ReturnType<typeof showInputSchema>>;

/** Online count entered by the producer (API `POST /online`). */
export const onlineCountSchema = z.object({
  count: z.coerce
    .number({ error: "在线人数必须是数字" })
    .int({ error: "在线人数必须是整数" })
    .min(0, { error: "在线人数不能为负数" })
    .max(10_000_000, { error: "在线人数不合理" }),
});

/** The arrays a flat form may post, by path, with their real size limit and the refusal at the limit. */
export type FormArrayLimits = Record<string, { max: number; message: string }>;

/** The builder posts one array: its products, at most five (the schema refuses a 6th at `products.5`). */
export const SHOW_FORM_ARRAYS: FormArrayLimits = {
  products: { max: MAX_PRODUCTS_PER_SHOW, message: `每场直播最多 ${MAX_PRODUCTS_PER_SHOW} 个商品` },
};

const INDEX = /^(0|[1-9]\d*)$/;
const UNSAFE_KEYS = new Set(["", "__proto__", "constructor", "prototype"]);

/**
 * Turns flat form fields (`products.0.name`) into the nested object the schema expects, so the
 * builder is a plain HTML form and shares the API's schema. Array indexes stay in order.
 *
 * Only the paths in `arrays` become arrays, and an index at or past their limit is refused at
 * `<path>.<limit>` (where the form shows it): `products.100000000.name` would otherwise build an
 * array of a hundred million holes. A number anywhere else is an ordinary key the schema ignores.
 */
export function unflattenFields(
  fields: Record<string, unknown>,
  arrays: FormArrayLimits,
): { ok: true; value: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  fields: for (const [key, value] of Object.entries(fields)) {
    const parts = key.split(".");
    if (parts.some((p) => UNSAFE_KEYS.has(p))) continue;
    let node: Record<string, unknown> = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join(".");
      const limit = Object.hasOwn(arrays, path) ? arrays[path] : undefined;
      if (limit) {
        const index = parts[i + 1];
        if (!INDEX.test(index)) continue fields; // `products.foo`: nothing the schema reads
        if (Number(index) >= limit.max) {
          errors[`${path}.${limit.max}`] ??= limit.message;
          continue fields;
        }
      }
      // Own properties only (`toString.x` must not reach Object.prototype); a value of the wrong
      // shape at this path (a scalar, or a repeated field's list where no array is declared) gives
      // way to the nested fields.
      const existing = Object.hasOwn(node, parts[i]) ? node[parts[i]] : undefined;
      const fits = limit
        ? Array.isArray(existing)
        : existing !== null && typeof existing === "object" && !Array.isArray(existing);
      const child = fits ? existing : limit ? [] : {};
      node[parts[i]] = child;
      node = child as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Sparse arrays (a removed middle row) would parse as holes: compact them.
  const compact = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
    return v;
  };
  return { ok: true, value: compact(out) as Record<string, unknown> };
}
