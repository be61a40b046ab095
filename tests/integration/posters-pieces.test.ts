// Poster pieces end to end on a real database, data directory and worker: the API, the render job
// with its variants and their QR sources, the ZIP, refusals that change nothing, and a crash.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { claimNextJob, getJob, heartbeatJob } from "~/modules/jobs/queue.server";
import { recoverInterruptedJobs } from "~/modules/jobs/worker.server";
import { mediaPaths } from "~/modules/media/media-store.server";
import { posterJobHandlers } from "~/modules/posters/job-handlers.server";
import { uploadPosterPhoto } from "~/modules/posters/upload-poster-photo.server";
import { uploadBrandLogo } from "~/modules/posters/upload-brand-logo.server";
import { action as postersAction } from "~/routes/api.v1.posters";
import { action as rendersAction, loader as rendersLoader } from "~/routes/api.v1.posters.$id.renders";
import { loader as templatesLoader } from "~/routes/api.v1.templates";
import { loader as zipLoader } from "~/routes/posters.$id.renders.$renderId.zip";
import { loader as imageLoader } from "~/routes/posters.$id.renders.$renderId";
import { seedTerms } from "./compliance-review-helpers";
import { runQueuedJobs } from "../setup/run-jobs";
import { rowCount } from "../setup/row-count";
import { getRequest, jsonRequest, respond, routeArgs, signedInUser } from "../setup/test-studio";
import {
  answerOf as call,
  createPoster as createOfferPoster,
  patchPoster,
  POSTER_FIELDS,
  withPosterStudio,
} from "./posters-helpers";

const t = withPosterStudio();

const FIELDS = { ...POSTER_FIELDS, subline: "置换补贴加低息方案" };

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([30 + (i % 180), 90, 160, 255], i);
  return PNG.sync.write(image);
}

const createPoster = (cookie: string, fields: Record<string, string> = FIELDS) =>
  createOfferPoster(cookie, fields);

const requestRender = (cookie: string, id: number, body: unknown = {}) =>
  call(() =>
    rendersAction(
      routeArgs(jsonRequest(`/api/v1/posters/${id}/renders`, "POST", body, { Cookie: cookie }), {
        id: String(id),
      }),
    ),
  );

/** The address in a PNG's QR code. */
function qrOf(bytes: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(bytes));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Every file the poster capability stored under the data directory. */
function posterFiles(): string[] {
  const root = path.join(t.dir, "posters");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("poster API", () => {
  it("lists the templates, creates a poster and refuses a role that may not", async () => {
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const templates = await call(() =>
      templatesLoader(routeArgs(getRequest("/api/v1/templates", { Cookie: writer.cookie }))),
    );
    expect(templates.body.templates.map((x: { key: string }) => x.key)).toEqual([
      "offer",
      "event",
      "new_model",
      "service_tip",
    ]);
    expect(templates.body.sizes.find((s: { key: string }) => s.key === "story")).toMatchObject({
      width: 1080,
      height: 1920,
    });

    const poster = await createPoster(writer.cookie);
    expect(
      t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, poster.id)).get(),
    ).toMatchObject({
      kind: "poster",
      body: "年终购车节，全系钜惠\n置换补贴加低息方案\n直降 2 万元",
    });

    const sales = await signedInUser(t.studio, ["sales"]);
    const before = rowCount(t.studio, schema.posters);
    const refused = await call(() =>
      postersAction(
        routeArgs(
          jsonRequest("/api/v1/posters", "POST", { title: "x", template: "offer" }, { Cookie: sales.cookie }),
        ),
      ),
    );
    expect(refused.status).toBe(403);
    expect((await requestRender(sales.cookie, poster.id)).status).toBe(403);
    const patched = await patchPoster(sales.cookie, poster.id, { version: 1, title: "改" });
    expect(patched.status).toBe(403);
    expect(rowCount(t.studio, schema.posters)).toBe(before);
    expect(rowCount(t.studio, schema.jobs)).toBe(0);
  });

  it("refuses overlong copy naming the field, and copy with a block finding naming the term, queueing nothing", async () => {
    seedTerms(t.studio);
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const poster = await createPoster(writer.cookie, { ...FIELDS, headline: "年终购车节".repeat(6) });
    const long = await requestRender(writer.cookie, poster.id);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: "poster_text_too_long", field: "headline" });
    expect(long.body.error.message).toContain("主标题");

    const patched = await patchPoster(writer.cookie, poster.id, {
      version: 1,
      fields: { ...FIELDS, headline: "全城最好的购车节" },
    });
    expect(patched.status).toBe(200);
    const blocked = await requestRender(writer.cookie, poster.id);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe("compliance_blocked");
    expect(blocked.body.error.message).toContain("最好");
    expect(rowCount(t.studio, schema.jobs)).toBe(0);
    expect(rowCount(t.studio, schema.posterRenders)).toBe(0);
  });
});

