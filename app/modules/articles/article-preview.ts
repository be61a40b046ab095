/**
 * The article as a reader sees it on a phone. Pure and browser-safe; Markdown runs go through the
 * e-books' escaping preview, testimonials through `escapeHtml`, so no markup can get in.
 */
import { escapeHtml, renderMarkdownPreviewHtml } from "../ebooks/markdown-preview";
import { splitArticle } from "./article-markdown";

export function renderArticlePreviewHtml(markdown: string): string {
  return splitArticle(markdown)
    .map((segment) => {
      if (segment.type === "markdown") return renderMarkdownPreviewHtml(segment.text);
      const { name, model, quote } = segment.testimonial;
      const paragraphs = quote
        .split("\n")
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join("");
      const by = [name, model].filter(Boolean).map(escapeHtml).join(" · ");
      return `<figure class="article-testimonial"><blockquote>${paragraphs}</blockquote><figcaption>—— ${by}</figcaption></figure>`;
    })
    .join("\n");
}
