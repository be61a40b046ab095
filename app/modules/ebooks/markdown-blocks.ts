/**
 * Chapter Markdown -> typed block model. Pure and browser-safe: the chapter editor's preview,
 * the validator and the PDF renderer all read the same model, so they cannot disagree.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Block, ImageRef, InlineSpan, TableAlign } from "./types";

// Raw HTML is never honoured: it is shown as the literal text the author typed.
const md = new MarkdownIt("default", { html: false, linkify: false, typographer: false });

const SAFE_HREF_RE = /^(https?:\/\/|mailto:)/i;
const TIP_MARKER_RE = /^\s*\[!(TIP|NOTE|IMPORTANT|WARNING|CAUTION)\][ \t]*/i;

export interface ParsedChapter {
  blocks: Block[];
  images: ImageRef[];
}

/** An image must name a file uploaded to the book: no URL, no path, nothing to traverse with. */
export function isPlainImageName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !/[\\/:]/.test(name) && !name.startsWith(".");
}

function decodeName(src: string): string {
  try {
    return decodeURI(src).trim();
  } catch {
    return src.trim();
  }
}

type Marks = Omit<InlineSpan, "text" | "hardBreak">;

function pushSpan(spans: InlineSpan[], text: string, marks: Marks) {
  if (!text) return;
  const last = spans[spans.length - 1];
  if (
    last &&
    !last.hardBreak &&
    last.strong === marks.strong &&
    last.em === marks.em &&
    last.code === marks.code &&
    last.href === marks.href
  ) {
    last.text += text;
    return;
  }
  spans.push({ text, ...marks });
}

/**
 * Convert an inline token's children. Images split the paragraph: the text before, the image as
 * its own block, the text after.
 */
function convertInline(token: Token, startLine: number, out: Block[], images: ImageRef[]): void {
  let spans: InlineSpan[] = [];
  let line = startLine;
  let spanLine = startLine;
  const marks: Marks = {};
  let pendingBreak = false;
  const flush = () => {
    const hasText = spans.some((s) => s.text.trim().length > 0);
    if (hasText) out.push({ type: "paragraph", inlines: spans, line: spanLine });
    spans = [];
    spanLine = line;
    pendingBreak = false;
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case "text":
        if (pendingBreak) {
          spans.push({ text: child.content, ...marks, hardBreak: true });
          pendingBreak = false;
        } else pushSpan(spans, child.content, marks);
        break;
      case "code_inline":
        pushSpan(spans, child.content, { ...marks, code: true });
        break;
      case "softbreak":
        line++;
        pushSpan(spans, " ", marks);
        break;
      case "hardbreak":
        line++;
        pendingBreak = true;
        break;
      case "strong_open":
        marks.strong = true;
        break;
      case "strong_close":
        delete marks.strong;
        break;
      case "em_open":
        marks.em = true;
        break;
      case "em_close":
        delete marks.em;
        break;
      case "link_open": {
        const href = child.attrGet("href") ?? "";
        if (SAFE_HREF_RE.test(href)) marks.href = href;
        break;
      }
      case "link_close":
        delete marks.href;
        break;
      case "image": {
        flush();
        const name = decodeName(child.attrGet("src") ?? "");
        const alt = child.content;
        out.push({ type: "image", name, alt, line });
        images.push({ name, alt, line });
        spanLine = line;
        break;
      }
      default:
        if (child.content) pushSpan(spans, child.content, marks);
    }
  }
  flush();
}

/** Table cells keep only their text: an image in a cell is shown by its alt text. */
function cellSpans(token: Token): InlineSpan[] {
  const blocks: Block[] = [];
  convertInline(token, 0, blocks, []);
  const spans: InlineSpan[] = [];
  for (const block of blocks) if (block.type === "paragraph") spans.push(...block.inlines);
  return spans;
}

function alignOf(token: Token): TableAlign {
  const style = token.attrGet("style") ?? "";
  const match = /text-align:(left|center|right)/.exec(style);
  return match ? (match[1] as TableAlign) : null;
}