describe("poster renders", () => {
  it("renders one variant per consultant and venue, each with its own QR source, and zips them", async () => {
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const wang = await signedInUser(t.studio, ["sales"], "wangfang@test.local");
    const poster = await createPoster(writer.cookie);
    const queued = await requestRender(writer.cookie, poster.id, {
      variants: [{ consultantId: wang.actor.id }, { venue: "高速服务区快闪" }],
    });
    expect(queued.body.error ?? null).toBeNull();
    expect(queued.status).toBe(202);
    await runQueuedJobs(t.studio, { handlers: posterJobHandlers, timeout: 60_000 });

    const list = await call(() =>
      rendersLoader(
        routeArgs(getRequest(`/api/v1/posters/${poster.id}/renders`, { Cookie: writer.cookie }), {
          id: String(poster.id),
        }),
      ),
    );
    const [render] = list.body.items;
    expect(render).toMatchObject({ number: 1, state: "done", width: 1080, height: 1440 });
    expect(render.variants.map((v: { source: string }) => v.source)).toEqual([
      `poster-${poster.id}-wangfang`,
      `poster-${poster.id}-venue-1`,
    ]);

    const params = { id: String(poster.id), renderId: String(render.id) };
    const main = await respond(() =>
      imageLoader(routeArgs(getRequest(render.imageUrl, { Cookie: writer.cookie }), params)),
    );
    expect(main.headers.get("Content-Type")).toBe("image/png");
    const slug = t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, poster.id)).get()!.slug;
    expect(qrOf(new Uint8Array(await main.arrayBuffer()))).toBe(
      `https://studio.example.cn/p/${slug}?src=poster-${poster.id}`,
    );

    const zip = await respond(() =>
      zipLoader(routeArgs(getRequest(render.zipUrl, { Cookie: writer.cookie }), params)),
    );
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["wangfang.png", "venue-1.png"]);
    const sources = Object.values(files).map((bytes) => new URL(qrOf(bytes)!).searchParams.get("src"));
    expect(sources).toEqual(render.variants.map((v: { source: string }) => v.source));
    expect(new Set([...sources, `poster-${poster.id}`]).size).toBe(3);

    // The rendered image is the piece's media: what the calendar and the landing page show.
    const asset = t.studio.db
      .select()
      .from(schema.mediaAssets)
      .where(eq(schema.mediaAssets.pieceId, poster.id))
      .all();
    expect(asset).toMatchObject([{ kind: "image", verifyStatus: "verified", width: 1080, height: 1440 }]);
  });

  it("resumes a render interrupted by a crash, cleans its scratch files and keeps one version", async () => {
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const poster = await createPoster(writer.cookie);
    const queued = await requestRender(writer.cookie, poster.id, { variants: [{ venue: "透明车间" }] });
    const jobId = queued.body.job.id as number;
    // A worker of a process that is gone took the job, drew part of it and died.
    const deadWorker = `worker-posters-${process.pid}-dead00`;
    const now = t.studio.now();
    expect(claimNextJob({ db: t.studio.db, workerId: deadWorker, leaseMs: 60_000, now })?.id).toBe(jobId);
    heartbeatJob({ db: t.studio.db, jobId, workerId: deadWorker, leaseMs: 60_000, now, progress: 0.5 });
    const scratch = path.join(t.dir, mediaPaths.jobWorkDir(jobId));
    mkdirSync(scratch, { recursive: true });
    writeFileSync(path.join(scratch, "main.png"), "half a png");

    recoverInterruptedJobs(t.studio, logger);
    await runQueuedJobs(t.studio, { handlers: posterJobHandlers, timeout: 60_000 });
    expect(getJob({ db: t.studio.db, jobId })).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(existsSync(scratch)).toBe(false);
    expect(rowCount(t.studio, schema.posterVariants)).toBe(1);
    expect(
      t.studio.db.select().from(schema.mediaAssets).where(eq(schema.mediaAssets.pieceId, poster.id)).all(),
    ).toHaveLength(1);
  });
});

describe("poster uploads", () => {
  it("refuses a broken, non-image, too large or JPEG-logo upload with nothing left behind", async () => {
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const poster = await createPoster(writer.cookie);
    const good = png(40, 30);
    const cases: Array<[Buffer, string, string | undefined]> = [
      [Buffer.from("not an image at all, just text"), "not_an_image", "poster"],
      [good.subarray(0, good.length - 20), "not_an_image", "broken"],
      [Buffer.alloc(0), "empty_file", "image"],
      [Buffer.concat([good, Buffer.alloc(9 * 1024 * 1024)]), "too_large", "image"],
    ];
    const before = { files: posterFiles(), poster: t.studio.db.select().from(schema.posters).all() };
    for (const [bytes, code, context] of cases) {
      const result = await uploadPosterPhoto({
        db: t.studio.db,
        dataDir: t.dir,
        actor: writer.actor,
        pieceId: poster.id,
        bytes,
        now: t.studio.now(),
      });
      expect(result).toMatchObject({ ok: false, code, params: { context } });
    }
    const jpegLogo = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 10, 0, 10, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9,
    ]);
    const logo = await uploadBrandLogo({
      db: t.studio.db,
      dataDir: t.dir,
      actor: editor.actor,
      version: 0,
      bytes: jpegLogo,
      now: t.studio.now(),
    });
    expect(logo).toMatchObject({ ok: false, code: "not_an_image", params: { context: "logo" } });
    expect(posterFiles()).toEqual(before.files);
    expect(t.studio.db.select().from(schema.posters).all()).toEqual(before.poster);
    expect(rowCount(t.studio, schema.brandKits)).toBe(0);

    const stored = await uploadPosterPhoto({
      db: t.studio.db,
      dataDir: t.dir,
      actor: writer.actor,
      pieceId: poster.id,
      bytes: good,
      now: t.studio.now(),
    });
    expect(stored).toMatchObject({ ok: true, version: 2 });
    expect(posterFiles()).toHaveLength(1);
  });
});
