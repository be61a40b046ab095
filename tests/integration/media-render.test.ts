import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { getJob } from "~/modules/jobs/queue.server";
import { startWorker } from "~/modules/jobs/worker.server";
import { mediaJobHandlers } from "~/modules/media/job-handlers.server";
import { ffmpegPath, runBinary } from "~/modules/media/ffmpeg.server";
import { probeMedia } from "~/modules/media/probe-media.server";
import { action as episodeAction, loader as episodeLoader } from "~/routes/_app.episodes.$id";
import { action as rendersAction, loader as rendersLoader } from "~/routes/api.v1.episodes.$id.renders";
import { action as scriptAction } from "~/routes/api.v1.episodes.$id.script";
import { loader as renderFile } from "~/routes/renders.$id.$file";
import {
  formRequest,
  getRequest,
  getStatus,
  jsonRequest,
  respond,
  signedInUser,
  withTestStudio,
} from "../setup/test-studio";
import {
  args,
  cancelJobAs,
  createEpisodeViaPage,
  cutInHalf,
  filesUnder,
  insertTestColumn,
  makeClip,
  makeStill,
  runMediaJobs,
  upload,
  uploadColumnAsset,
} from "./media-helpers";

const t = withTestStudio({ env: { RENDER_PRESET: "ultrafast" } });
let fixtures: string;
const clips: Record<string, string> = {};
const children: ChildProcess[] = [];

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "media-render-fixtures-"));
  clips.wide = await makeClip(fixtures, "wide.mp4", {
    video: "testsrc2=s=640x360:r=25",
    audio: "sine=frequency=440",
    seconds: 3,
  });
  clips.tall = await makeClip(fixtures, "tall.mp4", { video: "smptebars=s=360x640:r=30", seconds: 3 });
  clips.logo = await makeStill(fixtures, "logo.png", "color=c=0xff0000:s=64x64");
  clips.outro = await makeStill(fixtures, "outro.png", "color=c=0x00ff00:s=300x200");
  clips.jingle = await makeClip(fixtures, "jingle.m4a", { audio: "sine=frequency=660", seconds: 1 });
  // Cut in half after a faststart encode: ffprobe accepts it, the background decode fails it.
  const whole = await makeClip(fixtures, "whole.mp4", {
    video: "testsrc2=s=320x240:r=25",
    seconds: 2,
    outputOptions: ["-movflags", "+faststart"],
  });
  clips.cut = cutInHalf(whole, "cut.mp4");
  clips.long = await makeClip(fixtures, "long.mp4", {
    video: "testsrc2=s=640x360:r=25",
    audio: "sine=frequency=220",
    seconds: 10,
  });
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

afterEach(() => {
  for (const c of children) c.kill("SIGKILL");
});

const script = (lines: { voiceover: string; seconds: number }[], version: number) => ({
  version,
  lines: lines.map((l) => ({ ...l, caption: "", shotNote: "" })),
});

async function saveScript(id: number, cookie: string, body: unknown) {
  return respond(() =>
    scriptAction(
      args(jsonRequest(`/api/v1/episodes/${id}/script`, "PUT", body, { Cookie: cookie }), { id: String(id) }),
    ),
  );
}

async function requestRender(id: number, cookie: string, body: unknown = {}) {
  return respond(() =>
    rendersAction(
      args(jsonRequest(`/api/v1/episodes/${id}/renders`, "POST", body, { Cookie: cookie }), {
        id: String(id),
      }),
    ),
  );
}

/** An episode of a `seconds`-long column with two verified clips and a script that fits. */
async function readyEpisode(cookie: string, seconds = 4, footage = [clips.wide, clips.tall]) {
  const columnId = insertTestColumn(t, seconds);
  const id = await createEpisodeViaPage(columnId, cookie);
  for (const clip of footage) expect((await upload(id, clip, cookie)).status).toBe(201);
  await runMediaJobs(t);
  const saved = await saveScript(
    id,
    cookie,
    script(
      [
        { voiceover: "原厂雨刮", seconds: 1.5 },
        { voiceover: "三年质保", seconds: 1.5 },
      ],
      1,
    ),
  );
  expect(saved.status).toBe(200);
  return { id, columnId };
}

