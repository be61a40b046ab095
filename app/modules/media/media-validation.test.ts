import { mkdtemp, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFfmpegCapabilities, ffmpegPath, runBinary } from "./ffmpeg.server";
import { makeLavfiClip, type LavfiClipSpec } from "./make-sample-clips.server";
import { probeMedia } from "./probe-media.server";
import { saveUploadStream } from "./save-upload-stream.server";
import { validateMediaFile, verifyFullDecode } from "./validate-media-file.server";

let dir: string;
const MB = 1024 * 1024;

async function make(name: string, spec: LavfiClipSpec): Promise<string> {
  const made = await makeLavfiClip({ outputPath: path.join(dir, name), spec });
  if (!made.ok) throw new Error(made.message);
  return made.path;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "media-validate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("validateMediaFile", () => {
  it("accepts a real clip and reports what the planner needs", async () => {
    const file = await make("ok.mp4", {
      video: "testsrc2=s=640x360:r=25",
      audio: "sine=frequency=440",
      seconds: 2,
    });
    const result = await validateMediaFile({ path: file, maxBytes: 50 * MB });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.type).toBe("mp4");
    expect(result.probe.video).toMatchObject({ codec: "h264", width: 640, height: 360, sar: 1, fps: 25 });
    expect(result.probe.hasAudio).toBe(true);
    expect(result.probe.durationSeconds).toBeCloseTo(2, 1);
    expect(await verifyFullDecode({ path: file })).toEqual({ ok: true });
  });

  it("refuses a file truncated in the middle, which ffprobe alone accepts", async () => {
    const file = await make("cut.mp4", {
      video: "testsrc2=s=640x360:r=25",
      audio: "sine=frequency=440",
      seconds: 3,
      outputOptions: ["-movflags", "+faststart"],
    });
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2));
    const quick = await validateMediaFile({ path: file, maxBytes: 50 * MB });
    expect(quick.ok).toBe(true);
    const full = await verifyFullDecode({ path: file });
    expect(full).toMatchObject({ ok: false, code: "corrupt" });
    if (!full.ok) expect(full.message).toContain("损坏");
  });

  it("refuses a JPEG cut short (which plain -xerror decodes with exit 0) as an incomplete image", async () => {
    const photo = await make("photo.jpg", {
      video: "testsrc2=s=320x240",
      seconds: 1,
      videoCodecOptions: ["-frames:v", "1"],
    });
    expect(await validateMediaFile({ path: photo, maxBytes: 50 * MB })).toMatchObject({
      ok: true,
      type: "jpeg",
    });
    expect(await verifyFullDecode({ path: photo, kind: "image" })).toEqual({ ok: true });
    const { size } = await stat(photo);
    await truncate(photo, Math.floor(size / 2));
    // The old check: exits 0 on this file.
    const lenient = await runBinary(ffmpegPath(), ["-v", "quiet", "-xerror", "-i", photo, "-f", "null", "-"]);
    expect(lenient.code).toBe(0);
    const quick = await validateMediaFile({ path: photo, maxBytes: 50 * MB });
    expect(quick).toMatchObject({ ok: false, code: "incomplete_image" });
    if (!quick.ok) expect(quick.message).toContain("图片不完整");
    expect(await verifyFullDecode({ path: photo, kind: "image" })).toMatchObject({
      ok: false,
      code: "incomplete_image",
      message: expect.stringContaining("图片不完整"),
    });
    const png = await make("still-cut.png", {
      video: "testsrc2=s=320x240",
      seconds: 1,
      videoCodecOptions: ["-frames:v", "1"],
    });
    await truncate(png, Math.floor((await stat(png)).size * 0.8));
    expect(await validateMediaFile({ path: png, maxBytes: 50 * MB })).toMatchObject({
      ok: false,
      code: "incomplete_image",
    });
  });

  it("fails a cut Matroska clip, where ffmpeg exits 0 but reports a read error", async () => {
    const mkv = await make("cut.mkv", { video: "testsrc2=s=320x240:r=25", seconds: 2 });
    expect(await verifyFullDecode({ path: mkv })).toEqual({ ok: true });
    await truncate(mkv, Math.floor((await stat(mkv)).size / 2));
    expect(await verifyFullDecode({ path: mkv })).toMatchObject({ ok: false, code: "corrupt" });
  });

  it("never probes a playlist, and ffprobe itself opens no playlist or URL", async () => {
    const target = await make("target.mp4", { video: "testsrc2=s=320x240:r=25", seconds: 1 });
    const hls = path.join(dir, "list.m3u8");
    await writeFile(hls, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile://${target}\n#EXT-X-ENDLIST\n`);
    expect(await validateMediaFile({ path: hls, maxBytes: 50 * MB })).toMatchObject({
      ok: false,
      code: "not_media",
    });
    // Even handed one directly (named .m3u8 so ffprobe would recognise it), the probe refuses it.
    expect(await probeMedia(hls)).toMatchObject({ ok: false });
    expect(await probeMedia(target)).toMatchObject({ ok: true });
  });

  it("refuses a text file renamed .mp4", async () => {
    const file = path.join(dir, "notes.mp4");
    await writeFile(file, "这不是视频，只是一段文字。\n".repeat(50));
    expect(await validateMediaFile({ path: file, maxBytes: 50 * MB })).toMatchObject({
      ok: false,
      code: "not_media",
    });
  });

  it("refuses an audio-only file", async () => {
    const file = await make("voice.m4a", { audio: "sine=frequency=300", seconds: 1 });
    const result = await validateMediaFile({ path: file, maxBytes: 50 * MB });
    expect(result).toMatchObject({ ok: false, code: "audio_only" });
    if (!result.ok) expect(result.message).toContain("只有声音");
  });

  it("refuses an empty file and a file over the limit", async () => {
    const empty = path.join(dir, "empty.mp4");
    await writeFile(empty, "");
    expect(await validateMediaFile({ path: empty, maxBytes: MB })).toMatchObject({
      ok: false,
      code: "empty_file",
    });
    const file = await make("big.mp4", { video: "testsrc2=s=320x240:r=25", seconds: 1 });
    const result = await validateMediaFile({ path: file, maxBytes: 1000 });
    expect(result).toMatchObject({ ok: false, code: "too_large" });
  });

  it("refuses a codec the pipeline does not support and an insane duration", async () => {
    const ffv1 = await make("lossless.mkv", {
      video: "testsrc2=s=320x240:r=25",
      seconds: 1,
      videoCodecOptions: ["-c:v", "ffv1"],
    });
    expect(await validateMediaFile({ path: ffv1, maxBytes: 50 * MB })).toMatchObject({
      ok: false,
      code: "unknown_codec",
    });
    const ok = await make("two-seconds.mp4", { video: "testsrc2=s=320x240:r=25", seconds: 2 });
    expect(await validateMediaFile({ path: ok, maxBytes: 50 * MB, maxDurationSeconds: 1 })).toMatchObject({
      ok: false,
      code: "bad_duration",
    });
  });

  it("accepts a still image and reports anamorphic pixels", async () => {
    const png = await make("still.png", {
      video: "color=c=gray:s=800x600",
      seconds: 1,
      videoCodecOptions: ["-frames:v", "1"],
    });
    const image = await validateMediaFile({ path: png, maxBytes: 50 * MB });
    expect(image).toMatchObject({
      ok: true,
      type: "png",
      probe: { isStillImage: true, durationSeconds: null },
    });
    const dv = await make("dv.mp4", { video: "testsrc2=s=720x576:r=25,setsar=16/15", seconds: 1 });
    const probed = await probeMedia(dv);
    expect(probed.ok && probed.probe.video?.sar).toBeCloseTo(16 / 15, 3);
  });
});

