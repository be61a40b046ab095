import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { getJob } from "~/modules/jobs/queue.server";
import { ffprobePath } from "~/modules/media/ffmpeg.server";
import { action as episodeAction, loader as episodeLoader } from "~/routes/_app.episodes.$id";
import { loader as clipsLoader } from "~/routes/api.v1.episodes.$id.media";
import { formRequest, getRequest, respond, signedInUser, withTestStudio } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";
import {
  args,
  assetsOf,
  cancelJobAs,
  createEpisodeViaPage,
  cutInHalf,
  filesUnder,
  insertTestColumn,
  makeClip,
  makeStill,
  runMediaJobs,
  upload,
  uploadRaw,
} from "./media-helpers";

const t = withTestStudio();
let fixtures: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "media-fixtures-"));
  // A plain (not faststart) MP4 keeps its index at the end: cut in the middle, it has none.
  files.good = await makeClip(fixtures, "good.mp4", {
    video: "testsrc2=s=320x240:r=25",
    audio: "sine=frequency=440",
    seconds: 2,
  });
  files.truncated = cutInHalf(files.good, "truncated.mp4");
  files.text = path.join(fixtures, "notes.mp4");
  fs.writeFileSync(files.text, "这不是视频，只是一段改了扩展名的文字。\n".repeat(20));
  files.audio = await makeClip(fixtures, "voice.mp4", { audio: "sine=frequency=330", seconds: 2 });
  files.empty = path.join(fixtures, "empty.mp4");
  fs.writeFileSync(files.empty, "");
  files.still = await makeStill(fixtures, "still.png", "color=c=0x336699:s=400x300");
  // A JPEG cut short: ffprobe reads its header, and plain `ffmpeg -xerror` decodes it with exit 0.
  files.photo = await makeStill(fixtures, "photo.jpg", "testsrc2=s=320x240");
  files.cutPhoto = cutInHalf(files.photo, "cut-photo.jpg");
  // A faststart MP4 cut in half keeps a valid header: only the full decode finds the damage.
  files.faststart = await makeClip(fixtures, "faststart.mp4", {
    video: "testsrc2=s=320x240:r=25",
    audio: "sine=frequency=440",
    seconds: 2,
    outputOptions: ["-movflags", "+faststart"],
  });
  files.cutClip = cutInHalf(files.faststart, "cut-clip.mp4");
  // Playlists that would make ffprobe open other files or URLs, renamed .mp4.
  files.hls = path.join(fixtures, "playlist.mp4");
  fs.writeFileSync(
    files.hls,
    `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttp://127.0.0.1:9/a.ts\n#EXTINF:2,\nfile://${files.good}\n#EXT-X-ENDLIST\n`,
  );
  files.concat = path.join(fixtures, "concat.mp4");
  fs.writeFileSync(
    files.concat,
    `ffconcat version 1.0\nfile 'http://127.0.0.1:9/a.mp4'\nfile '${files.good}'\n`,
  );
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

afterEach(() => {
  delete process.env.MAX_UPLOAD_BYTES;
});

const mediaDir = () => path.join(t.dir, "media");
const rows = () => t.studio.db.select({ n: count() }).from(schema.mediaAssets).get()!.n;

