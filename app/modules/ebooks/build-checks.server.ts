/**
 * Helper: what stops a build, in the words the book page, the build request and the build job
 * all show (a chapter the typesetter would refuse; a print build without a valid sign-off).
 */
import type { BookContent } from "./book-rows.server";
import type { SignoffState } from "./get-signoff-state.server";
import { validateChapterMarkdown } from "./validate-chapter-markdown";

/** The first problem that would stop the typesetter, named by chapter, or null. */
export function firstContentProblem(
  content: BookContent,
): { chapterId: number | null; message: string } | null {
  const chapters = content.sections.flatMap((s) => s.chapters);
  if (chapters.length === 0) return { chapterId: null, message: "这本书还没有章节，请先添加章节。" };
  const images = new Set(content.images.map((i) => i.name));
  for (const chapter of chapters) {
    const [problem] = validateChapterMarkdown(chapter.markdown, (name) =>
      images.has(name) ? "image" : "missing",
    );
    if (problem) return { chapterId: chapter.id, message: `章节《${chapter.title}》：${problem.message}` };
  }
  return null;
}

export function signoffRequiredMessage(state: SignoffState): string {
  if (state.state === "voided")
    return `外部审阅签字已作废（${state.reason}）。印刷版只能从签字覆盖的内容生成：请重新生成屏幕版送审，并登记新的签字。`;
  return "印刷版需要外部审阅签字：请先生成屏幕版送审，再登记审阅单位、审阅人、日期和所审的版本。";
}
