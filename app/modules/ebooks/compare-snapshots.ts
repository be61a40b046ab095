/** What changed between the content snapshots of two builds. Pure. */
import { diffBodies, type BodyDiff } from "../pieces/text-diff";
import type { EbookSnapshot } from "./ebook-snapshot";

export type ChapterChangeKind = "added" | "removed" | "changed" | "retitled" | "moved" | "same";
export type BuildSide = "older" | "newer";

export interface ChapterChange {
  chapterId: number;
  kind: ChapterChangeKind;
  /** Title in the newer build (or the older one for a removed chapter). */
  title: string;
  previousTitle?: string;
  section: string;
  charsBefore?: number;
  charsAfter?: number;
  /**
   * For a chapter whose text differs (changed, added, removed): the line diff of its Markdown,
   * when both builds kept the text (an added chapter against nothing, a removed one to nothing).
   */
  textDiff?: BodyDiff;
  /** The builds that kept no text of this chapter (made before texts were kept): no `textDiff`. */
  textMissing?: BuildSide[];
}

export interface BuildComparison {
  metadata: Array<{ field: string; before: string; after: string }>;
  chapters: ChapterChange[];
  images: Array<{ name: string; kind: "added" | "removed" | "changed" }>;
  identicalContent: boolean;
  /** The builds with a changed chapter whose text was not kept: only hash-level changes for those. */
  textMissing: BuildSide[];
}

/** A chapter's Markdown by the hash its snapshot names, or undefined when that text was not kept. */
export type ChapterTextLookup = (hash: string) => string | undefined;

type FlatChapter = EbookSnapshot["sections"][number]["chapters"][number] & {
  section: string;
  sectionId: number;
};

function flatten(snapshot: EbookSnapshot): FlatChapter[] {
  return snapshot.sections.flatMap((s) =>
    s.chapters.map((c) => ({ ...c, section: s.title, sectionId: s.id })),
  );
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k + 1
  const previous: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const run = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) run.add(i);
  return run;
}

/**
 * Chapters that changed place: into another section, or out of order against the chapters both
 * builds have. Adding or removing a chapter moves no other; moving one chapter moves only that one.
 */
function movedChapters(before: FlatChapter[], after: FlatChapter[]): Set<number> {
  const oldIndex = new Map(before.map((c, i) => [c.id, i]));
  const oldSection = new Map(before.map((c) => [c.id, c.sectionId]));
  const common = after.filter((c) => oldIndex.has(c.id));
  const inOrder = longestIncreasing(common.map((c) => oldIndex.get(c.id)!));
  return new Set(
    common.filter((c, i) => !inOrder.has(i) || oldSection.get(c.id) !== c.sectionId).map((c) => c.id),
  );
}

/** The text diff of a chapter whose Markdown differs, or which builds lack its text. */
function textChange(
  texts: ChapterTextLookup | undefined,
  before: { hash: string } | undefined,
  after: { hash: string } | undefined,
): Pick<ChapterChange, "textDiff" | "textMissing"> {
  if (!texts) return {};
  const oldText = before ? texts(before.hash) : "";
  const newText = after ? texts(after.hash) : "";
  const missing: BuildSide[] = [];
  if (oldText === undefined) missing.push("older");
  if (newText === undefined) missing.push("newer");
  if (missing.length) return { textMissing: missing };
  return { textDiff: diffBodies(oldText!, newText!) };
}

/**
 * Compares two snapshots. With `texts` (the kept chapter texts), every chapter whose Markdown
 * differs carries its line diff.
 */
export function compareSnapshots(
  older: EbookSnapshot,
  newer: EbookSnapshot,
  texts?: ChapterTextLookup,
): BuildComparison {
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

  const beforeList = flatten(older);
  const before = new Map(beforeList.map((c) => [c.id, c]));
  const afterList = flatten(newer);
  const moved = movedChapters(beforeList, afterList);
  const chapters: ChapterChange[] = afterList.map((c) => {
    const prev = before.get(c.id);
    if (!prev)
      return {
        chapterId: c.id,
        kind: "added",
        title: c.title,
        section: c.section,
        charsAfter: c.chars,
        ...textChange(texts, undefined, c),
      };
    const kind: ChapterChangeKind =
      prev.hash !== c.hash
        ? "changed"
        : prev.title !== c.title
          ? "retitled"
          : moved.has(c.id)
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
      ...(kind === "changed" ? textChange(texts, prev, c) : {}),
    };
  });
  const afterIds = new Set(afterList.map((c) => c.id));
  for (const prev of beforeList) {
    if (!afterIds.has(prev.id))
      chapters.push({
        chapterId: prev.id,
        kind: "removed",
        title: prev.title,
        section: prev.section,
        charsBefore: prev.chars,
        ...textChange(texts, prev, undefined),
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
  const textMissing = (["older", "newer"] as const).filter((side) =>
    chapters.some((c) => c.textMissing?.includes(side)),
  );
  return { metadata, chapters, images, identicalContent, textMissing };
}
