import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notoSansScRegularPath, NOTO_SANS_SC_FAMILY } from "~/lib/fonts.server";
import { buildAssScript } from "./captions";
import { clipSourceFromProbe } from "./clip-source";
import { assFontSizePerEm } from "./font-metrics.server";
import { ffmpegPath, runBinary, runFfmpeg } from "./ffmpeg.server";
import { makeLavfiClip, makeSampleClips, type LavfiClipSpec } from "./make-sample-clips.server";
import { probeMedia } from "./probe-media.server";
import { planRender, type ClipSource, type ColumnSpec } from "./render-plan";
import {
  prepareFontsDir,
  renderEpisode,
  type RenderEpisodeOptions,
  type RenderProgress,
} from "./render-episode.server";

const W = 1080;
const H = 1920;
let dir: string;

async function clipFrom(
  name: string,
  spec: LavfiClipSpec,
  extra: Partial<ClipSource> = {},
): Promise<ClipSource> {
  const made = await makeLavfiClip({ outputPath: path.join(dir, name), spec });
  if (!made.ok) throw new Error(made.message);
  const probed = await probeMedia(made.path);
  if (!probed.ok) throw new Error(probed.message);
  return { ...clipSourceFromProbe({ id: name, path: made.path, probe: probed.probe }), ...extra };
}

/** ffmpeg output options for one frame as raw 8-bit luma. */
const ONE_GRAY_FRAME = ["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray"];

/** One decoded frame as 8-bit luma, row-major. */
async function grayFrame(file: string, atSecond: number): Promise<Buffer> {
  const result = await runBinary(ffmpegPath(), [
    "-v",
    "error",
    "-ss",
    String(atSecond),
    "-i",
    file,
    ...ONE_GRAY_FRAME,
    "-",
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdoutBytes;
}

/** Pixels in a rectangle far from the mid-gray background: caption glyphs (white) and outline (black). */
function extremePixels(frame: Buffer, x0: number, y0: number, x1: number, y1: number): number {
  let count = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = frame[y * W + x];
      if (v > 220 || v < 40) count++;
    }
  return count;
}

function outputs(name: string) {
  return {
    outputPath: path.join(dir, `${name}.mp4`),
    coverPath: path.join(dir, `${name}-cover.jpg`),
    thumbnailPath: path.join(dir, `${name}-thumb.jpg`),
  };
}

const column: ColumnSpec = {
  name: "一分钟识车",
  durationSeconds: 4,
  outroLine: "到店报暗号“秒懂”送原厂雨伞",
  introCardSeconds: 0.5,
  outroSeconds: 0.5,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "media-render-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("renderEpisode", () => {
  it("renders a 1080x1920 30 fps episode on the column's length with captions, fill, cover and thumbnail", async () => {
    // Body is 3 s: gray still (0.5–1.5), landscape with sound (1.5–2.5, cut from 3 s), anamorphic (2.5–3.5).
    const clips = [
      await clipFrom(
        "gray.png",
        { video: "color=c=0x808080:s=1080x1080", seconds: 1, videoCodecOptions: ["-frames:v", "1"] },
        { stillSeconds: 3 },
      ),
      await clipFrom("wide.mp4", {
        video: "testsrc2=s=1920x1080:r=25",
        audio: "sine=frequency=440",
        seconds: 3,
      }),
      await clipFrom("dv.mp4", { video: "testsrc2=s=720x576:r=25,setsar=16/15", seconds: 3 }),
    ];
    const progress: RenderProgress[] = [];
    const out = outputs("full");
    const result = await renderEpisode({
      workDir: path.join(dir, "work-full"),
      ...out,
      column,
      episode: { title: "全新SUV的三大亮点", script: [{ text: "原厂零件，安心之选", seconds: 0.5 }] },
      clips,
      encoder: { preset: "ultrafast" },
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ ok: true, width: W, height: H });
    if (!result.ok) return;
    expect(Math.abs(result.durationSeconds - 4)).toBeLessThanOrEqual(0.1);

    const probed = await probeMedia(out.outputPath);
    if (!probed.ok) throw new Error(probed.message);
    expect(probed.probe.video).toMatchObject({
      codec: "h264",
      width: W,
      height: H,
      fps: 30,
      pixFmt: "yuv420p",
    });
    expect(probed.probe.audio).toMatchObject({ codec: "aac", sampleRate: 48000, channels: 2 });
    expect(Math.abs((probed.probe.durationSeconds ?? 0) - column.durationSeconds)).toBeLessThanOrEqual(0.1);

    const cover = await probeMedia(out.coverPath);
    const thumb = await probeMedia(out.thumbnailPath);
    expect(cover.ok && cover.probe.video).toMatchObject({ width: W, height: H });
    expect(thumb.ok && thumb.probe.video).toMatchObject({ width: 270, height: 480 });

    // Same gray still, with and without the caption: only the captioned frame has glyph pixels.
    const withCaption = extremePixels(await grayFrame(out.outputPath, 0.75), 60, 1250, 1020, 1600);
    const withoutCaption = extremePixels(await grayFrame(out.outputPath, 1.25), 60, 1250, 1020, 1600);
    expect(withCaption).toBeGreaterThan(2000);
    expect(withoutCaption).toBeLessThan(50);

    // Landscape footage: the band above the picture is blurred footage, not black bars.
    const wide = await grayFrame(out.outputPath, 2.0);
    const top = wide.subarray(0, 200 * W);
    const mean = top.reduce((a, b) => a + b, 0) / top.length;
    expect(mean).toBeGreaterThan(30);

    expect(progress.at(-1)).toEqual({ fraction: 1, etaSeconds: 0 });
    expect(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1].fraction)).toBe(true);
    expect(await readdir(path.join(dir, "work-full"))).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("cancels mid-way and leaves no temp files", async () => {
    const made = await makeSampleClips({ destDir: path.join(dir, "samples"), seconds: 3 });
    if (!made.ok) throw new Error(made.message);
    const clips = await Promise.all(
      made.clips.map(async (c) => {
        const probed = await probeMedia(c.path);
        if (!probed.ok) throw new Error(probed.message);
        return clipSourceFromProbe({ id: c.name, path: c.path, probe: probed.probe });
      }),
    );
    const still = await clipFrom("still-cancel.png", {
      video: "color=c=0x336699:s=640x480",
      seconds: 1,
      videoCodecOptions: ["-frames:v", "1"],
    });
    const controller = new AbortController();
    const outDir = path.join(dir, "cancel-out");
    await import("node:fs/promises").then((fs) => fs.mkdir(outDir));
    const options: RenderEpisodeOptions = {
      workDir: path.join(dir, "work-cancel"),
      outputPath: path.join(outDir, "ep.mp4"),
      coverPath: path.join(outDir, "ep.jpg"),
      thumbnailPath: path.join(outDir, "ep-thumb.jpg"),
      column: { ...column, durationSeconds: 30 },
      episode: { title: "取消测试", script: [{ text: "这一句不会播完", seconds: 10 }] },
      clips: [...clips, still],
      encoder: { preset: "ultrafast" },
      signal: controller.signal,
      onProgress: ({ fraction }) => {
        if (fraction > 0.05) controller.abort();
      },
    };
    const result = await renderEpisode(options);
    expect(result).toMatchObject({ ok: false, code: "aborted" });
    expect(await readdir(path.join(dir, "work-cancel"))).toEqual([]);
    expect(await readdir(outDir)).toEqual([]);
  });

  it("returns planning problems without touching the disk", async () => {
    const result = await renderEpisode({
      workDir: path.join(dir, "never"),
      ...outputs("none"),
      column,
      episode: { title: "空", script: [] },
      clips: [],
    });
    expect(result).toMatchObject({ ok: false, code: "no_clips" });
    await expect(readdir(path.join(dir, "never"))).rejects.toThrow();
  });
});

