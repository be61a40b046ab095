import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { schema } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { loader as apiBuildPdf } from "~/routes/api.v1.builds.$file";
import { loader as apiBook } from "~/routes/api.v1.ebooks.$id";
import { action as apiBuildsAction, loader as apiBuilds } from "~/routes/api.v1.ebooks.$id.builds";
import { action as apiImagesAction, loader as apiImages } from "~/routes/api.v1.ebooks.$id.images";
import { loader as apiImage } from "~/routes/api.v1.ebooks.$id.images.$imageId";
import { action as apiSignoff } from "~/routes/api.v1.ebooks.$id.signoffs";
import { loader as apiBooks } from "~/routes/api.v1.ebooks";
import { loader as apiJob } from "~/routes/api.v1.jobs.$id";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import {
  getRequest,
  getStatus,
  jsonRequest,
  respond,
  routeArgs as args,
  signedInUser,
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

const runJobs = () => runEbookJobs(t.studio);

/** A book made through the API: create, then fill its chapters through the chapter API. */
async function apiBookWithChapters(cookie: string, kind: "ebook" | "handbook" = "ebook") {
  const created = await apiCreateBook(cookie, {
    kind,
    title: "长途驾驶手册",
    author: "城东4S店",
    trim: "A5",
    targetPages: 12,
    keywords: ["长途"],
  });
  expect(created.status).toBe(201);
  const bookId = (await created.json()).book.id as number;
  // Sections and chapters are page actions; the seed-like shortcut below writes them directly.
  const db = t.studio.db;
  const sectionId = db
    .insert(schema.ebookSections)
    .values({ pieceId: bookId, title: "长途", position: 1 })
    .returning()
    .get().id;
  const chapterId = db
    .insert(schema.ebookChapters)
    .values({
      pieceId: bookId,
      sectionId,
      title: "规划路线",
      markdown: "",
      position: 1,
      version: 1,
      updatedAt: new Date(),
    })
    .returning()
    .get().id;
  const saved = await apiSaveChapter(cookie, bookId, chapterId, {
    version: 1,
    sectionId,
    title: "规划路线",
    markdown: "出发前规划好服务区。\n\n- 每两小时休息一次",
  });
  expect(saved.status).toBe(200);
  expect(await saved.json()).toMatchObject({ version: 2, title: "规划路线" });
  return { bookId, sectionId, chapterId };
}

const postSignoff = (bookId: number, body: unknown, cookie: string) =>
  respond(() =>
    apiSignoff(args(jsonRequest("/x", "POST", body, { Cookie: cookie }), { id: String(bookId) })),
  );

const policeSignoff = (buildId: number) => ({
  buildId,
  organisation: "交警中队",
  reviewer: "王警官",
  reviewedOn: "2026-03-05",
});

/** Submits the book as its writer, approves it as the editor, and returns what publishing it answers. */
function approveThenPublish(bookId: number, writer: Actor, editor: Actor) {
  const move = (actor: Actor, action: "submit" | "approve" | "publish") =>
    transitionPiece({ db: t.studio.db, actor, pieceId: bookId, action, now: new Date() });
  move(writer, "submit");
  move(editor, "approve");
  return move(editor, "publish");
}

describe("e-book API", () => {
  it("queues a build (202 with the job), lists builds and serves the PDF", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { bookId } = await apiBookWithChapters(copy.cookie);
    const res = await postBuild(bookId, { profile: "screen" }, { Cookie: copy.cookie });
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(job).toMatchObject({ type: "ebook.build", status: "queued", progress: 0 });
    // A second request while the first waits answers the same job.
    expect((await (await postBuild(bookId, { profile: "screen" }, { Cookie: copy.cookie })).json()).id).toBe(
      job.id,
    );
    await runJobs();
    const done = await (
      await respond(() =>
        apiJob(args(getRequest(`/api/v1/jobs/${job.id}`, { Cookie: copy.cookie }), { id: String(job.id) })),
      )
    ).json();
    expect(done).toMatchObject({ status: "succeeded", progress: 1 });
    expect(done.result.pages).toBeGreaterThan(0);

    const items = await listBuilds(bookId, copy.cookie);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(["id", "profile", "pages", "bytes", "sha256", "createdAt"]),
    );
    expect(item).toMatchObject({ profile: "screen", pages: done.result.pages, sha256: done.result.sha256 });
    expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);

    const pdf = await respond(() =>
      apiBuildPdf(
        args(getRequest(`/api/v1/builds/${item.id}.pdf`, { Cookie: copy.cookie }), {
          file: `${item.id}.pdf`,
        }),
      ),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.length).toBe(item.bytes);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const book = await (
      await respond(() =>
        apiBook(
          args(getRequest(`/api/v1/ebooks/${bookId}`, { Cookie: copy.cookie }), { id: String(bookId) }),
        ),
      )
    ).json();
    expect(book.pages).toMatchObject({ latest: item.pages, target: 12 });
    const books = await (
      await respond(() => apiBooks(args(getRequest("/api/v1/ebooks", { Cookie: copy.cookie }))))
    ).json();
    expect(books.items[0]).toMatchObject({ id: bookId, latestPages: item.pages, targetPages: 12 });
  });

  it("answers 400 naming profile, 404 for unknown ids, 403 without ebooks.build and 401 without a session", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const analyst = await signedInUser(t.studio, ["analyst"]);
    const { bookId } = await apiBookWithChapters(copy.cookie);
    for (const body of [{ profile: "poster" }, {}, { profile: 1 }, { profile: null }]) {
      const res = await postBuild(bookId, body, { Cookie: copy.cookie });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.field).toBe("profile");
    }
    const malformed = await postBuild(bookId, "{not json", { Cookie: copy.cookie });
    expect(malformed.status).toBe(400);
    expect((await postBuild(99999, { profile: "screen" }, { Cookie: copy.cookie })).status).toBe(404);
    expect((await postBuild("abc", { profile: "screen" }, { Cookie: copy.cookie })).status).toBe(404);
    for (const user of [host, analyst]) {
      const res = await postBuild(bookId, { profile: "screen" }, { Cookie: user.cookie });
      expect(res.status).toBe(403);
    }
    expect((await postBuild(bookId, { profile: "screen" }, {})).status).toBe(401);
    expect(t.studio.db.select({ n: count() }).from(schema.jobs).get()!.n).toBe(0);
    // Readers may list; unknown book and unknown build are 404.
    expect(
      await getStatus(apiBuilds, `/api/v1/ebooks/${bookId}/builds`, host.cookie, { id: String(bookId) }),
    ).toBe(200);
    expect(await getStatus(apiBuilds, "/api/v1/ebooks/424242/builds", host.cookie, { id: "424242" })).toBe(
      404,
    );
    for (const file of ["999.pdf", "1", "../../studio.sqlite", "1.pdf.exe"]) {
      expect(await getStatus(apiBuildPdf, `/api/v1/builds/${file}`, host.cookie, { file }), file).toBe(404);
    }
    expect(await getStatus(apiBook, "/api/v1/ebooks/1234", host.cookie, { id: "1234" })).toBe(404);
  });

  it("refuses print with 409 until a sign-off covers the current content", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId, sectionId, chapterId } = await apiBookWithChapters(copy.cookie, "handbook");
    const refused = await postBuild(bookId, { profile: "print" }, { Cookie: copy.cookie });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: "signoff_required" });

    await postBuild(bookId, { profile: "screen" }, { Cookie: copy.cookie });
    await runJobs();
    const [screen] = await listBuilds(bookId, copy.cookie);
    const signoffBody = {
      buildId: screen.id,
      organisation: "城东交警中队",
      reviewer: "张警官",
      reviewedOn: "2026-03-01",
    };
    expect((await postSignoff(bookId, signoffBody, copy.cookie)).status).toBe(403);
    const badDate = await postSignoff(bookId, { ...signoffBody, reviewedOn: "yesterday" }, editor.cookie);
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.field).toBe("reviewedOn");
    expect((await postSignoff(bookId, { ...signoffBody, buildId: 777 }, editor.cookie)).status).toBe(400);

    // Without a sign-off, the handbook cannot be published.
    expect(approveThenPublish(bookId, copy.actor, editor.actor)).toMatchObject({
      ok: false,
      status: 409,
      code: "signoff_required",
    });

    expect((await postSignoff(bookId, signoffBody, editor.cookie)).status).toBe(201);
    const print = await postBuild(bookId, { profile: "print" }, { Cookie: copy.cookie });
    expect(print.status).toBe(202);
    const printJobId = String((await print.json()).id);

    // If the content changes after the print build was queued, the job refuses to typeset it.
    const edited = await apiSaveChapter(editor.cookie, bookId, chapterId, {
      version: 2,
      sectionId,
      title: "规划路线",
      markdown: "改过的正文",
    });
    expect(edited.status).toBe(200);
    await runJobs();
    const job = await (
      await respond(() => apiJob(args(getRequest("/x", { Cookie: copy.cookie }), { id: printJobId })))
    ).json();
    expect(job.status).toBe("failed");
    expect(job.error).toContain("已作废");
    const items = await listBuilds(bookId, copy.cookie);
    expect(items.map((b: { profile: string }) => b.profile)).toEqual(["screen"]);
  });

  it("publishes a handbook once its sign-off is valid", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await apiBookWithChapters(copy.cookie, "handbook");
    await postBuild(bookId, { profile: "screen" }, { Cookie: copy.cookie });
    await runJobs();
    const [screen] = await listBuilds(bookId, copy.cookie);
    await postSignoff(bookId, policeSignoff(screen.id), editor.cookie);
    expect(approveThenPublish(bookId, copy.actor, editor.actor)).toMatchObject({
      ok: true,
      status: "published",
    });
  });

  it("refuses print (public_url_not_public) and sign-off (qr_not_public) when QR codes would point to a loopback address", async () => {
    vi.stubEnv("PUBLIC_BASE_URL", "");
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { bookId } = await apiBookWithChapters(copy.cookie, "handbook");
    // The request comes in on this machine's address and PUBLIC_BASE_URL is unset.
    const local = (url: string, init: RequestInit = {}) =>
      new Request(`http://127.0.0.1:3000${url}`, {
        ...init,
        headers: { "Content-Type": "application/json", Cookie: copy.cookie, ...init.headers },
      });
    const queued = await respond(() =>
      apiBuildsAction(
        args(local(`/api/v1/ebooks/${bookId}/builds`, { method: "POST", body: '{"profile":"screen"}' }), {
          id: String(bookId),
        }),
      ),
    );
    expect(queued.status).toBe(202);
    await runJobs();
    const [screen] = await listBuilds(bookId, copy.cookie);
    expect(screen).toMatchObject({
      qrUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3000\/p\//),
      qrPublic: false,
    });
    const signoff = await postSignoff(bookId, policeSignoff(screen.id), editor.cookie);
    expect(signoff.status).toBe(409);
    const { error } = await signoff.json();
    expect(error).toMatchObject({ code: "qr_not_public", field: "buildId" });
    expect(error.message).toContain("PUBLIC_BASE_URL");
    expect(error.message).toContain(screen.qrUrl);

    // Even with a valid sign-off (recorded while the base was public), print needs a public base now.
    vi.stubEnv("PUBLIC_BASE_URL", "https://chezhu.example.cn");
    await postBuild(bookId, { profile: "screen" }, { Cookie: copy.cookie });
    await runJobs();
    const [fresh] = await listBuilds(bookId, copy.cookie);
    expect(fresh.qrPublic).toBe(true);
    expect((await postSignoff(bookId, policeSignoff(fresh.id), editor.cookie)).status).toBe(201);
    vi.stubEnv("PUBLIC_BASE_URL", "");
    const print = await respond(() =>
      apiBuildsAction(
        args(local(`/api/v1/ebooks/${bookId}/builds`, { method: "POST", body: '{"profile":"print"}' }), {
          id: String(bookId),
        }),
      ),
    );
    expect(print.status).toBe(409);
    const refusal = (await print.json()).error;
    expect(refusal).toMatchObject({ code: "public_url_not_public", field: "profile" });
    expect(refusal.message).toContain("PUBLIC_BASE_URL");
    expect(refusal.message).toContain("http://127.0.0.1:3000");
  });

  it("refuses bad chapter bodies through the API and documents the operations", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const { bookId, sectionId, chapterId } = await apiBookWithChapters(copy.cookie);
    const patch = (body: unknown, cookie = copy.cookie) => apiSaveChapter(cookie, bookId, chapterId, body);
    for (const [body, field] of [
      [{ version: 2, sectionId, title: "", markdown: "x" }, "title"],
      [{ version: 2, sectionId, title: "t", markdown: 42 }, "markdown"],
      [{ version: 2, sectionId, title: "t", markdown: "字".repeat(100_001) }, "markdown"],
      [{ sectionId, title: "t", markdown: "x" }, "version"],
    ] as const) {
      const res = await patch(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect((await patch({ version: 2, sectionId: 999, title: "t", markdown: "x" })).status).toBe(400);
    expect((await patch({ version: 2, sectionId, title: "t", markdown: "x" }, host.cookie)).status).toBe(403);
    expect((await patch({ version: 1, sectionId, title: "t", markdown: "x" })).status).toBe(409);
    const doc = await (
      await respond(() => openapi(args(getRequest("/api/v1/openapi.json", { Cookie: copy.cookie }))))
    ).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/ebooks/{id}/builds", "/api/v1/builds/{id}.pdf"]),
    );
    expect(
      doc.paths["/api/v1/ebooks/{id}/builds"].post.requestBody.content["application/json"].schema.properties
        .profile.enum,
    ).toEqual(["screen", "print"]);
  });

  it("uploads images through the API: JPEG accepted and served back, a disguised text file refused with nothing stored", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const { bookId } = await apiBookWithChapters(copy.cookie);
    // The smallest JPEG header the sniffer accepts: SOI, then a SOF0 segment with 3x2 pixels.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11,
      0x00, 0x03, 0x11, 0x00, 0xff, 0xd9,
    ]);
    const upload = (name: string, bytes: Buffer, cookie: string) => {
      const form = new FormData();
      form.append("file", new File([new Uint8Array(bytes)], name));
      return respond(() =>
        apiImagesAction(
          args(
            new Request(`http://localhost/api/v1/ebooks/${bookId}/images`, {
              method: "POST",
              body: form,
              headers: { Cookie: cookie },
            }),
            { id: String(bookId) },
          ),
        ),
      );
    };
    const created = await upload("路况.jpg", jpeg, copy.cookie);
    expect(created.status).toBe(201);
    const image = await created.json();
    expect(image).toMatchObject({ name: "路况.jpg", replaced: false });
    const served = await respond(() =>
      apiImage(
        args(getRequest(image.url, { Cookie: host.cookie }), {
          id: String(bookId),
          imageId: String(image.id),
        }),
      ),
    );
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true);

    const fake = await upload("photo.jpg", Buffer.from("GIF89a not a jpeg"), copy.cookie);
    expect(fake.status).toBe(415);
    expect((await fake.json()).error.field).toBe("file");
    expect((await upload("x.png", jpeg, host.cookie)).status).toBe(403);
    const list = await (
      await respond(() => apiImages(args(getRequest("/x", { Cookie: copy.cookie }), { id: String(bookId) })))
    ).json();
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(["路况.jpg"]);
    expect(await getStatus(apiImage, "/x", copy.cookie, { id: String(bookId), imageId: "999" })).toBe(404);
  });
});
