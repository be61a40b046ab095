/** What changed between the content snapshots of two builds. Pure. */
import type { EbookSnapshot } from "./ebook-snapshot";

export type ChapterChangeKind = "added" | "removed" | "changed" | "retitled" | "moved" | "same";

export interface ChapterChange {
  chapterId: number;
  kind: ChapterChangeKind;
  /** Title in the newer build (or the older one for a removed chapter). */
  title: string;
  previousTitle?: string;
  section: string;
  charsBefore?: number;
  charsAfter?: number;
}

export interface BuildComparison {
  metadata: Array<{ field: string; before: string; after: string }>;
  chapters: ChapterChange[];
  images: Array<{ name: string; kind: "added" | "removed" | "changed" }>;
  identicalContent: boolean;
}

function flatten(snapshot: EbookSnapshot) {
  return snapshot.sections.flatMap((s, si) =>
    s.chapters.map((c, ci) => ({ ...c, section: s.title, order: `${si}:${ci}` })),
  );
}

export function compareSnapshots(older: EbookSnapshot, newer: EbookSnapshot): BuildComparison {
  const metadata: BuildComparison["metadata"] = [];
  for (const field of ["title", "subtitle", "author", "description", "trim"] as const) {
    if (older[field] !== newer[field]) metadata.push({ field, before: older[field], after: newer[field] });
  }
  if (older.keywords.join("、") !== newer.keywords.join("、"))
    metadata.push({ field: "keywords", before: older.keywords.join("、"), after: newer.keywords.join("、") });
  if (older.sections.map((s) => s.title).join("|") !== newer.sections.map((s) => s.title).join("|")) {
    metadata.push({
      field: "sections",
      before: older.sections.map((s) => s.title).join(" / "),
      after: newer.sections.map((s) => s.title).join(" / "),
    });
  }

  const before = new Map(flatten(older).map((c) => [c.id, c]));
  const afterList = flatten(newer);
  const chapters: ChapterChange[] = afterList.map((c) => {
    const prev = before.get(c.id);
    if (!prev)
      return { chapterId: c.id, kind: "added", title: c.title, section: c.section, charsAfter: c.chars };
    const kind: ChapterChangeKind =
      prev.hash !== c.hash
        ? "changed"
        : prev.title !== c.title
          ? "retitled"
          : prev.order !== c.order || prev.section !== c.section
            ? "moved"
            : "same";
    return {
      chapterId: c.id,
      kind,
      title: c.title,
      previousTitle: prev.title !== c.title ? prev.title : undefined,
      section: c.section,
      charsBefore: prev.chars,
      charsAfter: c.chars,
    };
  });
  const afterIds = new Set(afterList.map((c) => c.id));
  for (const prev of before.values()) {
    if (!afterIds.has(prev.id))
      chapters.push({
        chapterId: prev.id,
        kind: "removed",
        title: prev.title,
        section: prev.section,
        charsBefore: prev.chars,
      });
  }

  const oldImages = new Map(older.images.map((i) => [i.name, i.sha256]));
  const newImages = new Map(newer.images.map((i) => [i.name, i.sha256]));
  const images: BuildComparison["images"] = [];
  for (const [name, sha] of newImages) {
    if (!oldImages.has(name)) images.push({ name, kind: "added" });
    else if (oldImages.get(name) !== sha) images.push({ name, kind: "changed" });
  }
  for (const name of oldImages.keys()) if (!newImages.has(name)) images.push({ name, kind: "removed" });

  const identicalContent =
    metadata.length === 0 && images.length === 0 && chapters.every((c) => c.kind === "same");
  return { metadata, chapters, images, identicalContent };
}