function closeIndex(tokens: Token[], openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

function parseTable(tokens: Token[], from: number, to: number, line: number): Block {
  const header: InlineSpan[][] = [];
  const rows: InlineSpan[][][] = [];
  const align: TableAlign[] = [];
  let inHead = false;
  let row: InlineSpan[][] | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type === "thead_open") inHead = true;
    else if (t.type === "thead_close") inHead = false;
    else if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && row) {
      if (!inHead) rows.push(row);
      row = null;
    } else if (t.type === "th_open") align.push(alignOf(t));
    else if (t.type === "inline" && row) {
      const spans = cellSpans(t);
      if (inHead) header.push(spans);
      else row.push(spans);
    }
  }
  return { type: "table", header, rows, align, line };
}

function parseBlocks(tokens: Token[], from: number, to: number, images: ImageRef[]): Block[] {
  const out: Block[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    const line = lineOf(t);
    switch (t.type) {
      case "heading_open": {
        const inline = tokens[i + 1];
        const level = Number(t.tag.slice(1));
        const spans: Block[] = [];
        convertInline(inline, line, spans, images);
        for (const b of spans) {
          if (b.type === "paragraph") out.push({ type: "heading", level, inlines: b.inlines, line: b.line });
          else out.push(b);
        }
        i = closeIndex(tokens, i) + 1;
        break;
      }
      case "paragraph_open": {
        convertInline(tokens[i + 1], line, out, images);
        i = closeIndex(tokens, i) + 1;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        const end = closeIndex(tokens, i);
        const items: Block[][] = [];
        let j = i + 1;
        while (j < end) {
          if (tokens[j].type === "list_item_open") {
            const itemEnd = closeIndex(tokens, j);
            items.push(parseBlocks(tokens, j + 1, itemEnd, images));
            j = itemEnd + 1;
          } else j++;
        }
        const ordered = t.type === "ordered_list_open";
        out.push({ type: "list", ordered, start: Number(t.attrGet("start") ?? 1) || 1, items, line });
        i = end + 1;
        break;
      }
      case "blockquote_open": {
        const end = closeIndex(tokens, i);
        out.push(toQuoteOrTip(parseBlocks(tokens, i + 1, end, images), line));
        i = end + 1;
        break;
      }
      case "table_open": {
        const end = closeIndex(tokens, i);
        out.push(parseTable(tokens, i + 1, end, line));
        i = end + 1;
        break;
      }
      case "fence":
      case "code_block":
        out.push({ type: "code", text: t.content.replace(/\n$/, ""), line });
        i++;
        break;
      case "hr":
        out.push({ type: "rule", line });
        i++;
        break;
      case "inline":
        convertInline(t, line, out, images);
        i++;
        break;
      default:
        i++;
    }
  }
  return out;
}

/** GitHub-style alerts: a quote whose first text is `[!TIP]` or `[!WARNING]` becomes a tip box. */
function toQuoteOrTip(blocks: Block[], line: number): Block {
  const first = blocks[0];
  if (first?.type !== "paragraph" || !first.inlines.length) return { type: "quote", blocks, line };
  const match = TIP_MARKER_RE.exec(first.inlines[0].text);
  if (!match) return { type: "quote", blocks, line };
  const kind = /WARNING|CAUTION/i.test(match[1]) ? "warning" : "tip";
  const inlines = first.inlines.map((s) => ({ ...s }));
  inlines[0].text = inlines[0].text.slice(match[0].length).replace(/^\s+/, "");
  if (inlines[1]?.hardBreak && !inlines[0].text) delete inlines[1].hardBreak;
  const rest = inlines.filter((s, k) => k > 0 || s.text.length > 0);
  const body: Block[] = rest.some((s) => s.text.trim())
    ? [{ ...first, inlines: rest }, ...blocks.slice(1)]
    : blocks.slice(1);
  return { type: "tip", kind, blocks: body, line };
}

export function parseChapterMarkdown(markdown: string): ParsedChapter {
  const tokens = md.parse(markdown ?? "", {});
  const images: ImageRef[] = [];
  const blocks = parseBlocks(tokens, 0, tokens.length, images);
  return { blocks, images };
}

/** Plain text of some inline spans (used for headings, outline titles and search). */
export function spansText(spans: InlineSpan[]): string {
  return spans.map((s) => (s.hardBreak ? " " : "") + s.text).join("");
}