describe("footage upload", () => {
  it("streams a clip to disk, lists it with its probe, then verifies it in the background", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const res = await upload(id, files.good, copy.cookie, "门店外景 第1条.mp4");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.asset).toMatchObject({
      originalName: "门店外景 第1条.mp4",
      kind: "video",
      width: 320,
      height: 240,
      hasAudio: true,
      verifyStatus: "pending",
      bytes: fs.statSync(files.good).size,
    });
    expect(body.asset.durationSeconds).toBeCloseTo(2, 0);
    expect(body.job).toMatchObject({ type: "media.verify", status: "queued" });
    // Stored under a generated name, never the uploaded one.
    const stored = filesUnder(mediaDir());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^episodes\/\d+\/clip-[0-9a-f]{16}\.mp4$/);

    await runMediaJobs(t);
    const list = await (
      await respond(() =>
        clipsLoader(
          args(getRequest(`/api/v1/episodes/${id}/media`, { Cookie: copy.cookie }), { id: String(id) }),
        ),
      )
    ).json();
    expect(list.items).toEqual([expect.objectContaining({ id: body.asset.id, verifyStatus: "verified" })]);
  });

  it("refuses a truncated MP4, a renamed text file, an audio-only file and an empty file, leaving no file and no row", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const cases = [
      { file: files.truncated, status: 422, code: "corrupt", message: "损坏" },
      { file: files.text, status: 415, code: "not_media", message: "无法识别" },
      { file: files.audio, status: 415, code: "audio_only", message: "只有声音" },
      { file: files.empty, status: 422, code: "empty_file", message: "空的" },
    ];
    for (const c of cases) {
      const res = await upload(id, c.file, copy.cookie);
      expect(res.status, c.file).toBe(c.status);
      const { error } = await res.json();
      expect(error).toMatchObject({ code: c.code, field: "file" });
      expect(error.message).toContain(c.message);
    }
    expect(rows()).toBe(0);
    expect(filesUnder(mediaDir())).toEqual([]);
  });

  it("refuses an upload over MAX_UPLOAD_BYTES with 413 while streaming, keeping nothing", async () => {
    process.env.MAX_UPLOAD_BYTES = "4096";
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const res = await upload(id, files.good, copy.cookie);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toContain("4096 字节");
    expect(rows()).toBe(0);
    expect(filesUnder(mediaDir())).toEqual([]);
  });

  it("refuses a host (403) and unknown episodes (404) before reading the body", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const other = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    expect((await upload(id, files.good, host.cookie)).status).toBe(403);
    // Another copywriter's draft is not theirs to change.
    expect((await upload(id, files.good, other.cookie)).status).toBe(403);
    expect((await upload(999_999, files.good, copy.cookie)).status).toBe(404);
    expect(rows()).toBe(0);
    expect(filesUnder(mediaDir())).toEqual([]);
  });

  it("accepts a still image, reorders and deletes clips with an audit entry each", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const first = (await (await upload(id, files.good, copy.cookie)).json()).asset;
    const second = (await (await upload(id, files.still, copy.cookie)).json()).asset;
    expect(second).toMatchObject({ kind: "image", width: 400, height: 300 });
    const act = (fields: Record<string, string>, cookie = copy.cookie) =>
      respond(() => episodeAction(args(formRequest(`/episodes/${id}`, fields, cookie), { id: String(id) })));
    expect((await act({ intent: "clip-up", assetId: String(second.id) })).status).toBe(200);
    const page = await (
      await respond(() =>
        episodeLoader(args(getRequest(`/episodes/${id}`, { Cookie: copy.cookie }), { id: String(id) })),
      )
    ).json();
    expect(page.clips.map((c: { id: number }) => c.id)).toEqual([second.id, first.id]);
    expect((await act({ intent: "clip-delete", assetId: "abc" })).status).toBe(400);
    expect((await act({ intent: "clip-delete", assetId: "424242" })).status).toBe(404);
    expect((await act({ intent: "clip-delete", assetId: String(first.id) })).status).toBe(200);
    expect(assetsOf(t, id).map((a) => a.id)).toEqual([second.id]);
    expect(filesUnder(mediaDir())).toHaveLength(1);
    const audits = t.studio.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(id)))
      .all()
      .map((a) => a.action);
    expect(audits).toEqual(
      expect.arrayContaining(["episode.media.upload", "episode.media.reorder", "episode.media.delete"]),
    );
  });
});

const pageOf = async (id: number, cookie: string) =>
  (
    await respond(() =>
      episodeLoader(args(getRequest(`/episodes/${id}`, { Cookie: cookie }), { id: String(id) })),
    )
  ).json();

const clipAction = (id: number, fields: Record<string, string>, cookie: string) =>
  respond(() => episodeAction(args(formRequest(`/episodes/${id}`, fields, cookie), { id: String(id) })));

describe("strict checks of stills and clips", () => {
  it("refuses a JPEG cut short at upload with its own message, and the verify job fails one cut later", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const refused = await upload(id, files.cutPhoto, copy.cookie, "门店外景.jpg");
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: "incomplete_image", field: "file" });
    expect(rows()).toBe(0);
    expect(filesUnder(mediaDir())).toEqual([]);

    // A whole photo passes; if its file is cut afterwards, the background check decodes it too.
    const res = await upload(id, files.photo, copy.cookie);
    expect(res.status).toBe(201);
    const { asset } = await res.json();
    const stored = path.join(mediaDir(), filesUnder(mediaDir())[0]);
    fs.copyFileSync(files.cutPhoto, stored);
    await runMediaJobs(t);
    const [row] = assetsOf(t, id);
    expect(row).toMatchObject({ id: asset.id, verifyStatus: "failed" });
    expect(row.verifyError).toContain("图片不完整");
  });

  it("fails a truncated clip in the background check, shows it failed with its reason, and re-checks it", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const res = await upload(id, files.cutClip, copy.cookie, "半截素材.mp4");
    expect(res.status).toBe(201);
    const { asset, job } = await res.json();
    await runMediaJobs(t);
    let page = await pageOf(id, copy.cookie);
    expect(page.clips).toEqual([
      expect.objectContaining({
        id: asset.id,
        verifyStatus: "failed",
        verifyError: expect.stringContaining("损坏"),
      }),
    ]);

    // The file was fine after all (say, ffmpeg was killed): a re-check runs a new job and clears it.
    fs.copyFileSync(files.faststart, path.join(mediaDir(), filesUnder(mediaDir())[0]));
    expect(
      (await clipAction(id, { intent: "clip-recheck", assetId: String(asset.id) }, copy.cookie)).status,
    ).toBe(200);
    const [row] = assetsOf(t, id);
    expect(row.verifyStatus).toBe("pending");
    expect(row.verifyJobId).not.toBe(job.id);
    await runMediaJobs(t);
    page = await pageOf(id, copy.cookie);
    expect(page.clips[0]).toMatchObject({ verifyStatus: "verified", verifyError: null });
    // Nothing left to re-check.
    expect(
      (await clipAction(id, { intent: "clip-recheck", assetId: String(asset.id) }, copy.cookie)).status,
    ).toBe(409);
    expect(auditRows(t.studio, "episode.media.recheck")).toHaveLength(1);
  });

  it("lets a cancelled check be queued again (its key is not spent for good)", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const other = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const { asset, job } = await (await upload(id, files.good, copy.cookie)).json();
    const cancelled = await cancelJobAs(job.id, copy.cookie);
    expect(cancelled.status).toBe(200);
    // Shown as failed, not as "checking" for ever, and left out of renders.
    const page = await pageOf(id, copy.cookie);
    expect(page.clips[0]).toMatchObject({
      verifyStatus: "failed",
      verifyError: expect.stringContaining("取消"),
    });

    expect(
      (await clipAction(id, { intent: "clip-recheck", assetId: String(asset.id) }, other.cookie)).status,
    ).toBe(403);
    expect((await clipAction(id, { intent: "clip-recheck", assetId: "424242" }, copy.cookie)).status).toBe(
      404,
    );
    expect(
      (await clipAction(id, { intent: "clip-recheck", assetId: String(asset.id) }, copy.cookie)).status,
    ).toBe(200);
    // A second click while it is queued: the same job, not another.
    expect(
      (await clipAction(id, { intent: "clip-recheck", assetId: String(asset.id) }, copy.cookie)).status,
    ).toBe(200);
    const verifyJobs = t.studio.db
      .select()
      .from(schema.jobs)
      .where(eq(schema.jobs.type, "media.verify"))
      .all();
    expect(verifyJobs.map((j) => [j.status, j.idempotencyKey])).toEqual([
      ["cancelled", `media.verify:${asset.id}`],
      ["queued", `media.verify:${asset.id}:after-${job.id}`],
    ]);
    await runMediaJobs(t);
    expect(getJob({ db: t.studio.db, jobId: verifyJobs[1].id })!.status).toBe("succeeded");
    expect(assetsOf(t, id)[0]).toMatchObject({ verifyStatus: "verified", verifyJobId: verifyJobs[1].id });
  });
});

