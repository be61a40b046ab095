import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import type { DiffLine } from "~/modules/pieces/text-diff";
import { addChapter } from "~/modules/ebooks/add-chapter.server";
import { addSection } from "~/modules/ebooks/add-section.server";
import { loader as comparePage } from "~/routes/_app.ebooks.$id_.compare";
import { loader as apiCompare } from "~/routes/api.v1.ebooks.$id.compare";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import {
  getRequest,
  getStatus,
  respond,
  routeArgs as args,
  signedInUser,
  type SignedInUser,
} from "../setup/test-studio";
import {
  apiCreateBook,
  apiSaveChapter,
  listBuilds,
  postBuild,
  runEbookJobs,
  withEbookStudio,
} from "./ebooks-helpers";

const t = withEbookStudio();

const FIRST = [
  "## 雨刮",
  "",
  "雨季来临前，先检查雨刮。",
  "",
  "胎纹深度低于 1.6mm 必须更换轮胎。",
  "",
  "出门前看天气预报。",
];
const EDITED = "胎纹深度低于 2mm 就该更换轮胎。";
const SECOND = "水深超过轮胎一半时不要涉水。";
const THIRD = ["## 长途", "", "每两小时休息一次。"];

async function saveChapter(
  user: SignedInUser,
  bookId: number,
  chapterId: number,
  body: { version: number; sectionId: number; title: string; markdown: string },
) {
  const res = await apiSaveChapter(user.cookie, bookId, chapterId, body);
  expect(res.status).toBe(200);
}

/** Queues a screen build through the API and runs the real build job to the end; the new build's id. */
async function build(user: SignedInUser, bookId: number): Promise<number> {
  const queued = await postBuild(bookId, { profile: "screen" }, { Cookie: user.cookie });
  expect(queued.status).toBe(202);
  await runEbookJobs(t.studio);
  return (await listBuilds(bookId, user.cookie))[0].id;
}

/** A book of one section with two written chapters, built once. */
async function builtBook(user: SignedInUser) {
  const created = await apiCreateBook(user.cookie, {
    kind: "ebook",
    title: "雨季驾驶",
    author: "城东4S店",
    trim: "A5",
    targetPages: 8,
  });
  const bookId = (await created.json()).book.id as number;
  const change = { db: t.studio.db, actor: user.actor, pieceId: bookId, now: new Date() };
  const section = addSection({ ...change, title: "雨季" });
  if (!section.ok) throw new Error(section.message);
  const chapters: number[] = [];
  for (const [title, markdown] of [
    ["出发前检查", FIRST.join("\n")],
    ["积水路段", SECOND],
  ]) {
    const added = addChapter({ ...change, sectionId: section.sectionId, title });
    if (!added.ok) throw new Error(added.message);
    await saveChapter(user, bookId, added.chapterId, {
      version: 1,
      sectionId: section.sectionId,
      title,
      markdown,
    });
    chapters.push(added.chapterId);
  }
  const first = await build(user, bookId);
  return { bookId, sectionId: section.sectionId, chapters, first, change };
}

async function comparison(user: SignedInUser, bookId: number, a: number, b: number) {
  const res = await respond(() =>
    comparePage(
      args(getRequest(`/ebooks/${bookId}/compare?a=${a}&b=${b}`, { Cookie: user.cookie }), {
        id: String(bookId),
      }),
    ),
  );
  expect(res.status).toBe(200);
  return res.json();
}

const texts = (lines: DiffLine[], kind: DiffLine["kind"]) =>
  lines.filter((l) => l.kind === kind).map((l) => l.text);

