import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultDemoBooksDir, loadDemoBooks } from "./load-demo-books.server";
import { validateChapterMarkdown } from "./validate-chapter-markdown";

describe("loadDemoBooks", () => {
  it("loads both demo books in the renderer's shape, with valid chapters", async () => {
    const books = await loadDemoBooks({ rootDir: defaultDemoBooksDir() });
    const laosiji = books.find((b) => b.slug === "lao-siji-miji")!;
    const women = books.find((b) => b.slug === "nvxing-chezhu-anquan")!;
    expect(laosiji.book.title).toBe("老司机秘籍");
    expect(laosiji.targetPages).toBe(96);
    expect(laosiji.book.sections.map((s) => s.title)).toEqual(["雨季", "高原", "长途"]);
    for (const section of laosiji.book.sections) expect(section.chapters.length).toBeGreaterThanOrEqual(3);
    expect(women.book.title).toBe("女性车主安全手册");
    expect(women.book.sections.flatMap((s) => s.chapters).length).toBeGreaterThanOrEqual(4);
    for (const { book } of books) {
      for (const chapter of book.sections.flatMap((s) => s.chapters)) {
        expect(chapter.markdown.length, chapter.id).toBeGreaterThan(800);
        expect(
          validateChapterMarkdown(chapter.markdown, () => "missing"),
          chapter.id,
        ).toEqual([]);
        expect(chapter.markdown, chapter.id).toMatch(/\[!(TIP|WARNING)\]/);
      }
    }
  });

  it("throws a clear error for a broken book.json", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "demo-books-"));
    try {
      await mkdir(path.join(root, "bad-book"));
      await writeFile(
        path.join(root, "bad-book", "book.json"),
        JSON.stringify({ slug: "bad-book", title: "", sections: [] }),
      );
      await expect(loadDemoBooks({ rootDir: root })).rejects.toThrow(/bad-book.*book\.json/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