const versionRows = (id: number) =>
  t.studio.db.select().from(schema.episodeRenders).where(eq(schema.episodeRenders.pieceId, id)).all();

describe("episode renders", () => {
  it("renders through the job into version 1 of the column's length, downloadable by version id, and deletes it with an audit entry", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { id, columnId } = await readyEpisode(copy.cookie);
    // The column's logo (pure red) is burned into the top-right corner.
    const logoSaved = await uploadColumnAsset(columnId, "logo", clips.logo, editor.cookie, "logo.png");
    expect(logoSaved.status).toBe(200);

    const first = await requestRender(id, copy.cookie, { coverAtSecond: 1 });
    expect(first.status).toBe(202);
    const { job, created } = await first.json();
    expect(created).toBe(true);
    // The same script and clips while queued: the same job, not a second render.
    const again = await (await requestRender(id, copy.cookie, { coverAtSecond: 1 })).json();
    expect(again).toMatchObject({ created: false, job: { id: job.id } });

    await runMediaJobs(t);
    expect(getJob({ db: t.studio.db, jobId: job.id })!.status).toBe("succeeded");
    const [version] = versionRows(id);
    expect(version).toMatchObject({ number: 1, jobId: job.id, coverAtSecond: 1 });
    expect(version.videoPath).toBe(`renders/${id}/job-${job.id}.mp4`);
    expect(Math.abs(version.durationSeconds - 4)).toBeLessThanOrEqual(0.1);
    const probed = await probeMedia(path.join(t.dir, version.videoPath));
    expect(probed.ok && probed.probe.video).toMatchObject({ codec: "h264", width: 1080, height: 1920 });
    const thumb = await probeMedia(path.join(t.dir, version.thumbnailPath));
    expect(thumb.ok && thumb.probe.video).toMatchObject({ width: 270, height: 480 });
    expect(version.bytes).toBe(fs.statSync(path.join(t.dir, version.videoPath)).size);
    const pixel = await runBinary(ffmpegPath(), [
      "-v",
      "error",
      "-ss",
      "2",
      "-i",
      path.join(t.dir, version.videoPath),
      "-frames:v",
      "1",
      "-vf",
      "format=rgb24,crop=1:1:950:128",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ]);
    const [r, g, b] = pixel.stdoutBytes;
    expect(r).toBeGreaterThan(180);
    expect(Math.max(g, b)).toBeLessThan(80);

    const list = await (
      await respond(() =>
        rendersLoader(
          args(getRequest(`/api/v1/episodes/${id}/renders`, { Cookie: copy.cookie }), { id: String(id) }),
        ),
      )
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: version.id, number: 1, videoUrl: `/renders/${version.id}/video` }),
    ]);
    const video = await respond(() =>
      renderFile(
        args(getRequest(`/renders/${version.id}/video`, { Cookie: copy.cookie, Range: "bytes=0-99" }), {
          id: String(version.id),
          file: "video",
        }),
      ),
    );
    expect(video.status).toBe(206);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect((await video.arrayBuffer()).byteLength).toBe(100);
    expect(
      await getStatus(renderFile, `/renders/${version.id}/..%2F..%2Fstudio.sqlite`, copy.cookie, {
        id: String(version.id),
        file: "../../studio.sqlite",
      }),
    ).toBe(404);

    // A second render (an empty body means defaults) is version 2; the first stays until deleted.
    const bare = await respond(() =>
      rendersAction(
        args(
          new Request(`http://localhost/api/v1/episodes/${id}/renders`, {
            method: "POST",
            headers: { Cookie: copy.cookie },
          }),
          { id: String(id) },
        ),
      ),
    );
    expect(bare.status).toBe(202);
    expect(
      (
        await respond(() =>
          rendersAction(
            args(
              new Request(`http://localhost/api/v1/episodes/${id}/renders`, {
                method: "POST",
                body: "{oops",
                headers: { Cookie: copy.cookie, "Content-Type": "application/json" },
              }),
              { id: String(id) },
            ),
          ),
        )
      ).status,
    ).toBe(400);
    await runMediaJobs(t);
    expect(
      versionRows(id)
        .map((v) => v.number)
        .sort(),
    ).toEqual([1, 2]);
    const deleted = await respond(() =>
      episodeAction(
        args(
          formRequest(
            `/episodes/${id}`,
            { intent: "render-delete", renderId: String(version.id) },
            copy.cookie,
          ),
          { id: String(id) },
        ),
      ),
    );
    expect(deleted.status).toBe(200);
    expect(versionRows(id).map((v) => v.number)).toEqual([2]);
    expect(fs.existsSync(path.join(t.dir, version.videoPath))).toBe(false);
    expect(
      t.studio.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "episode.render.delete"))
        .get()!.n,
    ).toBe(1);
    expect(
      await getStatus(renderFile, `/renders/${version.id}/video`, copy.cookie, {
        id: String(version.id),
        file: "video",
      }),
    ).toBe(404);
    // No scratch or half-written files anywhere.
    expect(filesUnder(path.join(t.dir, "tmp"))).toEqual([]);
    expect(filesUnder(path.join(t.dir, "renders")).filter((f) => path.basename(f).startsWith("."))).toEqual(
      [],
    );
  });

  it("uses the column's intro image, outro image and recorded outro audio and still lands on the column's length", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const { id, columnId } = await readyEpisode(copy.cookie);
    const brand = (role: string, file: string) => uploadColumnAsset(columnId, role, file, editor.cookie);
    expect((await brand("intro", clips.logo)).status).toBe(200);
    expect((await brand("outro_audio", clips.jingle)).status).toBe(200);
    expect((await brand("outro", clips.outro)).status).toBe(200);
    // A video is not a recording.
    expect((await brand("outro_audio", clips.wide)).status).toBe(415);
    expect((await requestRender(id, copy.cookie)).status).toBe(202);
    await runMediaJobs(t);
    const [version] = versionRows(id);
    expect(Math.abs(version.durationSeconds - 4)).toBeLessThanOrEqual(0.1);
    // The intro image (pure red) fills the first half second.
    const pixel = await runBinary(ffmpegPath(), [
      "-v",
      "error",
      "-ss",
      "0.2",
      "-i",
      path.join(t.dir, version.videoPath),
      "-frames:v",
      "1",
      "-vf",
      "format=rgb24,crop=1:1:540:200",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ]);
    expect(pixel.stdoutBytes[0]).toBeGreaterThan(180);
    // The outro image (pure green) fills the outro card behind the line.
    const outroPixel = await runBinary(ffmpegPath(), [
      "-v",
      "error",
      "-ss",
      "3.8",
      "-i",
      path.join(t.dir, version.videoPath),
      "-frames:v",
      "1",
      "-vf",
      "format=rgb24,crop=1:1:540:1700",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ]);
    expect(outroPixel.stdoutBytes[1]).toBeGreaterThan(180);
    expect(outroPixel.stdoutBytes[0]).toBeLessThan(80);
  });

  it("refuses a host (403), unknown episodes (404) and a bad cover second (400), queueing nothing", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const { id } = await readyEpisode(copy.cookie);
    const jobsBefore = t.studio.db.select({ n: count() }).from(schema.jobs).get()!.n;
    expect((await requestRender(id, host.cookie)).status).toBe(403);
    expect((await requestRender(987_654, copy.cookie)).status).toBe(404);
    const bad = await requestRender(id, copy.cookie, { coverAtSecond: "soon" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("coverAtSecond");
    expect((await requestRender(id, copy.cookie, { coverAtSecond: 99 })).status).toBe(400);
    expect(t.studio.db.select({ n: count() }).from(schema.jobs).get()!.n).toBe(jobsBefore);
  });

  it("shows a clip that failed its check as failed, and the render says it left it out", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { id } = await readyEpisode(copy.cookie, 4, [clips.wide, clips.cut, clips.tall]);
    const page = async () =>
      (
        await respond(() =>
          episodeLoader(args(getRequest(`/episodes/${id}`, { Cookie: copy.cookie }), { id: String(id) })),
        )
      ).json();
    const before = await page();
    expect(before.clips.map((c: { verifyStatus: string }) => c.verifyStatus)).toEqual([
      "verified",
      "failed",
      "verified",
    ]);
    const failed = before.clips[1];
    expect(failed.verifyError).toContain("损坏");

    const { job } = await (await requestRender(id, copy.cookie)).json();
    await runMediaJobs(t);
    expect(getJob({ db: t.studio.db, jobId: job.id })!.status).toBe("succeeded");
    expect(versionRows(id)).toHaveLength(1);
    const after = await page();
    expect(after.renderJob.result.skippedClips).toEqual([
      expect.objectContaining({ assetId: failed.id, name: "cut.mp4", position: 2, verifyStatus: "failed" }),
    ]);
    expect(after.renderJob.result.warnings[0]).toMatch(/第 2 段素材「cut\.mp4」未通过检测，没有用于这次合成/);

    // The failed clip can be deleted from the list; the next render leaves nothing out.
    const deleted = await respond(() =>
      episodeAction(
        args(
          formRequest(`/episodes/${id}`, { intent: "clip-delete", assetId: String(failed.id) }, copy.cookie),
          {
            id: String(id),
          },
        ),
      ),
    );
    expect(deleted.status).toBe(200);
    expect((await page()).clips).toHaveLength(2);
  });

  it("refuses to render before any clip is verified", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const none = await requestRender(id, copy.cookie);
    expect(none.status).toBe(409);
    expect((await upload(id, clips.wide, copy.cookie)).status).toBe(201);
    const pending = await requestRender(id, copy.cookie);
    expect(pending.status).toBe(409);
    expect((await pending.json()).error.message).toContain("检测");
  });
});

