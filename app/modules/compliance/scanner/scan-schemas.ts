/**
 * The scan API's request and answer. The request takes any string: a text over SCAN_TEXT_MAX is
 * refused by the use case with 413 `text_too_long` (not a 400 of the body parser), so the limit
 * is stated here for the API document only. Pure and browser-safe.
 */
import { z } from "zod";
import { SCAN_TEXT_MAX, TERM_CATEGORIES, TERM_SEVERITIES } from "../compliance-types";

export const scanRequestSchema = z.object({
  text: z
    .string()
    .describe(
      `The text to check, at most ${SCAN_TEXT_MAX} UTF-16 units (413 text_too_long above); may be empty`,
    ),
});

export const findingSchema = z.object({
  termId: z.number(),
  term: z.string().describe("The library's term, or the pattern's source for a pattern entry"),
  match: z
    .string()
    .describe("The original text that matched (may hold spaces, full-width or traditional characters)"),
  category: z.enum(TERM_CATEGORIES),
  severity: z
    .enum(TERM_SEVERITIES)
    .describe("block: prevents approval; review: needs a written justification"),
  start: z.number().describe("Offset into the sent text, in UTF-16 units"),
  end: z.number().describe("End offset (exclusive), in UTF-16 units"),
  reason: z.string(),
  basis: z.string().describe("The law, regulation or platform rule"),
  suggestion: z.string(),
});

export const scanResponseSchema = z.object({
  findings: z.array(findingSchema).describe("By start, the longest first at one start"),
  termsVersion: z.number().describe("The term library version scanned against (0 before the first)"),
});