describe("comparing two builds of a book", () => {
  it("shows the one edited paragraph with its changed characters, the rest unchanged, and a new chapter as added", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const { bookId, sectionId, chapters, first, change } = await builtBook(copy);
    // Edit one paragraph of the first chapter and add a third chapter, then build again.
    const edited = FIRST.map((line) => (line.startsWith("胎纹") ? EDITED : line)).join("\n");
    await saveChapter(copy, bookId, chapters[0], {
      version: 2,
      sectionId,
      title: "出发前检查",
      markdown: edited,
    });
    const added = addChapter({ ...change, sectionId, title: "长途" });
    if (!added.ok) throw new Error(added.message);
    await saveChapter(copy, bookId, added.chapterId, {
      version: 1,
      sectionId,
      title: "长途",
      markdown: THIRD.join("\n"),
    });
    const second = await build(copy, bookId);

    // Any signed-in role may read a comparison (ebooks.read), in either order of the two ids.
    const data = await comparison(host, bookId, second, first);
    expect([data.older.id, data.newer.id]).toEqual([first, second]);
    expect(data.diff.textMissing).toEqual([]);
    expect(data.diff.identicalContent).toBe(false);
    const kinds = Object.fromEntries(
      data.diff.chapters.map((c: { chapterId: number; kind: string }) => [c.chapterId, c.kind]),
    );
    expect(kinds).toEqual({ [chapters[0]]: "changed", [chapters[1]]: "same", [added.chapterId]: "added" });

    const [edit, same, fresh] = data.diff.chapters;
    expect(edit.textDiff.tooLarge).toBe(false);
    const lines: DiffLine[] = edit.textDiff.lines;
    // Exactly that paragraph changed; every other line is unchanged.
    expect(texts(lines, "removed")).toEqual(["胎纹深度低于 1.6mm 必须更换轮胎。"]);
    expect(texts(lines, "added")).toEqual([EDITED]);
    expect(texts(lines, "same")).toEqual(FIRST.filter((line) => !line.startsWith("胎纹")));
    expect(lines.some((l) => l.kind === "skipped")).toBe(false);
    // Inside the line, only the changed characters are marked.
    const removed = lines.find((l) => l.kind === "removed")!;
    const addedLine = lines.find((l) => l.kind === "added")!;
    expect(
      removed
        .segments!.filter((s) => s.changed)
        .map((s) => s.text)
        .join(""),
    ).toBe("1.6必须");
    expect(
      addedLine
        .segments!.filter((s) => s.changed)
        .map((s) => s.text)
        .join(""),
    ).toBe("2就该");
    expect(addedLine.segments!.map((s) => s.text).join("")).toBe(EDITED);
    // An unchanged chapter carries no diff; the new chapter is all added lines.
    expect(same.textDiff).toBeUndefined();
    expect(fresh).toMatchObject({ title: "长途", charsAfter: THIRD.join("\n").length });
    expect(fresh.textDiff.lines).toEqual(THIRD.map((text) => ({ kind: "added", text })));

    // The API answers the same comparison.
    const api = await respond(() =>
      apiCompare(
        args(getRequest(`/api/v1/ebooks/${bookId}/compare?a=${first}&b=${second}`, { Cookie: host.cookie }), {
          id: String(bookId),
        }),
      ),
    );
    expect(api.status).toBe(200);
    expect((await api.json()).diff).toEqual(data.diff);
    const status = (url: string, cookie = copy.cookie) =>
      getStatus(apiCompare, url, cookie, { id: String(bookId) });
    expect(await status(`/api/v1/ebooks/${bookId}/compare?a=${first}&b=9999`)).toBe(404);
    expect(await status(`/api/v1/ebooks/${bookId}/compare?a=${first}`)).toBe(400);
    expect(await status(`/api/v1/ebooks/${bookId}/compare?a=${first}&b=${second}`, "")).toBe(401);
    expect(
      await getStatus(apiCompare, `/api/v1/ebooks/9999/compare?a=${first}&b=${second}`, copy.cookie, {
        id: "9999",
      }),
    ).toBe(404);
    const doc = await (
      await respond(() => openapi(args(getRequest("/api/v1/openapi.json", { Cookie: copy.cookie }))))
    ).json();
    const operation = doc.paths["/api/v1/ebooks/{id}/compare"].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(["id", "a", "b"]);
    expect(
      operation.responses["200"].content["application/json"].schema.properties.diff.properties.chapters.items
        .properties,
    ).toHaveProperty("textDiff");

    // A rebuild of unchanged content keeps no second copy of any text.
    const kept = t.studio.db.select().from(schema.ebookChapterTexts).all();
    expect(kept.filter((k) => k.pieceId === bookId)).toHaveLength(4);
    const third = await build(copy, bookId);
    expect(t.studio.db.select().from(schema.ebookChapterTexts).all()).toHaveLength(kept.length);
    expect((await comparison(copy, bookId, second, third)).diff.identicalContent).toBe(true);
  });

  it("degrades to the hash-level result against a build made before chapter texts were kept", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, sectionId, chapters, first } = await builtBook(copy);
    // A build from before this change stored no texts: remove what the first build kept.
    const firstTexts = t.studio.db
      .select()
      .from(schema.ebookChapterTexts)
      .all()
      .map((r) => r.sha256);
    t.studio.db
      .delete(schema.ebookChapterTexts)
      .where(inArray(schema.ebookChapterTexts.sha256, firstTexts))
      .run();
    await saveChapter(copy, bookId, chapters[1], {
      version: 2,
      sectionId,
      title: "积水路段与涉水之后",
      markdown: `${SECOND}\n\n涉水后轻踩刹车。`,
    });
    const second = await build(copy, bookId);

    const data = await comparison(copy, bookId, first, second);
    expect(data.diff.textMissing).toEqual(["older"]);
    const changed = data.diff.chapters.filter((c: { kind: string }) => c.kind !== "same");
    expect(changed).toEqual([
      expect.objectContaining({
        chapterId: chapters[1],
        kind: "changed",
        title: "积水路段与涉水之后",
        previousTitle: "积水路段",
        textMissing: ["older"],
      }),
    ]);
    expect(changed[0].textDiff).toBeUndefined();
  });
});
