import { z } from "zod";
import { fail, type Failure } from "~/lib/result";
import { checkPatternSafety, PATTERN_MAX_LENGTH, type PatternRefusal } from "../scanner/pattern-guard";
import { normalizeForMatch } from "../scanner/normalize";
import { termEntrySchema } from "./term-schemas";
import type { TermEntry } from "./term-types";

/**
 * What a term must be beyond its shape, checked by every use case that writes one (create,
 * update, import, restore, seed): the scanner's guard accepts the pattern (it compiles, cannot
 * backtrack catastrophically, never matches empty text); the term still reads as something once
 * normalised the way the scanner matches.
 */

/** A problem with one entry: which field, what to say (Chinese, the log's text) and how to translate it. */
export type EntryProblem = Failure & { field: string };

/** The scanner's guard's refusal in the library's words (the guard's own English detail kept). */
const PATTERN_REFUSED: Record<PatternRefusal, (detail: string) => string> = {
  syntax: (detail) => `正则无法编译：${detail}`,
  too_long: () => `正则不能超过 ${PATTERN_MAX_LENGTH} 个字符。`,
  unsupported: (detail) =>
    `正则用了扫描不支持的写法（反向引用、前后断言、过大的重复次数，或能匹配空文本）：${detail}`,
  backtracking: (detail) => `正则可能回溯失控（如 (a+)+ 这样的嵌套重复），不能使用：${detail}`,
};

/** Whether the scanner may run this pattern: its guard decides (compiles, linear, never empty). */
export function patternProblem(source: string): EntryProblem | null {
  const safety = checkPatternSafety(source);
  if (safety.ok) return null;
  return fail(400, "term_pattern_refused", PATTERN_REFUSED[safety.reason](safety.message), {
    field: "pattern",
    params: {
      context: safety.reason.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()),
      detail: safety.message,
      max: PATTERN_MAX_LENGTH,
    },
  }) as EntryProblem;
}

/** The term as the scanner reads it: two spellings that read the same are the same term. */
export function termMatchForm(term: string): string {
  return normalizeForMatch(term).text;
}

/** What makes two entries the same one: the term as matched, or the pattern's source. */
export function entryKey(entry: Pick<TermEntry, "term" | "pattern">): string {
  return entry.term !== null ? `term:${termMatchForm(entry.term)}` : `pattern:${entry.pattern ?? ""}`;
}

/**
 * One entry from anywhere (a form, JSON, a CSV row, an old version): its shape through
 * `termEntrySchema`, then the rules above. The first problem, with its field.
 */
export function checkTermEntry(raw: unknown): { ok: true; entry: TermEntry } | EntryProblem {
  const parsed = termEntrySchema.safeParse(raw);
  if (!parsed.success) return shapeProblem(parsed.error);
  const entry: TermEntry = parsed.data;
  if (entry.term !== null && termMatchForm(entry.term) === "")
    return fail(400, "term_blank", "词条只有空格或标点，扫描时无法匹配。", "term") as EntryProblem;
  if (entry.pattern !== null) {
    const problem = patternProblem(entry.pattern);
    if (problem) return problem;
  }
  return { ok: true, entry };
}

/** A zod failure as an entry problem: the first field and its message. */
export function shapeProblem(error: z.ZodError): EntryProblem {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || "_form";
  const message = issue?.message ?? "词条无效";
  return fail(400, "invalid_body", `${field}: ${message}`, {
    field,
    params: { field, detail: message },
  }) as EntryProblem;
}

/** A problem's own words without the field prefix `invalid_body` adds (for a CSV row's message). */
export function problemDetail(problem: EntryProblem): string {
  const detail = problem.params?.detail;
  return problem.code === "invalid_body" && typeof detail === "string" ? detail : problem.message;
}
