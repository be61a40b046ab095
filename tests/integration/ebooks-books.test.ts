import { createDownloadToken } from "~/modules/leads/download-token.server";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { schema } from "~/lib/db.server";
import { EBOOK_BUILD_JOB } from "~/modules/ebooks/request-build.server";
import { enqueueJob, getJob } from "~/modules/jobs/queue.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as bookAction, loader as bookLoader } from "~/routes/_app.ebooks.$id";
import {
  action as chapterAction,
  loader as chapterLoader,
} from "~/routes/_app.ebooks.$id_.chapters.$chapterId";
import { loader as compareLoader } from "~/routes/_app.ebooks.$id_.compare";
import { loader as listLoader } from "~/routes/_app.ebooks._index";
import { action as newBookAction } from "~/routes/_app.ebooks.new";
import { action as imageUploadAction } from "~/routes/ebooks.$id.images";
import { loader as publicLoader } from "~/routes/p.$slug";
import { loader as publicDownload } from "~/routes/p.$slug_.download";
import { seedEbooksDemo } from "../../db/seed-ebooks";
import {
  formRequest,
  getRequest,
  getStatus,
  respond,
  routeArgs as args,
  signedInUser,
} from "../setup/test-studio";
import { runEbookJobs, withEbookStudio } from "./ebooks-helpers";

const t = withEbookStudio();

const count$ = (
  table:
    | typeof schema.auditLog
    | typeof schema.ebookImages
    | typeof schema.ebookBuilds
    | typeof schema.ebookSignoffs,
) => t.studio.db.select({ n: count() }).from(table).get()!.n;

/** A valid RGB PNG of the given size (real zlib data and CRCs, so pdfkit can embed it). */
function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([200, 40 + y, 60 + x], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Uploads an image to a book as the book page's upload fetcher does; the route's Response. */
function uploadImage(bookId: number, fileName: string, bytes: Buffer, cookie: string, type = "image/png") {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], fileName, { type }));
  const request = new Request(`http://localhost/ebooks/${bookId}/images`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
  return respond(() => imageUploadAction(args(request, { id: String(bookId) })));
}

/** The sign-off form of a build, with the given changes. */
const signoffFields = (buildId: number, patch: Record<string, string> = {}) => ({
  intent: "signoff",
  buildId: String(buildId),
  organisation: "城东交警中队",
  reviewer: "张警官",
  reviewedOn: "2026-03-01",
  note: "同意印刷 5000 册",
  ...patch,
});

async function post(bookId: number, fields: Record<string, string | string[]>, cookie: string) {
  return respond(() =>
    bookAction(args(formRequest(`/ebooks/${bookId}`, fields, cookie), { id: String(bookId) })),
  );
}

async function bookPage(bookId: number, cookie: string) {
  const res = await respond(() =>
    bookLoader(args(getRequest(`/ebooks/${bookId}`, { Cookie: cookie }), { id: String(bookId) })),
  );
  expect(res.status).toBe(200);
  return res.json();
}

async function saveChapter(
  bookId: number,
  chapterId: number,
  fields: { title: string; markdown: string; sectionId: number; version: number },
  cookie: string,
) {
  return respond(() =>
    chapterAction(
      args(
        formRequest(
          `/ebooks/${bookId}/chapters/${chapterId}`,
          {
            title: fields.title,
            markdown: fields.markdown,
            sectionId: String(fields.sectionId),
            version: String(fields.version),
          },
          cookie,
        ),
        { id: String(bookId), chapterId: String(chapterId) },
      ),
    ),
  );
}

const runJobs = () => runEbookJobs(t.studio, { backoffBaseMs: 10 });

