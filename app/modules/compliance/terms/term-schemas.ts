import { z } from "zod";
import { TERM_CATEGORIES, TERM_SEVERITIES } from "../compliance-types";
import { PATTERN_MAX_LENGTH } from "../scanner/pattern-guard";
import {
  BASIS_MAX_CHARS,
  CONTEXT_MAX_CHARS,
  CONTEXT_SEPARATOR,
  CONTEXTS_MAX,
  IMPORT_MODES,
  REASON_MAX_CHARS,
  SUGGESTION_MAX_CHARS,
  TERM_MAX_CHARS,
} from "./term-types";

/*
 * One schema per body, shared by the terms page, /api/v1/terms and the CSV import (each CSV row
 * is parsed with `termEntrySchema`). Every message names its field, because a CSV row's message
 * is shown as “第 12 行：<message>”. What needs more than the shape (does the pattern compile,
 * could it backtrack, is the term already there) is checked by the use cases (`term-rules.ts`).
 */

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** A list from JSON (an array) or from one text field (separated by `|` or line breaks). */
function contextList(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return [];
  const items = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[|\r\n]+/) : v;
  if (!Array.isArray(items)) return items;
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== "string") return items; // the array schema names the bad item
    const context = item.trim();
    if (context) seen.add(context);
  }
  return [...seen];
}

/** Line breaks and control characters have no place in a term, a pattern or a context. */
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

const term = z.preprocess(
  blankToNull,
  z
    .string({ error: "词条必须是文字" })
    .trim()
    .min(1, "词条不能为空")
    .max(TERM_MAX_CHARS, `词条必须少于 ${TERM_MAX_CHARS + 1} 个字`)
    .regex(ONE_LINE, "词条不能包含换行或控制字符")
    .nullable(),
);

const pattern = z.preprocess(
  blankToNull,
  z
    .string({ error: "正则必须是文字" })
    .trim()
    .min(1, "正则不能为空")
    .max(PATTERN_MAX_LENGTH, `正则不能超过 ${PATTERN_MAX_LENGTH} 个字符`)
    .regex(ONE_LINE, "正则不能包含换行或控制字符")
    .nullable(),
);

/** An empty cell or an unchosen select asks for a value; anything else names the allowed ones. */
const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string, wrong: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.enum(values, { error: (issue) => (issue.input === undefined ? missing : wrong) }),
  );

const category = choice(TERM_CATEGORIES, "类别不能为空", `类别只能是 ${TERM_CATEGORIES.join("、")} 之一`);
const severity = choice(TERM_SEVERITIES, "严重程度不能为空", "严重程度只能是 block 或 review");

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const reason = requiredText("原因", REASON_MAX_CHARS);
const basis = requiredText("依据", BASIS_MAX_CHARS);
const suggestion = z.preprocess(
  (v) => (v === null || v === undefined ? "" : v),
  z
    .string({ error: "建议改写必须是文字" })
    .trim()
    .max(SUGGESTION_MAX_CHARS, `建议改写不能超过 ${SUGGESTION_MAX_CHARS} 个字`),
);

const allowedContexts = z
  .preprocess(
    contextList,
    z
      .array(
        z
          .string({ error: "允许语境必须是文字" })
          .max(CONTEXT_MAX_CHARS, `每个允许语境不能超过 ${CONTEXT_MAX_CHARS} 个字`)
          .regex(ONE_LINE, "允许语境不能包含控制字符"),
        { error: `允许语境必须是文字列表（用 ${CONTEXT_SEPARATOR} 分隔）` },
      )
      .max(CONTEXTS_MAX, `允许语境最多 ${CONTEXTS_MAX} 个`),
  )
  .describe(
    `Longer words in which the term does not count (JSON array, or one string separated by ${CONTEXT_SEPARATOR})`,
  );

const fields = {
  term: term.describe("The literal term; exactly one of term and pattern"),
  pattern: pattern.describe(
    "A regular expression over normalised, lower-cased text; exactly one of term and pattern",
  ),
  category,
  severity: severity.describe("block: prevents approval; review: needs a reviewer's written justification"),
  reason,
  basis: basis.describe("The law, regulation or platform rule"),
  suggestion,
  allowedContexts,
};

type EntryShape = {
  term: string | null;
  pattern: string | null;
  allowedContexts: string[];
};