describe("cancelling a render", () => {
  it("stops ffmpeg, marks the job cancelled, writes no version and leaves no files", async () => {
    delete process.env.RENDER_PRESET;
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { id } = await readyEpisode(copy.cookie, 8, [clips.long, clips.tall]);
    const { job } = await (await requestRender(id, copy.cookie)).json();
    const worker = startWorker({
      studio: t.studio,
      handlers: mediaJobHandlers,
      logger,
      pollMs: 20,
      heartbeatMs: 100,
    });
    try {
      await expect
        .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.progress ?? 0, {
          timeout: 60_000,
          interval: 20,
        })
        .toBeGreaterThan(0.02);
      const cancelled = await cancelJobAs(job.id, copy.cookie);
      expect(cancelled.status).toBe(200);
      await expect
        .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 30_000, interval: 50 })
        .toBe("cancelled");
      await worker.idle();
    } finally {
      await worker.stop();
    }
    expect(versionRows(id)).toHaveLength(0);
    expect(filesUnder(path.join(t.dir, "tmp"))).toEqual([]);
    expect(filesUnder(path.join(t.dir, "renders"))).toEqual([]);
  });
});

describe("script editor and the submit gate", () => {
  it("saves lines with an optimistic version, refuses stale and malformed saves, and holds an overrunning script from review", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t, 4), copy.cookie);
    expect((await saveScript(id, copy.cookie, script([{ voiceover: "开场白", seconds: 1 }], 1))).status).toBe(
      200,
    );
    const stale = await saveScript(id, copy.cookie, script([{ voiceover: "别人的版本", seconds: 1 }], 1));
    expect(stale.status).toBe(409);
    for (const [body, field] of [
      [script([{ voiceover: "", seconds: 1 }], 2), "lines.0.voiceover"],
      [script([{ voiceover: "字".repeat(201), seconds: 1 }], 2), "lines.0.voiceover"],
      [script([{ voiceover: "秒数", seconds: 0 }], 2), "lines.0.seconds"],
      [{ version: 2, lines: "一句话" }, "lines"],
      [{ lines: [] }, "version"],
    ] as const) {
      const res = await saveScript(id, copy.cookie, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }

    // 0.5 s intro + 6 s of lines + 0.5 s outro on a 4 s column: 3 s over.
    const page = (fields: Record<string, string>) =>
      respond(() =>
        episodeAction(args(formRequest(`/episodes/${id}`, fields, copy.cookie), { id: String(id) })),
      );
    const overrun = await page({
      intent: "save-script",
      version: "2",
      lines: JSON.stringify([{ voiceover: "太长的脚本", caption: "", shotNote: "", seconds: 6 }]),
    });
    expect(overrun.status).toBe(200);
    const refused = await page({ intent: "submit" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/超时.*超过栏目时长 4 秒/);
    const loaded = await (
      await respond(() =>
        episodeLoader(args(getRequest(`/episodes/${id}`, { Cookie: copy.cookie }), { id: String(id) })),
      )
    ).json();
    expect(loaded.episode.status).toBe("draft");
    expect(loaded.lines).toEqual([expect.objectContaining({ voiceover: "太长的脚本", seconds: 6 })]);

    // Too fast: 12 characters in 1 s.
    await page({
      intent: "save-script",
      version: "3",
      lines: JSON.stringify([
        { voiceover: "一二三四五六七八九十十一", caption: "", shotNote: "", seconds: 1 },
      ]),
    });
    const fast = await page({ intent: "submit" });
    expect(fast.status).toBe(409);
    expect((await fast.json()).error).toContain("语速过快");

    await page({
      intent: "save-script",
      version: "4",
      lines: JSON.stringify([{ voiceover: "原厂雨刮", caption: "", shotNote: "", seconds: 2 }]),
    });
    expect((await page({ intent: "submit" })).status).toBe(200);
  });
});

