/**
 * Article Markdown: the e-book chapter dialect plus one structured block, the owner testimonial.
 * Pure and browser-safe, so the editor's live count and problems, the review gate and the API all
 * read an article the same way.
 *
 * A testimonial is a fenced block whose info string is `车主证言` (or `testimonial`):
 *
 *     ```车主证言
 *     车主：王先生
 *     车型：2023 款途观L 330TSI
 *     证言：三年跑了八万公里……
 *     ```
 *
 * The labels may also be written `name:`, `model:`, `quote:`; the quote may run over several
 * lines. Any other Markdown renderer shows the block as plain text, so nothing is lost on export.
 */
import { parseChapterMarkdown } from "../ebooks/markdown-blocks";
import type { Block, InlineSpan } from "../ebooks/types";

export interface Testimonial {
  name: string;
  model: string;
  quote: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

export type ArticleSegment =
  { type: "markdown"; text: string; line: number } | { type: "testimonial"; testimonial: Testimonial };

const OPEN_RE = /^\s{0,3}```\s*(车主证言|testimonial)\s*$/i;
const CLOSE_RE = /^\s{0,3}```\s*$/;
const FIELD_RE = /^\s*(车主|车型|证言|name|model|quote)\s*[：:]\s*(.*)$/i;

const FIELD_KEYS: Record<string, keyof Omit<Testimonial, "line">> = {
  车主: "name",
  name: "name",
  车型: "model",
  model: "model",
  证言: "quote",
  quote: "quote",
};

function readTestimonial(lines: string[], line: number): Testimonial {
  const fields = { name: "", model: "", quote: "" };
  let current: keyof typeof fields | null = null;
  for (const raw of lines) {
    const match = FIELD_RE.exec(raw);
    if (match) {
      current = FIELD_KEYS[match[1].toLowerCase()] ?? FIELD_KEYS[match[1]];
      fields[current] = match[2].trim();
    } else if (current === "quote" && raw.trim()) {
      fields.quote = fields.quote ? `${fields.quote}\n${raw.trim()}` : raw.trim();
    }
  }
  return { ...fields, line };
}

/** Splits an article into Markdown runs and testimonial blocks, in order. */
export function splitArticle(markdown: string): ArticleSegment[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const segments: ArticleSegment[] = [];
  let run: string[] = [];
  let runStart = 1;
  const flush = (nextStart: number) => {
    if (run.some((l) => l.trim())) segments.push({ type: "markdown", text: run.join("\n"), line: runStart });
    run = [];
    runStart = nextStart;
  };
  let i = 0;
  while (i < lines.length) {
    if (OPEN_RE.test(lines[i])) {
      let end = i + 1;
      while (end < lines.length && !CLOSE_RE.test(lines[end])) end++;
      flush(end + 2);
      // An unclosed block runs to the end of the article, as a Markdown fence would.
      segments.push({ type: "testimonial", testimonial: readTestimonial(lines.slice(i + 1, end), i + 1) });
      i = end + 1;
      continue;
    }
    run.push(lines[i]);
    i++;
  }
  flush(lines.length + 1);
  return segments;
}

export function listTestimonials(markdown: string): Testimonial[] {
  return splitArticle(markdown).flatMap((s) => (s.type === "testimonial" ? [s.testimonial] : []));
}

function spansText(spans: InlineSpan[]): string {
  return spans.map((s) => s.text).join("");
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "heading":
        case "paragraph":
          return spansText(block.inlines);
        case "list":
          return block.items.map(blocksText).join("");
        case "quote":
        case "tip":
          return blocksText(block.blocks);
        case "table":
          return [block.header, ...block.rows].map((row) => row.map(spansText).join("")).join("");
        case "code":
          return block.text;
        // An image's file name and a rule are not text a reader reads.
        case "image":
        case "rule":
          return "";
      }
    })
    .join("");
}

/** The text a reader reads: Markdown markup, fences and testimonial labels left out. */
export function readerText(markdown: string): string {
  return splitArticle(markdown)
    .map((segment) =>
      segment.type === "markdown"
        ? blocksText(parseChapterMarkdown(segment.text).blocks)
        : `${segment.testimonial.name}${segment.testimonial.model}${segment.testimonial.quote}`,
    )
    .join("");
}

/**
 * The article's length as 易车's editor counts it: every character a reader sees counts as one (a
 * Chinese character, a punctuation mark, a Latin letter, a digit, an emoji), whitespace and line
 * breaks count as none, and Markdown markup is not text. Counted by code point, so an emoji or a
 * rare character outside the BMP is one, not two.
 */
export function countArticleChars(markdown: string): number {
  let n = 0;
  for (const char of readerText(markdown)) if (!/\s/u.test(char)) n++;
  return n;
}