describe("burned captions", () => {
  it("draws caption glyphs 64 px wide, as documented (not the 44 px a Fontsize of 64 gives)", async () => {
    const planned = planRender({
      column,
      episode: { title: "字号", script: [{ text: "国国国国国", seconds: 1 }] },
      clips: [
        {
          id: "s",
          path: "unused.png",
          kind: "image",
          durationSeconds: null,
          width: 64,
          height: 64,
          sar: 1,
          hasAudio: false,
        },
      ],
    });
    if (!planned.ok) throw new Error(planned.message);
    const work = await mkdtemp(path.join(dir, "caption-size-"));
    await prepareFontsDir(path.join(work, "fonts"));
    await writeFile(
      path.join(work, "captions.ass"),
      buildAssScript(planned.plan, {
        fontFamily: NOTO_SANS_SC_FAMILY,
        assSizePerEm: await assFontSizePerEm(notoSansScRegularPath),
      }),
    );
    // One frame inside the caption cue, drawn by libass exactly as the render's graph does.
    const at = planned.plan.cues[0].startSeconds + 0.2;
    const drawn = await runFfmpeg({
      invocation: {
        inputs: [{ source: `color=c=black:s=${W}x${H}:r=30:d=${at + 0.2}`, options: ["-f", "lavfi"] }],
        outputs: [
          {
            target: "frame.gray",
            options: [
              "-ss",
              String(at),
              "-vf",
              "ass=filename=captions.ass:fontsdir=fonts",
              ...ONE_GRAY_FRAME,
            ],
          },
        ],
        cwd: work,
      },
    });
    if (!drawn.ok) throw new Error(drawn.stderrTail);
    const frame = await readFile(path.join(work, "frame.gray"));
    expect(frame.length).toBe(W * H);
    // Columns holding the white glyph fill in the caption band; five identical glyphs make five runs.
    const inked = Array.from({ length: W }, (_, x) => {
      for (let y = H / 2; y < H; y++) if (frame[y * W + x] > 200) return true;
      return false;
    });
    const starts = inked.flatMap((on, x) => (on && !inked[x - 1] ? [x] : []));
    expect(starts).toHaveLength(5);
    // Four advances of a full-width character: 4 em.
    expect((starts[4] - starts[0]) / 4).toBeGreaterThan(63);
    expect((starts[4] - starts[0]) / 4).toBeLessThan(65);
  });
});