/** A copywriter's book with one section and two written chapters. */
async function makeBook(cookie: string, kind = "ebook") {
  const created = await respond(() =>
    newBookAction(
      args(
        formRequest(
          "/ebooks/new",
          {
            kind,
            title: "雨季驾驶小册子",
            subtitle: "看得见、停得住",
            author: "城东4S店",
            trim: "A5",
            targetPages: "16",
            description: "雨季用车要点",
            keywords: "雨季，安全",
          },
          cookie,
        ),
      ),
    ),
  );
  expect(created.status).toBe(302);
  const bookId = Number(created.headers.get("Location")!.split("/").pop());
  expect((await post(bookId, { intent: "add-section", title: "雨季" }, cookie)).status).toBe(200);
  let page = await bookPage(bookId, cookie);
  const sectionId = page.sections[0].id as number;
  for (const title of ["出发前检查", "积水路段"])
    expect(
      (await post(bookId, { intent: "add-chapter", sectionId: String(sectionId), title }, cookie)).status,
    ).toBe(200);
  page = await bookPage(bookId, cookie);
  const [first, second] = page.sections[0].chapters as Array<{ id: number }>;
  expect(
    (
      await saveChapter(
        bookId,
        first.id,
        {
          title: "出发前检查",
          markdown:
            "## 雨刮\n\n雨季来临前，先检查**雨刮**和轮胎。\n\n> [!TIP]\n> 胎纹深度低于 1.6mm 必须更换。\n\n| 项目 | 标准 |\n| --- | --- |\n| 胎压 | 2.3bar |",
          sectionId,
          version: 1,
        },
        cookie,
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await saveChapter(
        bookId,
        second.id,
        {
          title: "积水路段",
          markdown: "水深超过轮胎一半时不要涉水。\n\n- 低速\n- 匀速",
          sectionId,
          version: 1,
        },
        cookie,
      )
    ).status,
  ).toBe(200);
  return { bookId, sectionId, chapterIds: [first.id, second.id] };
}

describe("books, chapters and builds", () => {
  it("creates a book, writes chapters, builds a screen PDF through the job and reads back the page count", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, chapterIds } = await makeBook(copy.cookie);
    const png = makePng(40, 30);
    expect((await uploadImage(bookId, "chart.png", png, copy.cookie)).status).toBe(200);
    const sectionId = (await bookPage(bookId, copy.cookie)).sections[0].id;
    expect(
      (
        await saveChapter(
          bookId,
          chapterIds[1],
          {
            title: "积水路段",
            markdown: "水深超过轮胎一半时不要涉水。\n\n![积水深度示意](chart.png)",
            sectionId,
            version: 2,
          },
          copy.cookie,
        )
      ).status,
    ).toBe(200);

    const build = await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    expect(build.status).toBe(200);
    const { jobId } = await build.json();
    expect(getJob({ db: t.studio.db, jobId })?.status).toBe("queued");
    await runJobs();
    expect(getJob({ db: t.studio.db, jobId })?.status).toBe("succeeded");

    const page = await bookPage(bookId, copy.cookie);
    expect(page.builds).toHaveLength(1);
    const [version] = page.builds;
    expect(version).toMatchObject({ profile: "screen", current: true });
    expect(version.pages).toBeGreaterThanOrEqual(6);
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.pages).toEqual({ latest: version.pages, latestScreen: version.pages, target: 16 });
    const file = path.join(t.dir, "ebooks", "builds", String(bookId), `${version.sha256}.pdf`);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    expect(fs.statSync(file).size).toBe(version.bytes);
    // Temp work dirs are cleaned.
    expect(fs.readdirSync(path.join(t.dir, "tmp"))).toEqual([]);

    const list = await (
      await respond(() => listLoader(args(getRequest("/ebooks", { Cookie: copy.cookie }))))
    ).json();
    expect(list.books[0]).toMatchObject({
      id: bookId,
      latestPages: version.pages,
      targetPages: 16,
      chapters: 2,
    });
  });

  it("refuses print without a sign-off, allows it after sign-off, and an edit voids the sign-off and refuses print again", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId, sectionId, chapterIds } = await makeBook(copy.cookie, "handbook");

    const refused = await post(bookId, { intent: "build", profile: "print" }, copy.cookie);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toContain("外部审阅签字");
    expect(t.studio.db.select().from(schema.jobs).all()).toHaveLength(0);

    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    const screen = (await bookPage(bookId, copy.cookie)).builds[0];

    // A copywriter may not record the sign-off.
    expect((await post(bookId, signoffFields(screen.id), copy.cookie)).status).toBe(403);
    // Bad input is refused at the field.
    const bad = await post(
      bookId,
      {
        intent: "signoff",
        buildId: String(screen.id),
        organisation: " ",
        reviewer: "张警官",
        reviewedOn: "2026-02-30",
      },
      editor.cookie,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).errors)).toEqual(
      expect.arrayContaining(["organisation", "reviewedOn"]),
    );
    expect(count$(schema.ebookSignoffs)).toBe(0);

    const signed = await post(bookId, signoffFields(screen.id), editor.cookie);
    expect(signed.status).toBe(200);
    let page = await bookPage(bookId, copy.cookie);
    expect(page.signoff.state).toBe("valid");
    expect(page.signoff.list[0]).toMatchObject({
      buildId: screen.id,
      contentHash: screen.contentHash,
      organisation: "城东交警中队",
      reviewer: "张警官",
      reviewedOn: "2026-03-01",
      valid: true,
    });
    expect(page.printBlockedReason).toBeNull();

    expect((await post(bookId, { intent: "build", profile: "print" }, copy.cookie)).status).toBe(200);
    await runJobs();
    page = await bookPage(bookId, copy.cookie);
    const print = page.builds.find((b: { profile: string }) => b.profile === "print");
    expect(print).toMatchObject({ signoffId: page.signoff.list[0].id, contentHash: screen.contentHash });
    expect(print.pages % 4).toBe(0);

    // The handbook may now be published (the gate sees the valid sign-off).
    const editorActor = editor.actor;
    transitionPiece({
      db: t.studio.db,
      actor: copy.actor,
      pieceId: bookId,
      action: "submit",
      now: new Date(),
    });
    transitionPiece({
      db: t.studio.db,
      actor: editorActor,
      pieceId: bookId,
      action: "approve",
      now: new Date(),
    });

    // An edit after sign-off voids it, says why, and print is refused again.
    const chapter = await (
      await respond(() =>
        chapterLoader(
          args(getRequest(`/ebooks/${bookId}/chapters/${chapterIds[0]}`, { Cookie: editor.cookie }), {
            id: String(bookId),
            chapterId: String(chapterIds[0]),
          }),
        ),
      )
    ).json();
    expect(
      (
        await saveChapter(
          bookId,
          chapterIds[0],
          {
            title: "出发前检查",
            markdown: `${chapter.chapter.markdown}\n\n新增一段。`,
            sectionId,
            version: chapter.chapter.version,
          },
          editor.cookie,
        )
      ).status,
    ).toBe(200);
    page = await bookPage(bookId, copy.cookie);
    expect(page.signoff.state).toBe("voided");
    expect(page.signoff.reason).toContain("出发前检查");
    expect(page.signoff.list[0]).toMatchObject({ valid: false });
    expect(page.signoff.list[0].voidedAt).not.toBeNull();
    const again = await post(bookId, { intent: "build", profile: "print" }, editor.cookie);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toContain("已作废");
    const publish = transitionPiece({
      db: t.studio.db,
      actor: editorActor,
      pieceId: bookId,
      action: "publish",
      now: new Date(),
    });
    // The edit also took the approval back: the book is a draft again and cannot be published.
    expect(publish).toMatchObject({ ok: false, status: 409, code: "invalid_transition" });
    // An outdated build cannot be signed off: the reviewer saw other text.
    const stale = await post(bookId, signoffFields(screen.id, { reviewedOn: "2026-03-02" }), editor.cookie);
    expect(stale.status).toBe(409);
  });

  it("voids a sign-off when metadata or an image changes, but not for the page target", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await makeBook(copy.cookie);
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    const screen = (await bookPage(bookId, copy.cookie)).builds[0];
    await post(
      bookId,
      signoffFields(screen.id, { organisation: "交警中队", reviewer: "李警官" }),
      editor.cookie,
    );
    const meta = (await bookPage(bookId, copy.cookie)).book;
    const fields = {
      intent: "update-book",
      version: String(meta.version),
      title: meta.title,
      subtitle: meta.subtitle,
      author: meta.author,
      description: meta.description,
      keywords: meta.keywords.join(","),
      trim: meta.trim,
    };
    expect((await post(bookId, { ...fields, targetPages: "24" }, copy.cookie)).status).toBe(200);
    let page = await bookPage(bookId, copy.cookie);
    expect(page.signoff.state).toBe("valid");
    expect(page.pages.target).toBe(24);

    expect((await uploadImage(bookId, "new.png", makePng(4, 4), copy.cookie)).status).toBe(200);
    page = await bookPage(bookId, copy.cookie);
    expect(page.signoff.state).toBe("voided");
    expect(page.signoff.reason).toContain("new.png");
  });

  it("refuses an upload that is not an image and stores nothing", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId } = await makeBook(copy.cookie);
    const audits = count$(schema.auditLog);
    for (const [name, bytes, status] of [
      ["fake.png", Buffer.from("this is a text file, not a picture"), 415],
      ["empty.png", Buffer.alloc(0), 400],
      ["../../etc/passwd.png", Buffer.from("x"), 415],
      ["script.svg", Buffer.from("<svg/>"), 400],
      ["big.png", Buffer.concat([makePng(2, 2), Buffer.alloc(5 * 1024 * 1024)]), 413],
    ] as const) {
      const res = await uploadImage(bookId, name, bytes, copy.cookie);
      expect(res.status, name).toBe(status);
      const body = await res.json();
      expect(body.errors.file, name).toBeTruthy();
    }
    expect(count$(schema.ebookImages)).toBe(0);
    expect(count$(schema.auditLog)).toBe(audits);
    expect(fs.existsSync(path.join(t.dir, "ebooks", "images"))).toBe(false);
    // A path in the file name is dropped: only the plain name is kept.
    const ok = await uploadImage(bookId, "C:\\photos\\tyre.png", makePng(3, 3), copy.cookie);
    expect(ok.status).toBe(200);
    const page = await bookPage(bookId, copy.cookie);
    expect(page.images.map((i: { name: string }) => i.name)).toEqual(["tyre.png"]);
  });

  it("refuses a build with an empty chapter, naming the chapter", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, sectionId } = await makeBook(copy.cookie);
    await post(
      bookId,
      { intent: "add-chapter", sectionId: String(sectionId), title: "还没写的一章" },
      copy.cookie,
    );
    const page = await bookPage(bookId, copy.cookie);
    expect(page.buildProblem).toContain("还没写的一章");
    const res = await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/还没写的一章.*内容为空/);
    expect(t.studio.db.select().from(schema.jobs).all()).toHaveLength(0);
  });

  it("refuses a host (no ebooks.edit) with 403 and changes nothing", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const { bookId, sectionId, chapterIds } = await makeBook(copy.cookie);
    const audits = count$(schema.auditLog);
    const attempts: Array<Record<string, string | string[]>> = [
      { intent: "add-section", title: "新分部" },
      { intent: "add-chapter", sectionId: String(sectionId), title: "新章节" },
      {
        intent: "reorder-chapters",
        sectionId: String(sectionId),
        chapterIds: [...chapterIds].reverse().map(String),
      },
      { intent: "delete-chapter", chapterId: String(chapterIds[0]) },
      { intent: "build", profile: "screen" },
    ];
    for (const fields of attempts) {
      expect((await post(bookId, fields, host.cookie)).status, String(fields.intent)).toBe(403);
    }
    expect(
      (
        await saveChapter(
          bookId,
          chapterIds[0],
          { title: "改", markdown: "改", sectionId, version: 2 },
          host.cookie,
        )
      ).status,
    ).toBe(403);
    expect((await uploadImage(bookId, "a.png", makePng(2, 2), host.cookie)).status).toBe(403);
    expect(
      (
        await respond(() =>
          newBookAction(
            args(
              formRequest(
                "/ebooks/new",
                { kind: "ebook", title: "x", author: "y", trim: "A5", targetPages: "8" },
                host.cookie,
              ),
            ),
          ),
        )
      ).status,
    ).toBe(403);
    expect(count$(schema.auditLog)).toBe(audits);
    const page = await bookPage(bookId, host.cookie);
    expect(page.can).toEqual({ edit: false, build: false, signoff: false });
    expect(page.sections[0].chapters.map((c: { id: number }) => c.id)).toEqual(chapterIds);
  });

  it("keeps a copywriter out of another copywriter's book and refuses stale chapter saves", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const copy2 = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, sectionId, chapterIds } = await makeBook(copy.cookie);
    expect((await post(bookId, { intent: "add-section", title: "别人的分部" }, copy2.cookie)).status).toBe(
      403,
    );
    const stale = await saveChapter(
      bookId,
      chapterIds[0],
      { title: "出发前检查", markdown: "旧版本上的修改", sectionId, version: 1 },
      copy.cookie,
    );
    expect(stale.status).toBe(409);
    const kept = await (
      await respond(() =>
        chapterLoader(
          args(getRequest("/x", { Cookie: copy.cookie }), {
            id: String(bookId),
            chapterId: String(chapterIds[0]),
          }),
        ),
      )
    ).json();
    expect(kept.chapter.markdown).toContain("雨刮");
  });

  it("reorders chapters and sections by posting the new order, refusing an order that does not match", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, sectionId, chapterIds } = await makeBook(copy.cookie);
    expect(
      (
        await post(
          bookId,
          {
            intent: "reorder-chapters",
            sectionId: String(sectionId),
            chapterIds: [...chapterIds].reverse().map(String),
          },
          copy.cookie,
        )
      ).status,
    ).toBe(200);
    expect(
      (await bookPage(bookId, copy.cookie)).sections[0].chapters.map((c: { id: number }) => c.id),
    ).toEqual([...chapterIds].reverse());
    // Drag and drop posts one comma-separated field.
    expect(
      (
        await post(
          bookId,
          { intent: "reorder-chapters", sectionId: String(sectionId), chapterIds: chapterIds.join(",") },
          copy.cookie,
        )
      ).status,
    ).toBe(200);
    expect(
      (await bookPage(bookId, copy.cookie)).sections[0].chapters.map((c: { id: number }) => c.id),
    ).toEqual(chapterIds);
    expect(
      (
        await post(
          bookId,
          { intent: "reorder-chapters", sectionId: String(sectionId), chapterIds: [String(chapterIds[0])] },
          copy.cookie,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await post(
          bookId,
          { intent: "reorder-chapters", sectionId: String(sectionId), chapterIds: "abc" },
          copy.cookie,
        )
      ).status,
    ).toBe(400);
    await post(bookId, { intent: "add-section", title: "高原" }, copy.cookie);
    const sections = (await bookPage(bookId, copy.cookie)).sections.map((s: { id: number }) => s.id);
    expect(
      (
        await post(
          bookId,
          { intent: "reorder-sections", sectionIds: [...sections].reverse().map(String) },
          copy.cookie,
        )
      ).status,
    ).toBe(200);
    expect((await bookPage(bookId, copy.cookie)).sections.map((s: { title: string }) => s.title)).toEqual([
      "高原",
      "雨季",
    ]);
    // A section with chapters is not deleted.
    expect(
      (await post(bookId, { intent: "delete-section", sectionId: String(sectionId) }, copy.cookie)).status,
    ).toBe(409);
  });

  it("refuses bad book metadata at the field and stores nothing", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const good = { kind: "ebook", title: "书", author: "店", trim: "A5", targetPages: "96" };
    for (const [fields, field] of [
      [{ title: "  " }, "title"],
      [{ title: "长".repeat(121) }, "title"],
      [{ author: "" }, "author"],
      [{ trim: "A3" }, "trim"],
      [{ targetPages: "abc" }, "targetPages"],
      [{ targetPages: "2" }, "targetPages"],
      [{ kind: "poster" }, "kind"],
      [{ description: "字".repeat(1001) }, "description"],
    ] as const) {
      const res = await respond(() =>
        newBookAction(args(formRequest("/ebooks/new", { ...good, ...fields }, copy.cookie))),
      );
      expect(Object.keys((await res.json()).errors), JSON.stringify(fields)).toContain(field);
    }
    expect(t.studio.db.select().from(schema.ebooks).all()).toHaveLength(0);
  });

  it("compares two builds: pages, size, hash and the chapters that changed", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId, sectionId, chapterIds } = await makeBook(copy.cookie);
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    await saveChapter(
      bookId,
      chapterIds[1],
      {
        title: "积水路段与涉水之后",
        markdown: "水深超过轮胎一半时不要涉水。\n\n涉水后要轻踩刹车几次。",
        sectionId,
        version: 2,
      },
      copy.cookie,
    );
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    const [newer, older] = (await bookPage(bookId, copy.cookie)).builds;
    expect(older.current).toBe(false);
    expect(newer.current).toBe(true);
    const res = await respond(() =>
      compareLoader(
        args(getRequest(`/ebooks/${bookId}/compare?a=${older.id}&b=${newer.id}`, { Cookie: copy.cookie }), {
          id: String(bookId),
        }),
      ),
    );
    const data = await res.json();
    expect(data.older.id).toBe(older.id);
    expect(data.newer.sha256).not.toBe(data.older.sha256);
    const changed = data.diff.chapters.filter((c: { kind: string }) => c.kind !== "same");
    expect(changed).toEqual([
      expect.objectContaining({
        chapterId: chapterIds[1],
        kind: "changed",
        title: "积水路段与涉水之后",
        previousTitle: "积水路段",
      }),
    ]);
    expect(
      await getStatus(compareLoader, `/ebooks/${bookId}/compare?a=${older.id}&b=999`, copy.cookie, {
        id: String(bookId),
      }),
    ).toBe(404);
    expect(
      await getStatus(compareLoader, `/ebooks/${bookId}/compare?a=x`, copy.cookie, { id: String(bookId) }),
    ).toBe(400);
  });

  it("serves the public page and the latest screen build without sign-in once published; unknown slugs are 404", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await makeBook(copy.cookie);
    const slug = t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, bookId)).get()!.slug;
    // Fixture: the public page is only for published books, so publish this one first.
    for (const action of ["submit", "approve", "publish"])
      expect(
        transitionPiece({ db: t.studio.db, actor: editor.actor, pieceId: bookId, action, now: new Date() }),
      ).toMatchObject({ ok: true });
    let page = await (await respond(() => publicLoader(args(getRequest(`/p/${slug}`), { slug })))).json();
    expect(page).toMatchObject({
      title: "雨季驾驶小册子",
      subtitle: "看得见、停得住",
      author: "城东4S店",
      description: "雨季用车要点",
      latest: null,
    });
    expect(
      (await respond(() => publicDownload(args(getRequest(`/p/${slug}/download`), { slug })))).status,
    ).toBe(404);
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    page = await (await respond(() => publicLoader(args(getRequest(`/p/${slug}`), { slug })))).json();
    expect(page.latest.pages).toBeGreaterThan(0);
    // The download sits behind the lead form: without the token it hands out, the same 404.
    expect(
      (await respond(() => publicDownload(args(getRequest(`/p/${slug}/download`), { slug })))).status,
    ).toBe(404);
    const token = createDownloadToken({ secret: t.studio.config.sessionSecret, slug, now: t.studio.now() });
    const pdf = await respond(() =>
      publicDownload(args(getRequest(`/p/${slug}/download?t=${token}`), { slug })),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    for (const bad of ["no-such-book", "../../etc", ""])
      expect((await respond(() => publicLoader(args(getRequest(`/p/x`), { slug: bad })))).status).toBe(404);
  });

  it("answers 404 for the page and the download of a book that is not published, exactly like an unknown slug", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await makeBook(copy.cookie);
    const slug = t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, bookId)).get()!.slug;
    // A build exists, so only the status keeps the PDF private.
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    const answer = async (s: string) => {
      const pageRes = await respond(() => publicLoader(args(getRequest(`/p/${s}`), { slug: s })));
      const token = createDownloadToken({
        secret: t.studio.config.sessionSecret,
        slug: s,
        now: t.studio.now(),
      });
      const fileRes = await respond(() =>
        publicDownload(args(getRequest(`/p/${s}/download?t=${token}`), { slug: s })),
      );
      return {
        page: { status: pageRes.status, body: await pageRes.text() },
        download: { status: fileRes.status, body: await fileRes.text() },
      };
    };
    const unknown = await answer("no-such-book");
    expect(unknown.page.status).toBe(404);
    expect(unknown.download.status).toBe(404);
    const step = (action: string, note?: string) =>
      expect(
        transitionPiece({
          db: t.studio.db,
          actor: editor.actor,
          pieceId: bookId,
          action,
          note,
          now: new Date(),
        }),
      ).toMatchObject({ ok: true });
    const seen: Record<string, Awaited<ReturnType<typeof answer>>> = {};
    seen.draft = await answer(slug);
    step("submit");
    seen.in_review = await answer(slug);
    step("reject", "第二章还要补充");
    seen.rejected = await answer(slug);
    step("redraft");
    step("submit");
    step("approve");
    seen.approved = await answer(slug);
    step("publish");
    const published = await answer(slug);
    step("archive");
    seen.archived = await answer(slug);
    for (const [status, got] of Object.entries(seen)) expect(got, status).toEqual(unknown);
    expect(published.page.status).toBe(200);
    expect(published.download.status).toBe(200);
  });

  it("seeds both demo books for copy@studio.local and queues their first screen builds", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"], "copy@studio.local");
    await seedEbooksDemo({
      db: t.studio.db,
      now: new Date(),
      dataDir: t.dir,
      users: new Map([["copy@studio.local", copy.actor]]),
    });
    const list = await (
      await respond(() => listLoader(args(getRequest("/ebooks", { Cookie: copy.cookie }))))
    ).json();
    const byTitle = Object.fromEntries(list.books.map((b: { title: string }) => [b.title, b]));
    expect(byTitle["老司机秘籍"]).toMatchObject({ kind: "ebook", targetPages: 96, chapters: 9 });
    expect(byTitle["女性车主安全手册"]).toMatchObject({ kind: "handbook", chapters: 4 });
    const owners = t.studio.db.select({ ownerId: schema.pieces.ownerId }).from(schema.pieces).all();
    expect(owners.every((o) => o.ownerId === copy.actor.id)).toBe(true);
    const sections = (await bookPage(byTitle["老司机秘籍"].id, copy.cookie)).sections.map(
      (s: { title: string }) => s.title,
    );
    expect(sections).toEqual(["雨季", "高原", "长途"]);
    expect(
      t.studio.db
        .select()
        .from(schema.jobs)
        .all()
        .map((j) => j.type),
    ).toEqual(["ebook.build", "ebook.build"]);
    await runJobs();
    expect(count$(schema.ebookBuilds)).toBe(2);
  });
});