describe("a render interrupted by a crash", () => {
  it("runs again after a restart, completes once, one version row, no temp files", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const { id } = await readyEpisode(copy.cookie, 8, [clips.long, clips.tall]);
    const queued = await requestRender(id, copy.cookie);
    expect(queued.status).toBe(202);
    const { job } = await queued.json();

    const start = () => {
      // One process (no tsx wrapper), so SIGKILL really kills the worker mid-render; the default preset keeps it busy long enough.
      const { RENDER_PRESET: _preset, ...env } = process.env;
      const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/media-render-worker.ts"], {
        env: { ...env, DATA_DIR: t.dir, LOG_LEVEL: "silent" },
        stdio: "ignore",
      });
      children.push(child);
      return child;
    };
    const first = start();
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.progress ?? 0, {
        timeout: 90_000,
        interval: 50,
      })
      .toBeGreaterThan(0.05);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(getJob({ db: t.studio.db, jobId: job.id })!.status).toBe("running");
    expect(versionRows(id)).toHaveLength(0);

    start();
    await expect
      .poll(() => getJob({ db: t.studio.db, jobId: job.id })?.status, { timeout: 150_000, interval: 200 })
      .toBe("succeeded");
    const done = getJob({ db: t.studio.db, jobId: job.id })!;
    expect(done.attempts).toBe(2);
    const versions = versionRows(id);
    expect(versions).toHaveLength(1);
    expect(Math.abs(versions[0].durationSeconds - 8)).toBeLessThanOrEqual(0.1);
    expect(filesUnder(path.join(t.dir, "tmp"))).toEqual([]);
    expect(filesUnder(path.join(t.dir, "renders")).sort()).toEqual(
      [`${id}/job-${job.id}-cover.jpg`, `${id}/job-${job.id}-thumb.jpg`, `${id}/job-${job.id}.mp4`].sort(),
    );
  }, 300_000);
});
