/**
 * Live preview for the chapter editor. Pure and browser-safe. Built from the same block model as
 * the PDF, and every piece of author text goes through `escapeHtml`, so no markup can get in.
 */
import { translator } from "~/i18n/i18n";
import { parseChapterMarkdown } from "./markdown-blocks";
import type { Block, InlineSpan } from "./types";

export interface PreviewOptions {
  /** URL of an uploaded image, or null when unknown (a placeholder is shown instead). */
  imageUrl?: (name: string) => string | null;
}

/** Labels as the printed book has them (Chinese), from the same strings as the PDF. */
const zh = translator("zh");
const TIP_LABEL_KEYS = { tip: "ebooks.printTip", warning: "ebooks.printWarning" } as const;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function inlinesHtml(spans: InlineSpan[]): string {
  return spans
    .map((span) => {
      let html = escapeHtml(span.text);
      if (span.code) html = `<code>${html}</code>`;
      if (span.em) html = `<em>${html}</em>`;
      if (span.strong) html = `<strong>${html}</strong>`;
      if (span.href)
        html = `<a href="${escapeHtml(span.href)}" rel="noopener noreferrer" target="_blank">${html}</a>`;
      return (span.hardBreak ? "<br>" : "") + html;
    })
    .join("");
}

function blockHtml(block: Block, options: PreviewOptions): string {
  switch (block.type) {
    case "heading": {
      // The chapter title is the page's h2; Markdown headings sit below it.
      const level = Math.min(6, Math.max(3, block.level + 1));
      return `<h${level}>${inlinesHtml(block.inlines)}</h${level}>`;
    }
    case "paragraph":
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
      const items = block.items.map((item) => `<li>${blocksHtml(item, options)}</li>`).join("");
      return `<${tag}${start}>${items}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${blocksHtml(block.blocks, options)}</blockquote>`;
    case "tip":
      return `<aside class="md-tip md-tip-${block.kind}"><p class="md-tip-label">${zh(TIP_LABEL_KEYS[block.kind])}</p>${blocksHtml(block.blocks, options)}</aside>`;
    case "table": {
      const alignAttr = (k: number) => (block.align[k] ? ` style="text-align:${block.align[k]}"` : "");
      const head = block.header.map((cell, k) => `<th${alignAttr(k)}>${inlinesHtml(cell)}</th>`).join("");
      const rows = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell, k) => `<td${alignAttr(k)}>${inlinesHtml(cell)}</td>`).join("")}</tr>`,
        )
        .join("");
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case "image": {
      const url = options.imageUrl?.(block.name) ?? null;
      const caption = block.alt ? `<figcaption>${escapeHtml(block.alt)}</figcaption>` : "";
      const body = url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(block.alt)}">`
        : `<span class="md-image-missing">${zh("ebooks.previewImageMissing", { name: escapeHtml(block.name) })}</span>`;
      return `<figure>${body}${caption}</figure>`;
    }
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "rule":
      return "<hr>";
  }
}

function blocksHtml(blocks: Block[], options: PreviewOptions): string {
  return blocks.map((b) => blockHtml(b, options)).join("\n");
}

export function renderMarkdownPreviewHtml(markdown: string, options: PreviewOptions = {}): string {
  return blocksHtml(parseChapterMarkdown(markdown).blocks, options);
}