describe("QR codes of print builds point to a public address", () => {
  const slugOf = (bookId: number) =>
    t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, bookId)).get()!.slug;
  const printJobs = () =>
    t.studio.db
      .select()
      .from(schema.jobs)
      .all()
      .filter((j) => (j.payload as { profile?: string }).profile === "print");

  /** A handbook with a screen build signed off while PUBLIC_BASE_URL is public. */
  async function signedHandbook() {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await makeBook(copy.cookie, "handbook");
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    const screen = (await bookPage(bookId, copy.cookie)).builds[0];
    expect((await post(bookId, signoffFields(screen.id), editor.cookie)).status).toBe(200);
    return { copy, editor, bookId };
  }

  it("refuses to queue a print build while PUBLIC_BASE_URL is unset, loopback or private, naming PUBLIC_BASE_URL", async () => {
    const { copy, bookId } = await signedHandbook();
    const slug = slugOf(bookId);
    for (const base of [
      "",
      "http://127.0.0.1:3000",
      "http://localhost:3000",
      "http://10.1.2.3",
      "http://172.20.0.5:8080",
      "http://192.168.1.20:3000",
      "http://169.254.10.1",
      "http://[::1]:3000",
      "http://[fd00::5]",
      "http://studio.local",
    ]) {
      vi.stubEnv("PUBLIC_BASE_URL", base);
      const refused = await post(bookId, { intent: "build", profile: "print" }, copy.cookie);
      expect(refused.status, base).toBe(409);
      const body = await refused.json();
      expect(body.error, base).toContain("PUBLIC_BASE_URL");
      expect(body.errors.profile, base).toBe(body.error);
      // The page says where print QR codes would point and why print is blocked.
      const page = await bookPage(bookId, copy.cookie);
      expect(page.printQr.url, base).toBe(`${base || "http://localhost"}/p/${slug}`);
      expect(page.printQr.problem, base).toContain("PUBLIC_BASE_URL");
      expect(page.printBlockedReason, base).toContain("PUBLIC_BASE_URL");
    }
    expect(printJobs()).toEqual([]);

    vi.stubEnv("PUBLIC_BASE_URL", "https://chezhu.example.cn/");
    const page = await bookPage(bookId, copy.cookie);
    expect(page.printQr).toEqual({ url: `https://chezhu.example.cn/p/${slug}`, problem: null });
    expect(page.printBlockedReason).toBeNull();
    expect((await post(bookId, { intent: "build", profile: "print" }, copy.cookie)).status).toBe(200);
    await runJobs();
    const print = (await bookPage(bookId, copy.cookie)).builds.find(
      (b: { profile: string }) => b.profile === "print",
    );
    expect(print).toMatchObject({ qrUrl: `https://chezhu.example.cn/p/${slug}`, qrPublic: true });
  });

  it("fails a queued print job permanently when its QR codes would point to a loopback address", async () => {
    const { copy, bookId } = await signedHandbook();
    // A job queued before the address was checked (or by any other path) is stopped at run time.
    const { job } = enqueueJob(t.studio.db, {
      type: EBOOK_BUILD_JOB,
      payload: { pieceId: bookId, profile: "print", publicUrl: `http://127.0.0.1:3000/p/${slugOf(bookId)}` },
      actor: copy.actor,
      now: new Date(),
    });
    await runJobs();
    const done = getJob({ db: t.studio.db, jobId: job.id })!;
    expect(done.status).toBe("failed");
    expect(done.attempts).toBe(1);
    expect(done.error).toContain("PUBLIC_BASE_URL");
    expect(done.error).toContain("http://127.0.0.1:3000");
    expect(
      (await bookPage(bookId, copy.cookie)).builds.filter((b: { profile: string }) => b.profile === "print"),
    ).toEqual([]);
  });

  it("shows where a build's QR codes point and refuses to sign off one whose QR base is loopback or private", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await makeBook(copy.cookie, "handbook");
    const slug = slugOf(bookId);
    for (const [base, url] of [
      ["", `http://localhost/p/${slug}`],
      ["http://192.168.1.20:3000", `http://192.168.1.20:3000/p/${slug}`],
    ]) {
      vi.stubEnv("PUBLIC_BASE_URL", base);
      await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
      await runJobs();
      const build = (await bookPage(bookId, copy.cookie)).builds[0];
      expect(build).toMatchObject({ qrUrl: url, qrPublic: false });
      const audits = count$(schema.auditLog);
      const refused = await post(bookId, signoffFields(build.id), editor.cookie);
      expect(refused.status, base).toBe(409);
      const { errors } = await refused.json();
      expect(errors.buildId).toContain(url);
      expect(errors.buildId).toContain("PUBLIC_BASE_URL");
      expect(count$(schema.ebookSignoffs)).toBe(0);
      expect(count$(schema.auditLog)).toBe(audits);
    }

    // With a public base, a new screen build of the same content can be signed off.
    vi.stubEnv("PUBLIC_BASE_URL", "https://chezhu.example.cn");
    await post(bookId, { intent: "build", profile: "screen" }, copy.cookie);
    await runJobs();
    let page = await bookPage(bookId, copy.cookie);
    const [fresh, ...older] = page.builds;
    expect(fresh).toMatchObject({
      qrUrl: `https://chezhu.example.cn/p/${slug}`,
      qrPublic: true,
      current: true,
    });
    // Older builds keep the address they were typeset with.
    expect(older.map((b: { qrPublic: boolean }) => b.qrPublic)).toEqual([false, false]);
    expect((await post(bookId, signoffFields(fresh.id), editor.cookie)).status).toBe(200);
    page = await bookPage(bookId, copy.cookie);
    expect(page.signoff.state).toBe("valid");
    expect(page.signoff.list[0]).toMatchObject({
      buildId: fresh.id,
      qrUrl: `https://chezhu.example.cn/p/${slug}`,
    });
  });
});
