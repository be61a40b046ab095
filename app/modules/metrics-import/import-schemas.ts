import { z } from "zod";
import { METRIC_FIELDS } from "./metric-fields";
import type { ManualChoice } from "./match-rows.server";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期（YYYY-MM-DD）")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "不是有效的日期",
  );
const platform = z.string().trim().min(1, "请选择平台账号").max(64);

/** `match=5:123` picks piece 123 for row 5; `match=7:skip` leaves row 7 out. Repeatable. */
const matchItem = z.string().regex(/^\d{1,6}:(\d{1,12}|skip)$/, "写成“行号:内容ID”或“行号:skip”");

/** The import API's query: where the figures come from and as of when; a dry run stores nothing. */
export const importQuerySchema = z.object({
  platform,
  asOf: day,
  dryRun: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  fileName: z.string().trim().max(200).optional(),
  match: z.union([matchItem, z.array(matchItem)]).optional(),
});

/** The upload form of the page (its file travels beside these fields). */
export const uploadFormSchema = z.object({ platform, asOf: day });

/** The preview's apply form: one `match.<row>` field per row a person decided on. */
export const applyFormSchema = z.object({ importId: z.coerce.number().int().positive() }).passthrough();

export const importIdSchema = z.object({ importId: z.coerce.number().int().positive() });

export const aliasSchema = z.object({
  alias: z.string().trim().min(1, "请填写列名").max(60, "列名最多 60 个字符"),
  field: z.enum(METRIC_FIELDS, { message: "请选择指标" }),
});
export const aliasUpdateSchema = aliasSchema.extend({ aliasId: z.coerce.number().int().positive() });
export const aliasIdSchema = z.object({ aliasId: z.coerce.number().int().positive() });

/** `["5:123", "7:skip"]` as row → choice; later entries for a row win. */
export function manualChoices(items: readonly string[] | string | undefined): Map<number, ManualChoice> {
  const out = new Map<number, ManualChoice>();
  for (const item of [items ?? []].flat()) {
    const [row, choice] = item.split(":");
    out.set(Number(row), choice === "skip" ? "skip" : Number(choice));
  }
  return out;
}

/** A form's `match.<row>` fields (a piece id, "skip", or empty for "automatic") as choices. */
export function manualChoicesFromForm(fields: Record<string, unknown>): Map<number, ManualChoice> {
  const out = new Map<number, ManualChoice>();
  for (const [key, value] of Object.entries(fields)) {
    const row = /^match\.(\d{1,6})$/.exec(key)?.[1];
    if (!row || typeof value !== "string" || !value) continue;
    if (value === "skip") out.set(Number(row), "skip");
    else if (/^\d{1,12}$/.test(value)) out.set(Number(row), Number(value));
  }
  return out;
}
