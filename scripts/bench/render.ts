/**
 * Render benchmark: one 60 s demo episode through `renderEpisode` versus a hand-written single
 * ffmpeg command on the same inputs and output spec. The ratio shows what the pipeline costs on
 * top of the encode itself (planning, temp files, verification, cover and thumbnail).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { notoSansScBoldPath, notoSansScRegularPath, NOTO_SANS_SC_FAMILY } from "../../app/lib/fonts.server";
import { buildAssScript } from "../../app/modules/media/captions";
import { assFontSizePerEm } from "../../app/modules/media/font-metrics.server";
import { clipSourceFromProbe } from "../../app/modules/media/clip-source";
import { ffmpegPath } from "../../app/modules/media/ffmpeg.server";
import { DEFAULT_ENCODER } from "../../app/modules/media/filter-graph";
import { makeSampleClips } from "../../app/modules/media/make-sample-clips.server";
import { probeMedia } from "../../app/modules/media/probe-media.server";
import { renderEpisode } from "../../app/modules/media/render-episode.server";
import {
  planRender,
  type ClipSource,
  type ColumnSpec,
  type EpisodeSpec,
  type RenderPlan,
} from "../../app/modules/media/render-plan";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const column: ColumnSpec = {
  name: "一分钟识车",
  durationSeconds: 60,
  outroLine: "到店报暗号“秒懂”送原厂雨伞",
};
const episode: EpisodeSpec = {
  title: "全新城市SUV的三大亮点",
  script: [
    { text: "今天用一分钟，带你看懂这台全新城市SUV。", seconds: 5 },
    { text: "第一个亮点：1.5T发动机加7速双离合，起步轻快不顿挫。", seconds: 7 },
    { text: "百公里综合油耗6.2L，每天通勤也不心疼。", seconds: 6 },
    { text: "第二个亮点：后排地板几乎纯平，三个人坐也不挤。", seconds: 7 },
    { text: "后备厢放倒座椅，能装下一辆折叠自行车。", seconds: 6 },
    { text: "第三个亮点：全系标配L2级辅助驾驶和360°全景影像。", seconds: 8 },
    { text: "窄路会车、倒车入库，新手也能从容应对。", seconds: 6 },
    { text: "想亲自试一试？欢迎周末来店深度试驾。", seconds: 5 },
    { text: "记得关注我们，下期讲它的保养成本。", seconds: 5 },
  ],
};

interface Measured {
  name: string;
  wallSeconds: number;
  /** CPU time of the ffmpeg children: unlike wall time, barely moved by other load on the machine. */
  cpuSeconds: number | null;
  bytes: number;
}

/** User + system time of reaped child processes (Linux `/proc/self/stat` cutime + cstime). */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

