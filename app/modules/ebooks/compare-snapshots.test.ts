import { describe, expect, it } from "vitest";
import { compareSnapshots } from "./compare-snapshots";
import type { EbookSnapshot } from "./ebook-snapshot";

const base: EbookSnapshot = {
  title: "书",
  subtitle: "",
  author: "店",
  description: "",
  keywords: ["a"],
  trim: "A5",
  sections: [
    {
      id: 1,
      title: "雨季",
      chapters: [
        { id: 1, title: "一", hash: "h1", chars: 10 },
        { id: 2, title: "二", hash: "h2", chars: 20 },
      ],
    },
    { id: 2, title: "高原", chapters: [{ id: 3, title: "三", hash: "h3", chars: 30 }] },
  ],
  images: [{ name: "a.png", sha256: "x" }],
};

describe("compareSnapshots", () => {
  it("reports identical content", () => {
    const c = compareSnapshots(base, base);
    expect(c.identicalContent).toBe(true);
    expect(c.chapters.every((ch) => ch.kind === "same")).toBe(true);
  });

  it("names changed, retitled, moved, added and removed chapters, metadata and images", () => {
    const newer: EbookSnapshot = {
      ...base,
      title: "新书",
      sections: [
        {
          id: 1,
          title: "雨季",
          chapters: [
            { id: 2, title: "二", hash: "h2", chars: 20 },
            { id: 1, title: "一（改）", hash: "h1", chars: 10 },
          ],
        },
        { id: 2, title: "高原", chapters: [{ id: 4, title: "四", hash: "h4", chars: 5 }] },
      ],
      images: [
        { name: "a.png", sha256: "y" },
        { name: "b.png", sha256: "z" },
      ],
    };
    const c = compareSnapshots(base, {
      ...newer,
      sections: [
        {
          ...newer.sections[0],
          chapters: [newer.sections[0].chapters[0], { ...newer.sections[0].chapters[1], hash: "h1" }],
        },
        newer.sections[1],
      ],
    });
    const kinds = Object.fromEntries(c.chapters.map((ch) => [ch.chapterId, ch.kind]));
    expect(kinds).toEqual({ 1: "retitled", 2: "moved", 3: "removed", 4: "added" });
    expect(c.metadata.map((m) => m.field)).toEqual(["title"]);
    expect(c.images).toEqual([
      { name: "a.png", kind: "changed" },
      { name: "b.png", kind: "added" },
    ]);
    expect(c.identicalContent).toBe(false);
    const changed = compareSnapshots(base, {
      ...base,
      sections: [
        {
          ...base.sections[0],
          chapters: [{ ...base.sections[0].chapters[0], hash: "new" }, base.sections[0].chapters[1]],
        },
        base.sections[1],
      ],
    });
    expect(changed.chapters.find((ch) => ch.chapterId === 1)?.kind).toBe("changed");
  });

  it("moves only the chapter that changed place: adding or removing one moves no other", () => {
    const chapter = (id: number) => ({ id, title: String(id), hash: `h${id}`, chars: id });
    const book = (...ids: number[]): EbookSnapshot => ({
      ...base,
      sections: [{ id: 1, title: "雨季", chapters: ids.map(chapter) }],
    });
    const kinds = (older: EbookSnapshot, newer: EbookSnapshot) =>
      Object.fromEntries(compareSnapshots(older, newer).chapters.map((c) => [c.chapterId, c.kind]));
    expect(kinds(book(1, 2, 3, 4), book(9, 2, 3, 4))).toEqual({
      9: "added",
      1: "removed",
      2: "same",
      3: "same",
      4: "same",
    });
    expect(kinds(book(1, 2, 3, 4), book(2, 3, 4, 1))).toEqual({
      1: "moved",
      2: "same",
      3: "same",
      4: "same",
    });
    // Into another section (even at the same place in the book's order) is a move too.
    const split: EbookSnapshot = {
      ...base,
      sections: [
        { id: 1, title: "雨季", chapters: [chapter(1)] },
        { id: 2, title: "高原", chapters: [chapter(2)] },
      ],
    };
    expect(kinds(book(1, 2), split)).toEqual({ 1: "same", 2: "moved" });
  });

  it("gives a changed, added or removed chapter its line diff from the kept texts, or names the build without them", () => {
    const older = { ...base, sections: [base.sections[0]] };
    const newer: EbookSnapshot = {
      ...base,
      sections: [
        {
          ...base.sections[0],
          chapters: [
            { ...base.sections[0].chapters[0], hash: "h1b" },
            { id: 5, title: "五", hash: "h5", chars: 2 },
          ],
        },
      ],
    };
    const kept: Record<string, string> = { h1: "甲\n乙", h1b: "甲\n丙", h2: "旧", h5: "新\n章" };
    const c = compareSnapshots(older, newer, (hash) => kept[hash]);
    const byId = Object.fromEntries(c.chapters.map((ch) => [ch.chapterId, ch]));
    expect(byId[1].textDiff).toEqual({
      tooLarge: false,
      lines: [
        { kind: "same", text: "甲" },
        { kind: "removed", text: "乙" },
        { kind: "added", text: "丙" },
      ],
    });
    expect(byId[5].textDiff).toEqual({
      tooLarge: false,
      lines: [
        { kind: "added", text: "新" },
        { kind: "added", text: "章" },
      ],
    });
    expect(byId[2]).toMatchObject({
      kind: "removed",
      textDiff: { lines: [{ kind: "removed", text: "旧" }] },
    });
    expect(c.textMissing).toEqual([]);
    delete kept.h1;
    const partial = compareSnapshots(older, newer, (hash) => kept[hash]);
    expect(partial.chapters[0]).toMatchObject({ chapterId: 1, kind: "changed", textMissing: ["older"] });
    expect(partial.chapters[0].textDiff).toBeUndefined();
    expect(partial.textMissing).toEqual(["older"]);
  });
});
