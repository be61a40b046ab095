import { mkdir } from "node:fs/promises";
import path from "node:path";
import { runFfmpeg, silentLogger, type MediaLogger } from "./ffmpeg.server";

/** Generated footage (ffmpeg lavfi sources): demo seed material and test fixtures, never committed binaries. */

export interface LavfiClipSpec {
  /** lavfi video source, e.g. `testsrc2=s=1920x1080:r=25`; omit for an audio-only file. */
  video?: string;
  /** lavfi audio source, e.g. `sine=frequency=440:sample_rate=48000`; omit for a silent clip. */
  audio?: string;
  seconds: number;
  /** Replaces the default H.264 settings (e.g. `["-frames:v", "1"]` for a PNG still). */
  videoCodecOptions?: string[];
  /** Extra output options (codec overrides, `-aspect`, metadata...). */
  outputOptions?: string[];
}

export type MakeClipResult = { ok: true; path: string } | { ok: false; message: string };

export async function makeLavfiClip({
  outputPath,
  spec,
  signal,
  logger = silentLogger,
}: {
  outputPath: string;
  spec: LavfiClipSpec;
  signal?: AbortSignal;
  logger?: MediaLogger;
}): Promise<MakeClipResult> {
  const inputs = [spec.video, spec.audio]
    .filter((s): s is string => Boolean(s))
    .map((source) => ({ source, options: ["-f", "lavfi", "-t", String(spec.seconds)] }));
  const codecs = [
    ...(spec.video
      ? (spec.videoCodecOptions ?? ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"])
      : []),
    ...(spec.audio ? ["-c:a", "aac", "-b:a", "96k"] : []),
  ];
  const result = await runFfmpeg({
    invocation: {
      inputs,
      outputs: [
        {
          target: outputPath,
          options: [...codecs, ...(spec.outputOptions ?? []), "-t", String(spec.seconds)],
        },
      ],
    },
    signal,
    logger,
  });
  return result.ok
    ? { ok: true, path: outputPath }
    : { ok: false, message: `${result.message}\n${result.stderrTail}` };
}

export interface SampleClip {
  name: string;
  path: string;
  description: string;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
}

/** The fractal is computed at quarter size and upscaled: at full size it renders slower than real time. */
function sampleSpecs(): (Omit<SampleClip, "path"> & { video: string; audio?: string })[] {
  return [
    {
      name: "landscape-testsrc2.mp4",
      description: "横屏 1920x1080 25fps 测试图，带 440Hz 提示音",
      width: 1920,
      height: 1080,
      fps: 25,
      hasAudio: true,
      video: "testsrc2=s=1920x1080:r=25",
      audio: "sine=frequency=440:sample_rate=48000",
    },
    {
      name: "portrait-smptebars.mp4",
      description: "竖屏 1080x1920 30fps 彩条，无声",
      width: 1080,
      height: 1920,
      fps: 30,
      hasAudio: false,
      video: "smptebars=s=1080x1920:r=30",
    },
    {
      name: "mandelbrot-720p.mp4",
      description: "横屏 1280x720 24fps 分形动画，带 220Hz 低音",
      width: 1280,
      height: 720,
      fps: 24,
      hasAudio: true,
      video: "mandelbrot=s=320x180:r=24,scale=1280:720",
      audio: "sine=frequency=220:sample_rate=44100",
    },
  ];
}

export interface MakeSampleClipsOptions {
  destDir: string;
  /** ~22 s for the demo seed; tests pass 2-3. */
  seconds?: number;
  signal?: AbortSignal;
  logger?: MediaLogger;
}

export async function makeSampleClips({
  destDir,
  seconds = 22,
  signal,
  logger,
}: MakeSampleClipsOptions): Promise<{ ok: true; clips: SampleClip[] } | { ok: false; message: string }> {
  await mkdir(destDir, { recursive: true });
  const clips: SampleClip[] = [];
  for (const { video, audio, ...meta } of sampleSpecs()) {
    const outputPath = path.join(destDir, meta.name);
    const made = await makeLavfiClip({ outputPath, spec: { video, audio, seconds }, signal, logger });
    if (!made.ok) return made;
    clips.push({ ...meta, path: outputPath });
  }
  return { ok: true, clips };
}
