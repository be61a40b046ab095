/** Bodies of the originality API and the settings page's forms. */
import { z } from "zod";
import { requiredText } from "~/lib/schema-fields";
import { PIECE_KINDS } from "../../pieces/status-machine";

/** The longest declared boilerplate line, in characters. */
export const BOILERPLATE_MAX = 500;
/** The fewest normalised characters (letters, digits, CJK) a boilerplate line must hold. */
export const BOILERPLATE_MIN_CHARS = 6;

const kindField = z.enum(PIECE_KINDS, { error: "未知的内容类型" });

/** An id from a form (a string) or a JSON body (a number); empty means none. */
const optionalId = (message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).nullable(),
  );

/** POST /api/v1/compliance/originality; the length limit (413) is checked after parsing. */
export const originalityRequestSchema = z.object({
  text: z
    .string({ error: "请提供要检查的文本" })
    .refine((text) => text.trim().length > 0, { error: "请提供要检查的文本" }),
  kind: kindField,
  columnId: optionalId("栏目编号无效").optional(),
  pieceId: optionalId("内容编号无效").optional(),
});
export type OriginalityRequest = z.infer<typeof originalityRequestSchema>;

/** The settings page's threshold form: a percentage, stored as a share. */
export const setThresholdSchema = z.object({
  kind: kindField,
  threshold: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "请填写 0 到 100 之间的百分比" })
      .min(0, { error: "请填写 0 到 100 之间的百分比" })
      .max(100, { error: "请填写 0 到 100 之间的百分比" })
      .transform((percent) => Math.round(percent * 10) / 1000),
  ),
});

export const addBoilerplateSchema = z.object({
  text: requiredText(BOILERPLATE_MAX, {
    empty: "请填写固定文字",
    tooLong: `固定文字不能超过 ${BOILERPLATE_MAX} 个字`,
  }),
  columnId: optionalId("请选择栏目"),
});
export type AddBoilerplateInput = z.infer<typeof addBoilerplateSchema>;

export const removeBoilerplateSchema = z.object({
  id: z.coerce
    .number({ error: "固定文字编号无效" })
    .int({ error: "固定文字编号无效" })
    .positive({ error: "固定文字编号无效" }),
});

const passageSchema = z.object({
  start: z.number().describe("Offset into the sent text, in UTF-16 units"),
  end: z.number().describe("End offset (exclusive) into the sent text"),
  otherStart: z.number().describe("Offset into the earlier piece's text"),
  otherEnd: z.number().describe("End offset (exclusive) into the earlier piece's text"),
});

/** The API's answer (OriginalityResult), for the API document. */
export const originalityResultSchema = z.object({
  score: z
    .number()
    .nullable()
    .describe(
      "1 − share of the text (normalised characters, boilerplate left out) found in earlier pieces; null under 60 characters",
    ),
  threshold: z.number().describe("The kind's minimum originality, 0–1"),
  nearDuplicateOf: z
    .number()
    .nullable()
    .describe("Under 60 characters: the oldest earlier piece the text nearly repeats (similarity ≥ 0.9)"),
  similar: z
    .array(
      z.object({
        pieceId: z.number(),
        title: z.string(),
        kind: z.string(),
        overlap: z.number().describe("Share of the sent text covered by passages found in this piece, 0–1"),
        passages: z.array(passageSchema),
        text: z.string().describe("The earlier piece's copy, which otherStart/otherEnd point into"),
      }),
    )
    .describe("The five earlier pieces covering most of the text, most first"),
  passes: z.boolean().describe("score ≥ threshold; under 60 characters: not a near-duplicate"),
});