describe("odd file names and malformed bodies", () => {
  it("accepts a file name with = and ; as browsers send it (was 500)", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const res = await upload(id, files.good, copy.cookie, "a=b;c.mp4");
    expect(res.status).toBe(201);
    expect((await res.json()).asset.originalName).toBe("a=b;c.mp4");
    // Written by hand, byte for byte as Chrome sends it (names raw in UTF-8, quotes as %22).
    const boundary = "----WebKitFormBoundaryStudio0001";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="门店=外景;第2条 %22终版%22.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
      ),
      fs.readFileSync(files.good),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const raw = await uploadRaw(id, body, boundary, copy.cookie);
    expect(raw.status).toBe(201);
    expect((await raw.json()).asset.originalName).toBe('门店=外景;第2条 "终版".mp4');
  });

  it("answers a body cut off 400 in Chinese, keeping no file and no row", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
    const boundary = "----WebKitFormBoundaryStudio0002";
    const filePart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
      ),
      fs.readFileSync(files.good),
    ]);
    const bodies = [
      // Cut inside the file.
      filePart,
      // The file whole and written to disk, then cut inside the next part's headers.
      Buffer.concat([filePart, Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-da`)]),
    ];
    for (const body of bodies) {
      const res = await uploadRaw(id, body, boundary, copy.cookie);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({
        code: "bad_multipart",
        message: expect.stringContaining("上传"),
      });
    }
    expect(rows()).toBe(0);
    expect(filesUnder(mediaDir())).toEqual([]);
  });
});

describe("what reaches ffprobe", () => {
  it("refuses playlists renamed .mp4 (415) before ffprobe runs, and probes media as local files only", async () => {
    const log = path.join(fixtures, "ffprobe-calls.log");
    const wrapper = path.join(fixtures, "ffprobe-logging.sh");
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec '${ffprobePath()}' "$@"\n`, {
      mode: 0o755,
    });
    process.env.FFPROBE_PATH = wrapper;
    try {
      const copy = await signedInUser(t.studio, ["copywriter"]);
      const id = await createEpisodeViaPage(insertTestColumn(t), copy.cookie);
      for (const file of [files.hls, files.concat]) {
        const res = await upload(id, file, copy.cookie);
        expect(res.status, file).toBe(415);
        expect((await res.json()).error.code).toBe("not_media");
      }
      expect(fs.existsSync(log)).toBe(false);
      expect(rows()).toBe(0);
      expect(filesUnder(mediaDir())).toEqual([]);

      // A real clip is probed, with only the file protocol and media demuxers allowed.
      expect((await upload(id, files.good, copy.cookie)).status).toBe(201);
      const calls = fs.readFileSync(log, "utf8").trim().split("\n");
      expect(calls).toHaveLength(1);
      expect(calls[0]).toContain("-protocol_whitelist file");
      expect(calls[0]).toMatch(/-format_whitelist \S*mov\S*/);
      expect(calls[0]).not.toMatch(/-format_whitelist \S*(hls|concat)/);
    } finally {
      delete process.env.FFPROBE_PATH;
    }
  });
});
