/**
 * Checks a chapter before it is saved or typeset. Pure: the caller says what it knows about each
 * image name (from the book's uploads), so this also runs in the browser editor.
 */
import { isPlainImageName, parseChapterMarkdown } from "./markdown-blocks";

export type ImageNameStatus = "image" | "missing" | "not-image";

export type ChapterProblemCode = "empty-chapter" | "invalid-image-name" | "missing-image" | "not-an-image";

export interface ChapterProblem {
  code: ChapterProblemCode;
  /** 1-based line in the chapter's Markdown. */
  line: number;
  message: string;
  imageName?: string;
}

export function emptyChapterMessage(): string {
  return "章节内容为空，请至少写一段正文";
}

export function imageProblemMessage(
  code: Exclude<ChapterProblemCode, "empty-chapter">,
  name: string,
  line: number,
): string {
  switch (code) {
    case "invalid-image-name":
      return `第 ${line} 行：图片只能引用本书已上传的文件名，不能使用网址或路径（${name || "空"}）`;
    case "missing-image":
      return `第 ${line} 行：找不到图片“${name}”，请先上传到本书的图片库`;
    case "not-an-image":
      return `第 ${line} 行：“${name}”不是可用的图片文件（仅支持 PNG 和 JPEG）`;
  }
}

export function validateChapterMarkdown(
  markdown: string,
  resolveImageName: (name: string) => ImageNameStatus,
): ChapterProblem[] {
  const { blocks, images } = parseChapterMarkdown(markdown);
  const problems: ChapterProblem[] = [];
  if (blocks.length === 0) {
    problems.push({ code: "empty-chapter", line: 1, message: emptyChapterMessage() });
  }
  for (const image of images) {
    let code: Exclude<ChapterProblemCode, "empty-chapter"> | null = null;
    if (!isPlainImageName(image.name)) code = "invalid-image-name";
    else {
      const status = resolveImageName(image.name);
      if (status === "missing") code = "missing-image";
      else if (status === "not-image") code = "not-an-image";
    }
    if (code) {
      problems.push({
        code,
        line: image.line,
        message: imageProblemMessage(code, image.name, image.line),
        imageName: image.name,
      });
    }
  }
  return problems;
}
