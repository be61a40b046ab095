import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { action as episodeAction, loader as episodeLoader } from "~/routes/_app.episodes.$id";
import { loader as clipsLoader } from "~/routes/api.v1.episodes.$id.media";
import {
  createTestStudio,
  formRequest,
  getRequest,
  respond,
  signedInUser,
  type TestStudio,
} from "../setup/test-studio";
import {
  args,
  assetsOf,
  createEpisodeViaPage,
  filesUnder,
  insertTestColumn,
  makeClip,
  runMediaJobs,
  upload,
} from "./media-helpers";

let t: TestStudio;
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
  const bytes = fs.readFileSync(files.good);
  files.truncated = path.join(fixtures, "truncated.mp4");
  fs.writeFileSync(files.truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  files.text = path.join(fixtures, "notes.mp4");
  fs.writeFileSync(files.text, "这不是视频，只是一段改了扩展名的文字。\n".repeat(20));
  files.audio = await makeClip(fixtures, "voice.mp4", { audio: "sine=frequency=330", seconds: 2 });
  files.empty = path.join(fixtures, "empty.mp4");
  fs.writeFileSync(files.empty, "");
  files.still = await makeClip(fixtures, "still.png", {
    video: "color=c=0x336699:s=400x300",
    seconds: 1,
    videoCodecOptions: ["-frames:v", "1"],
  });
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

beforeEach(() => (t = createTestStudio()));
afterEach(() => {
  delete process.env.MAX_UPLOAD_BYTES;
  t.cleanup();
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
