import { describe, expect, it } from "vitest";
import { parseChapterMarkdown } from "./markdown-blocks";
import { renderMarkdownPreviewHtml } from "./markdown-preview";
import { validateChapterMarkdown, type ImageNameStatus } from "./validate-chapter-markdown";

describe("parseChapterMarkdown", () => {
  it("turns headings, emphasis, links, lists, tables and tip boxes into typed blocks", () => {
    const { blocks } = parseChapterMarkdown(
      [
        "## 出发前",
        "",
        "雨天要**降速**，*提前*刹车，检查 `TPMS`，详见[官网](https://example.cn)。",
        "",
        "1. 雨刮",
        "2. 轮胎",
        "",
        "> [!WARNING]",
        "> 不要用定速巡航。",
        "",
        "| 项目 | 标准 |",
        "|:--|--:|",
        "| 胎压 | 2.5 |",
      ].join("\n"),
    );
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "list", "tip", "table"]);
    const para = blocks[1];
    if (para.type !== "paragraph") throw new Error("expected a paragraph");
    expect(para.inlines).toContainEqual({ text: "降速", strong: true });
    expect(para.inlines).toContainEqual({ text: "提前", em: true });
    expect(para.inlines).toContainEqual({ text: "TPMS", code: true });
    expect(para.inlines).toContainEqual({ text: "官网", href: "https://example.cn" });
    const tip = blocks[3];
    expect(tip).toMatchObject({
      type: "tip",
      kind: "warning",
      line: 8,
      blocks: [{ type: "paragraph", inlines: [{ text: "不要用定速巡航。" }] }],
    });
    expect(blocks[4]).toMatchObject({
      type: "table",
      align: ["left", "right"],
      rows: [[[{ text: "胎压" }], [{ text: "2.5" }]]],
    });
  });

  it("keeps raw HTML as literal text and drops unsafe link targets", () => {
    const { blocks } = parseChapterMarkdown(
      "<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)>",
    );
    expect(blocks[0]).toMatchObject({ type: "paragraph", inlines: [{ text: "<script>alert(1)</script>" }] });
    const spans = blocks[1].type === "paragraph" ? blocks[1].inlines : [];
    expect(spans.some((s) => s.href)).toBe(false);
  });

  it("records every image with its source line, splitting the paragraph around it", () => {
    const { blocks, images } = parseChapterMarkdown(
      "第一行\n第二行 ![雨刮](雨刮.png) 之后\n\n- ![图二](b.jpg)",
    );
    expect(images).toEqual([
      { name: "雨刮.png", alt: "雨刮", line: 2 },
      { name: "b.jpg", alt: "图二", line: 4 },
    ]);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "image", "paragraph", "list"]);
  });
});

describe("renderMarkdownPreviewHtml", () => {
  it("escapes everything the author typed", () => {
    const html = renderMarkdownPreviewHtml(
      '<img src=x onerror="alert(1)">\n\n**<b>粗</b>**\n\n[x](https://a.cn/"onmouseover="y)',
    );
    expect(html).not.toMatch(/<img|<b>|<script/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("<strong>&lt;b&gt;粗&lt;/b&gt;</strong>");
    expect(html).not.toContain('"onmouseover');
  });

  it("renders tip boxes, tables and image placeholders", () => {
    const html = renderMarkdownPreviewHtml(
      "> [!TIP]\n> 记得换雨刮\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![图](p.png)",
    );
    expect(html).toContain(
      '<aside class="md-tip md-tip-tip"><p class="md-tip-label">提示</p><p>记得换雨刮</p></aside>',
    );
    expect(html).toContain(
      "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    );
    expect(html).toContain("[图片：p.png]");
    expect(renderMarkdownPreviewHtml("![图](p.png)", { imageUrl: () => "/media/p.png" })).toContain(
      '<img src="/media/p.png" alt="图">',
    );
  });
});

describe("validateChapterMarkdown", () => {
  const uploads: Record<string, ImageNameStatus> = { "ok.png": "image", "notes.png": "not-image" };
  const lookup = (name: string): ImageNameStatus => uploads[name] ?? "missing";

  it("accepts a chapter whose images are all uploaded", () => {
    expect(validateChapterMarkdown("正文\n\n![](ok.png)", lookup)).toEqual([]);
  });

  it("reports missing images, non-images and paths with line numbers and Chinese messages", () => {
    const problems = validateChapterMarkdown(
      "正文\n\n![](gone.png)\n\n![](notes.png)\n\n![](https://x.cn/a.png)",
      lookup,
    );
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ["missing-image", 3],
      ["not-an-image", 5],
      ["invalid-image-name", 7],
    ]);
    expect(problems[0].message).toBe("第 3 行：找不到图片“gone.png”，请先上传到本书的图片库");
  });

  it("reports an empty chapter", () => {
    expect(validateChapterMarkdown("  \n\n", lookup)).toEqual([
      { code: "empty-chapter", line: 1, message: "章节内容为空，请至少写一段正文" },
    ]);
  });
});
