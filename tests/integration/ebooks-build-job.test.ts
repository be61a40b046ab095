import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import type { Actor } from "~/modules/auth/actor";
import { buildEbookHandler } from "~/modules/ebooks/build-ebook.server";
import { insertBook } from "~/modules/ebooks/create-book.server";
import { requestBuild } from "~/modules/ebooks/request-build.server";
import { ebookJobHandlers } from "~/modules/ebooks/job-handlers.server";
import { PermanentJobError, startWorker, type JobContext } from "~/modules/jobs/worker.server";
import { signedInUser, withTestStudio } from "../setup/test-studio";
import { bookInput } from "./ebooks-helpers";

const t = withTestStudio();

function makeBook(actor: Actor, markdown = "雨季出行前，先检查雨刮和轮胎。") {
  const now = new Date();
  return t.studio.db.transaction((tx) => {
    const pieceId = insertBook(tx, {
      actor,
      now,
      input: bookInput("ebook", "测试书"),
    });
    const sectionId = tx
      .insert(schema.ebookSections)
      .values({ pieceId, title: "雨季", position: 1 })
      .returning()
      .get().id;
    tx.insert(schema.ebookChapters)
      .values({ pieceId, sectionId, title: "第一章", markdown, position: 1, version: 1, updatedAt: now })
      .run();
    return pieceId;
  });
}

/** Runs the handler the way the worker does, with a hand-made context. */
function context(
  jobId: number,
  signal: AbortSignal = new AbortController().signal,
): { ctx: JobContext; progress: number[] } {
  const job = t.studio.db
    .select()
    .from(schema.jobs)
    .all()
    .find((j) => j.id === jobId)!;
  const progress: number[] = [];
  return {
    progress,
    ctx: { job, studio: t.studio, signal, logger, reportProgress: (f) => progress.push(f) },
  };
}

const tmpEntries = () =>
  fs.existsSync(path.join(t.dir, "tmp")) ? fs.readdirSync(path.join(t.dir, "tmp")) : [];

/** A writer's book with a screen build queued for it (the job not yet run). */
async function queuedScreenBuild() {
  const { actor } = await signedInUser(t.studio, ["copywriter"]);
  const pieceId = makeBook(actor);
  const queued = requestBuild({
    db: t.studio.db,
    actor,
    pieceId,
    profile: "screen",
    publicBaseUrl: "https://studio.example",
    now: new Date(),
  });
  if (!queued.ok) throw new Error(queued.message);
  return { actor, pieceId, queued };
}

describe("the ebook.build job", () => {
  it("reports rising progress, writes one version row on commit and is safe to re-run", async () => {
    const { pieceId, queued } = await queuedScreenBuild();
    // A crashed earlier attempt left its work dir behind.
    fs.mkdirSync(path.join(t.dir, "tmp", `ebook-build-${queued.job.id}-dead`), { recursive: true });
    const { ctx, progress } = context(queued.job.id);
    const outcome = await buildEbookHandler(ctx);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(0.9);
    expect(tmpEntries()).toEqual([]);
    const { sha256, pages } = outcome.result as { sha256: string; pages: number };
    expect(fs.existsSync(path.join(t.dir, "ebooks", "builds", String(pieceId), `${sha256}.pdf`))).toBe(true);
    // Nothing is recorded until the commit runs with the job's success, and only once.
    expect(t.studio.db.select().from(schema.ebookBuilds).all()).toHaveLength(0);
    t.studio.db.transaction((tx) => outcome.commit!(tx));
    t.studio.db.transaction((tx) => outcome.commit!(tx));
    const rows = t.studio.db.select().from(schema.ebookBuilds).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pieceId, jobId: queued.job.id, profile: "screen", pages, sha256 });
    expect(rows[0].snapshot.sections[0].chapters[0].title).toBe("第一章");
  });

  it("stores nothing and cleans its work dir when cancelled", async () => {
    const { queued } = await queuedScreenBuild();
    const abort = new AbortController();
    abort.abort(new Error("cancelled"));
    await expect(buildEbookHandler(context(queued.job.id, abort.signal).ctx)).rejects.toThrow("cancelled");
    expect(tmpEntries()).toEqual([]);
    expect(fs.existsSync(path.join(t.dir, "ebooks", "builds"))).toBe(false);
  });

  it("fails permanently, naming the chapter, when a chapter became empty after the build was queued", async () => {
    const { queued } = await queuedScreenBuild();
    t.studio.db.update(schema.ebookChapters).set({ markdown: "   " }).run();
    const run = buildEbookHandler(context(queued.job.id).ctx);
    await expect(run).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run).rejects.toThrow(/第一章/);
    expect(tmpEntries()).toEqual([]);
  });

  it("the worker runs it end to end and the job's result names the version", async () => {
    const { actor, pieceId } = await queuedScreenBuild();
    const worker = startWorker({ studio: t.studio, handlers: ebookJobHandlers, logger, pollMs: 20 });
    try {
      await expect
        .poll(() => t.studio.db.select().from(schema.jobs).all()[0].status, { timeout: 30_000 })
        .toBe("succeeded");
    } finally {
      await worker.stop();
    }
    const job = t.studio.db.select().from(schema.jobs).all()[0];
    const build = t.studio.db.select().from(schema.ebookBuilds).all()[0];
    expect(job.result).toMatchObject({
      pieceId,
      profile: "screen",
      pages: build.pages,
      sha256: build.sha256,
    });
    const audit = t.studio.db
      .select()
      .from(schema.auditLog)
      .all()
      .filter((a) => a.action === "ebook.build");
    expect(audit).toHaveLength(1);
    expect(audit[0].actorLabel).toBe(actor.email);
  });
});