/** The rules across fields: exactly one of term and pattern; each context holds the term. */
function checkAcross(entry: EntryShape, ctx: z.RefinementCtx) {
  if (entry.term !== null && entry.pattern !== null)
    ctx.addIssue({ code: "custom", message: "词条和正则只能填一个", path: ["pattern"] });
  else if (entry.term === null && entry.pattern === null)
    ctx.addIssue({ code: "custom", message: "请填写词条或正则（二选一）", path: ["term"] });
  const word = entry.term;
  if (word === null) return;
  const stray = entry.allowedContexts.find((context) => !context.includes(word) || context === word);
  if (stray !== undefined)
    ctx.addIssue({
      code: "custom",
      message: `允许语境“${stray}”必须比词条“${word}”长并包含它（如“最近”之于“最”）`,
      path: ["allowedContexts"],
    });
}

/** A whole term: POST /api/v1/terms, the page's add and edit forms, and every CSV row. */
export const termEntrySchema = z.object(fields).superRefine(checkAcross);
export type TermEntryInput = z.infer<typeof termEntrySchema>;

/**
 * PATCH /api/v1/terms/{id}: any of the fields. The result is checked as a whole term, so to turn
 * a term into a pattern send `{"term": null, "pattern": "…"}`.
 */
export const termPatchSchema = z
  .object({
    term: fields.term.optional(),
    pattern: fields.pattern.optional(),
    category: category.optional(),
    severity: severity.optional(),
    reason: reason.optional(),
    basis: basis.optional(),
    suggestion: suggestion.optional(),
    allowedContexts: allowedContexts.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "请至少修改一项",
    path: ["term"],
  });
export type TermPatch = z.infer<typeof termPatchSchema>;

/** The page's edit form: the whole term and which one it is. */
export const updateTermFormSchema = z
  .object({ termId: z.coerce.number({ error: "缺少词条编号" }).int().positive("缺少词条编号"), ...fields })
  .superRefine(checkAcross);

export const termIdSchema = z.object({
  termId: z.coerce.number({ error: "缺少词条编号" }).int("缺少词条编号").positive("缺少词条编号"),
});

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToNull, z.enum(values, { error: message }).nullable().optional());

/** GET /api/v1/terms and the page's filters. */
export const termListQuerySchema = z.object({
  category: optionalEnum(TERM_CATEGORIES, `类别只能是 ${TERM_CATEGORIES.join("、")} 之一`),
  severity: optionalEnum(TERM_SEVERITIES, "严重程度只能是 block 或 review"),
  q: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(100, "搜索词不能超过 100 个字")
      .nullable()
      .optional()
      .describe("Text found in the term, pattern, reason, basis, suggestion or allowed contexts"),
  ),
});
export type TermListQuery = z.infer<typeof termListQuerySchema>;

/** POST /api/v1/terms/import: `?mode=merge` (default) or `?mode=replace`. */
export const importQuerySchema = z.object({
  mode: z
    .preprocess(blankToNull, z.enum(IMPORT_MODES, { error: "导入方式只能是 merge 或 replace" }).nullable())
    .transform((mode) => mode ?? "merge")
    .describe(
      "merge: add and update by term or pattern, keep the rest (default); replace: the library becomes the file",
    ),
});

/** The CSV export: `?encoding=utf-8` (default, with a BOM) or `?encoding=gbk`. */
export const exportQuerySchema = z.object({
  encoding: z
    .preprocess(
      (v) =>
        v === "" || v === undefined || v === null
          ? "utf-8"
          : String(v).toLowerCase() === "utf8"
            ? "utf-8"
            : v,
      z.enum(["utf-8", "gbk"], { error: "编码只能是 utf-8 或 gbk" }),
    )
    .describe("utf-8 (with a BOM, default) or gbk (GB18030, for older Excel)"),
});

/** The page's restore button and POST /api/v1/terms/versions/{version}/restore. */
export const restoreVersionSchema = z.object({
  version: z.coerce.number({ error: "缺少版本号" }).int("缺少版本号").positive("缺少版本号"),
});

/** GET /api/v1/terms/versions: the newest first. */
export const versionListQuerySchema = z.object({
  limit: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "limit 必须是数字" })
      .int("limit 必须是整数")
      .min(1, "limit 至少为 1")
      .max(500, "limit 不能超过 500")
      .nullable()
      .transform((limit) => limit ?? 50),
  ),
});