describe("saveUploadStream", () => {
  const chunks = (count: number, size: number) =>
    Readable.from(Array.from({ length: count }, () => Buffer.alloc(size, 7)));

  it("stores a complete upload under its final name only", async () => {
    const dest = path.join(dir, "uploads-ok");
    const seen: number[] = [];
    const result = await saveUploadStream({
      stream: chunks(4, 1000),
      destDir: dest,
      maxBytes: 10_000,
      onProgress: (b) => seen.push(b),
    });
    expect(result).toMatchObject({ ok: true, bytes: 4000 });
    if (!result.ok) return;
    expect((await stat(result.path)).size).toBe(4000);
    expect(await readdir(dest)).toEqual([path.basename(result.path)]);
    expect(seen.at(-1)).toBe(4000);
  });

  it("aborts an oversized upload and leaves no file behind", async () => {
    const dest = path.join(dir, "uploads-big");
    const result = await saveUploadStream({ stream: chunks(20, 1000), destDir: dest, maxBytes: 5000 });
    expect(result).toMatchObject({ ok: false, code: "too_large" });
    expect(await readdir(dest)).toEqual([]);
  });

  it("refuses an empty upload and unsafe names", async () => {
    const dest = path.join(dir, "uploads-empty");
    expect(
      await saveUploadStream({ stream: Readable.from([]), destDir: dest, maxBytes: 5000 }),
    ).toMatchObject({ ok: false, code: "empty_file" });
    expect(await readdir(dest)).toEqual([]);
    await expect(
      saveUploadStream({ stream: chunks(1, 10), destDir: dest, maxBytes: 5000, fileName: "../escape.mp4" }),
    ).rejects.toThrow();
  });
});

describe("checkFfmpegCapabilities", () => {
  it("finds libx264 and libass in the bundled build", async () => {
    expect(await checkFfmpegCapabilities()).toMatchObject({ ok: true, libx264: true, libass: true });
  });
});
