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
});