async function measure(name: string, run: () => Promise<number>): Promise<Measured> {
  const cpu0 = childCpuSeconds();
  const t0 = performance.now();
  const bytes = await run();
  const cpu1 = childCpuSeconds();
  return {
    name,
    wallSeconds: (performance.now() - t0) / 1000,
    cpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
    bytes,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(name: string, runs: Measured[]): Measured {
  const cpu = runs.map((r) => r.cpuSeconds);
  return {
    name,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: cpu.every((c): c is number => c !== null) ? median(cpu) : null,
    bytes: runs[0].bytes,
  };
}

/** The hand-written equivalent: what an engineer would type for these three clips, no framework. */
function handWrittenArgs(plan: RenderPlan, clips: ClipSource[], output: string): string[] {
  const [wide, tall, fractal] = plan.body;
  const bg = "#12355B".replace("#", "0x");
  const fill = (i: number, frames: number) =>
    `[${i}:v]fps=30,trim=end_frame=${frames},setpts=PTS-STARTPTS,split[f${i}][b${i}];` +
    `[b${i}]scale=270:480:force_original_aspect_ratio=increase,crop=270:480,boxblur=10:2,scale=1080:1920[bb${i}];` +
    `[f${i}]scale=1080:1920:force_original_aspect_ratio=decrease[ff${i}];[bb${i}][ff${i}]overlay=(W-w)/2:(H-h)/2,setsar=1,format=yuv420p[v${i}]`;
  const audio = (i: number, seconds: number, hasAudio: boolean) =>
    hasAudio
      ? `[${i}:a]aresample=48000,aformat=channel_layouts=stereo,apad,atrim=0:${seconds},asetpts=PTS-STARTPTS[a${i}]`
      : `anullsrc=r=48000:cl=stereo,atrim=0:${seconds}[a${i}]`;
  const graph = [
    `color=c=${bg}:s=1080x1920:r=30:d=${plan.intro.seconds},setsar=1,format=yuv420p[vi]`,
    `anullsrc=r=48000:cl=stereo,atrim=0:${plan.intro.seconds}[ai]`,
    fill(0, wide.frames),
    audio(0, wide.seconds, clips[0].hasAudio),
    `[1:v]fps=30,trim=end_frame=${tall.frames},setpts=PTS-STARTPTS,scale=1080:1920,setsar=1,format=yuv420p[v1]`,
    audio(1, tall.seconds, clips[1].hasAudio),
    fill(2, fractal.frames),
    audio(2, fractal.seconds, clips[2].hasAudio),
    `color=c=${bg}:s=1080x1920:r=30:d=${plan.outro.seconds},setsar=1,format=yuv420p[vo]`,
    `anullsrc=r=48000:cl=stereo,atrim=0:${plan.outro.seconds}[ao]`,
    `[vi][ai][v0][a0][v1][a1][v2][a2][vo][ao]concat=n=5:v=1:a=1[vc][ac]`,
    `[vc]ass=captions.ass:fontsdir=fonts[vout]`,
    `[ac]loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000[aout]`,
  ].join(";");
  return [
    "-hide_banner",
    "-y",
    "-v",
    "error",
    ...plan.body.flatMap((s) => ["-t", String(s.seconds + 0.5), "-i", s.clip.path]),
    "-filter_complex",
    graph,
    "-map",
    "[vout]",
    "-map",
    "[aout]",
    "-c:v",
    "libx264",
    "-preset",
    DEFAULT_ENCODER.preset,
    "-crf",
    String(DEFAULT_ENCODER.crf),
    "-profile:v",
    "high",
    "-pix_fmt",
    "yuv420p",
    "-r",
    "30",
    "-c:a",
    "aac",
    "-b:a",
    DEFAULT_ENCODER.audioBitrate,
    "-ar",
    "48000",
    "-ac",
    "2",
    "-t",
    String(plan.totalSeconds),
    "-movflags",
    "+faststart",
    output,
  ];
}

function spawnFfmpeg(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

export async function main(): Promise<{ ours: Measured; baseline: Measured; ratio: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-render-"));
  try {
    process.stdout.write("making sample clips (22 s each)...\n");
    const made = await makeSampleClips({ destDir: path.join(dir, "clips"), seconds: 22 });
    if (!made.ok) throw new Error(made.message);
    const clips: ClipSource[] = [];
    for (const c of made.clips) {
      const probed = await probeMedia(c.path);
      if (!probed.ok) throw new Error(probed.message);
      clips.push(clipSourceFromProbe({ id: c.name, path: c.path, probe: probed.probe }));
    }
    const planned = planRender({ column, episode, clips });
    if (!planned.ok) throw new Error(planned.message);

    // Baseline inputs prepared outside the timed region, as a person would have them ready.
    const handDir = path.join(dir, "hand");
    await mkdir(path.join(handDir, "fonts"), { recursive: true });
    await symlink(notoSansScRegularPath, path.join(handDir, "fonts", "regular.ttf"));
    await symlink(notoSansScBoldPath, path.join(handDir, "fonts", "bold.ttf"));
    await writeFile(
      path.join(handDir, "captions.ass"),
      buildAssScript(planned.plan, {
        fontFamily: NOTO_SANS_SC_FAMILY,
        assSizePerEm: await assFontSizePerEm(notoSansScRegularPath),
      }),
    );
    const handOut = path.join(dir, "hand.mp4");

    const runBaseline = () =>
      measure("hand-written ffmpeg", async () => {
        await spawnFfmpeg(handWrittenArgs(planned.plan, clips, handOut), handDir);
        return (await stat(handOut)).size;
      });
    const runOurs = () =>
      measure("renderEpisode (incl. verify + cover)", async () => {
        const result = await renderEpisode({
          workDir: path.join(dir, "work"),
          outputPath: path.join(dir, "episode.mp4"),
          coverPath: path.join(dir, "cover.jpg"),
          thumbnailPath: path.join(dir, "thumb.jpg"),
          column,
          episode,
          clips,
        });
        if (!result.ok) throw new Error(`${result.code}: ${result.message} ${result.detail ?? ""}`);
        return result.bytes;
      });

    // ABBA order: a load spike on a shared machine hits both sides alike.
    const pairs = Math.max(1, Number(process.env.BENCH_RENDER_RUNS ?? 1));
    const baselineRuns: Measured[] = [];
    const ourRuns: Measured[] = [];
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? (["baseline", "ours"] as const) : (["ours", "baseline"] as const);
      for (const side of order) {
        process.stdout.write(`run ${i + 1}/${pairs}: ${side}...\n`);
        if (side === "baseline") baselineRuns.push(await runBaseline());
        else ourRuns.push(await runOurs());
      }
    }
    const baseline = summarise("hand-written ffmpeg", baselineRuns);
    const ours = summarise("renderEpisode (incl. verify + cover)", ourRuns);

    const ratio = ours.wallSeconds / baseline.wallSeconds;
    const rows = [baseline, ours].map((m) => ({
      run: m.name,
      "wall s": m.wallSeconds.toFixed(2),
      "speed (video s / wall s)": (column.durationSeconds / m.wallSeconds).toFixed(2),
      "ffmpeg CPU s": m.cpuSeconds === null ? "n/a" : m.cpuSeconds.toFixed(1),
      MB: (m.bytes / 1024 / 1024).toFixed(2),
    }));
    console.table(rows);
    const cpuRatio =
      ours.cpuSeconds !== null && baseline.cpuSeconds ? ours.cpuSeconds / baseline.cpuSeconds : null;
    console.log(
      `wall ratio renderEpisode / hand-written = ${ratio.toFixed(3)} (goal <= 1.10); CPU ratio = ${cpuRatio?.toFixed(3) ?? "n/a"}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );

    const json = {
      benchmark: "render",
      date: new Date().toISOString(),
      videoSeconds: column.durationSeconds,
      preset: DEFAULT_ENCODER.preset,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      baseline: { ...baseline, speedFactor: column.durationSeconds / baseline.wallSeconds },
      ours: { ...ours, speedFactor: column.durationSeconds / ours.wallSeconds },
      runsPerSide: pairs,
      baselineRuns,
      ourRuns,
      ratio,
      cpuRatio,
      goalRatio: 1.1,
      withinGoal: ratio <= 1.1,
    };
    await mkdir(path.join(repoRoot, "bench", "results"), { recursive: true });
    await writeFile(
      path.join(repoRoot, "bench", "results", "render.json"),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    return { ours, baseline, ratio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
