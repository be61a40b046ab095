import { describe, expect, it } from "vitest";
import {
  invocationToArgs,
  parseCapabilities,
  parseTimemark,
  UPLOADED_FILE_INPUT_OPTIONS,
} from "./ffmpeg-args";
import { buildFilterGraph, buildOutputOptions } from "./filter-graph";
import { planRender, type ClipSource, type ColumnSpec } from "./render-plan";
import { sniffMediaType } from "./sniff-media-type";

const clip = (id: string, extra: Partial<ClipSource>): ClipSource => ({
  id,
  path: `/media/${id}`,
  kind: "video",
  durationSeconds: 10,
  width: 1920,
  height: 1080,
  sar: 1,
  hasAudio: true,
  ...extra,
});

/** The plan and filter graph of a 12-second episode of the given clips, in a column with `column`'s changes. */
function graphFor(clips: ClipSource[], column: Partial<ColumnSpec> = {}) {
  const planned = planRender({
    column: {
      name: "栏目",
      durationSeconds: 12,
      outroLine: "片尾",
      introCardSeconds: 1,
      outroSeconds: 1,
      outroAudioPath: null,
      ...column,
    },
    episode: { title: "标题", script: [] },
    clips,
  });
  if (!planned.ok) throw new Error(planned.message);
  return {
    plan: planned.plan,
    graph: buildFilterGraph(planned.plan, { assFileName: "captions.ass", fontsDirName: "fonts" }),
  };
}

describe("buildFilterGraph", () => {
  it("fills the outro card with the column's outro image instead of the plain colour", () => {
    const { graph } = graphFor([clip("a.mp4", {})], {
      outroSeconds: 2,
      outroBackground: { path: "/brand/outro.png", kind: "image" },
    });
    const index = graph.inputs.findIndex((i) => i.source === "/brand/outro.png");
    expect(graph.inputs[index].options).toEqual([
      ...UPLOADED_FILE_INPUT_OPTIONS,
      "-loop",
      "1",
      "-framerate",
      "30",
      "-t",
      "2.5",
    ]);
    expect(graph.filterComplex).toContain(`[${index}:v]setsar=1,fps=30,`);
    expect(graph.filterComplex).toMatch(
      /trim=end_frame=60,setpts=PTS-STARTPTS,scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1,format=yuv420p\[voutro\]/,
    );
    expect(graph.filterComplex).not.toContain("[voutro];color=");
  });

  it("overlays the column logo top-right under the captions, for the whole episode, only when there is one", () => {
    const { graph } = graphFor([clip("a.mp4", {})], { logoPath: "/brand/logo.png" });
    expect(graph.inputs.at(-1)).toEqual({
      source: "/brand/logo.png",
      options: [...UPLOADED_FILE_INPUT_OPTIONS, "-loop", "1", "-framerate", "30", "-t", "12.5"],
    });
    expect(graph.filterComplex).toContain(
      `[${graph.inputs.length - 1}:v]scale=160:160:force_original_aspect_ratio=decrease,format=rgba[logo]`,
    );
    expect(graph.filterComplex).toContain(
      "[vcat][logo]overlay=W-w-48:48:shortest=1:format=yuv420[vlogo];[vlogo]ass=",
    );
    expect(graphFor([clip("a.mp4", {})]).graph.filterComplex).not.toContain("[logo]");
  });

  it("gives landscape sources a blurred fill, not bars", () => {
    const { graph } = graphFor([clip("wide.mp4", {})]);
    expect(graph.filterComplex).toContain("boxblur");
    expect(graph.filterComplex).toContain("force_original_aspect_ratio=increase");
    expect(graph.filterComplex).not.toMatch(/(^|[,;\]])pad=/);
  });

  it("skips the fill for sources that are already 9:16", () => {
    const { graph } = graphFor([clip("tall.mp4", { width: 1080, height: 1920 })]);
    expect(graph.filterComplex).not.toContain("boxblur");
  });

  it("corrects anamorphic pixels before fitting", () => {
    const { graph } = graphFor([clip("dv.mp4", { width: 1440, height: 1080, sar: 4 / 3 })]);
    expect(graph.filterComplex).toContain("scale=trunc(iw*sar/2)*2:ih");
  });

  it("gives silent clips and stills a silent track of their exact length", () => {
    const { graph, plan } = graphFor([
      clip("mute.mp4", { hasAudio: false }),
      clip("still.png", { kind: "image", durationSeconds: null, stillSeconds: 4 }),
    ]);
    const silent = graph.filterComplex.match(/anullsrc[^;]*/g) ?? [];
    // intro + two clips + outro
    expect(silent).toHaveLength(4);
    expect(graph.filterComplex).toContain(`atrim=end_sample=${Math.round(plan.body[0].seconds * 48000)}`);
    expect(graph.inputs[1].options).toEqual(expect.arrayContaining(["-loop", "1"]));
  });

  it("reads every input as a local media file only (no other protocol, no playlist demuxer)", () => {
    const { graph } = graphFor(
      [clip("a.mp4", {}), clip("still.png", { kind: "image", durationSeconds: null })],
      { outroAudioPath: "/media/jingle.m4a" },
    );
    expect(graph.inputs).toHaveLength(3);
    for (const input of graph.inputs) {
      const options = input.options ?? [];
      expect(options[options.indexOf("-protocol_whitelist") + 1]).toBe("file");
      expect(options[options.indexOf("-format_whitelist") + 1]).not.toMatch(/hls|concat|http/);
    }
  });

  it("reads each clip from its in-point for just its planned length", () => {
    const { graph, plan } = graphFor([clip("a.mp4", { startSeconds: 2.5, durationSeconds: 30 })]);
    expect(graph.inputs[0]).toEqual({
      source: "/media/a.mp4",
      options: [...UPLOADED_FILE_INPUT_OPTIONS, "-ss", "2.5", "-t", String(plan.body[0].seconds + 0.5)],
    });
    expect(graph.filterComplex).toContain(`trim=end_frame=${plan.body[0].frames}`);
  });

  it("concatenates intro, body and outro, then burns captions and normalises loudness", () => {
    const { graph } = graphFor([clip("a.mp4", {}), clip("b.mp4", {})]);
    expect(graph.filterComplex).toContain("concat=n=4:v=1:a=1[vcat][acat]");
    expect(graph.filterComplex).toContain("[vcat]ass=filename=captions.ass:fontsdir=fonts[vout]");
    expect(graph.filterComplex).toContain("loudnorm=I=-14");
    expect(graph.filterComplex.indexOf("[vintro]")).toBeLessThan(graph.filterComplex.indexOf("[vb0]"));
  });

  it("plays the column's intro clip first instead of a title card", () => {
    const { graph } = graphFor([clip("a.mp4", {})], {
      introCardSeconds: undefined,
      introClip: clip("intro.mp4", { durationSeconds: 3, hasAudio: false }),
    });
    expect(graph.inputs.map((i) => i.source)).toEqual(["/media/intro.mp4", "/media/a.mp4"]);
    expect(graph.filterComplex).toMatch(/^\[0:v\].*\[vintro\]/);
    // Only the outro is a card now.
    expect(graph.filterComplex.match(/color=c=/g)).toHaveLength(1);
    expect(graph.filterComplex).toContain("[vintro][aintro][vb0][ab0][voutro][aoutro]concat=n=3");
  });

  it("uses the column's outro audio when given", () => {
    const { graph } = graphFor([clip("a.mp4", {})], { outroAudioPath: "/media/jingle.m4a" });
    expect(graph.inputs.at(-1)?.source).toBe("/media/jingle.m4a");
    expect(graph.filterComplex).toMatch(/\[1:a\]aresample=48000.*\[aoutro\]/);
  });

  it("outputs H.264 + AAC 48 kHz stereo with faststart, clamped to the planned length", () => {
    const { graph, plan } = graphFor([clip("a.mp4", {})]);
    const opts = buildOutputOptions(plan, graph, { preset: "ultrafast" }).join(" ");
    expect(opts).toContain("-c:v libx264 -preset ultrafast");
    expect(opts).toContain("-pix_fmt yuv420p -r 30");
    expect(opts).toContain("-c:a aac");
    expect(opts).toContain("-ar 48000 -ac 2");
    expect(opts).toContain("-movflags +faststart");
    expect(opts).toContain("-t 12");
  });
});

describe("ffmpeg argument helpers", () => {
  it("parses timemarks and rejects placeholders", () => {
    expect(parseTimemark("00:01:02.50")).toBe(62.5);
    expect(parseTimemark("N/A")).toBeNaN();
    expect(parseTimemark(undefined)).toBeNaN();
  });

  it("flattens an invocation with inputs before outputs", () => {
    expect(
      invocationToArgs({
        inputs: [{ source: "in.mp4", options: ["-ss", "1"] }],
        complexFilter: "[0:v]null[v]",
        outputs: [{ target: "out.mp4", options: ["-map", "[v]"] }],
      }),
    ).toEqual([
      "-hide_banner",
      "-y",
      "-ss",
      "1",
      "-i",
      "in.mp4",
      "-filter_complex",
      "[0:v]null[v]",
      "-map",
      "[v]",
      "out.mp4",
    ]);
  });

  it("detects missing libx264 or libass", () => {
    const encoders = " V..... libx264              libx264 H.264\n A..... aac  AAC";
    const filters = " ... ass               V->V       Render ASS subtitles";
    expect(parseCapabilities(encoders, filters)).toMatchObject({ ok: true, missing: [] });
    expect(parseCapabilities(" A..... aac  AAC", filters)).toMatchObject({ ok: false, missing: ["libx264"] });
    expect(parseCapabilities(encoders, " ... boxblur  V->V blur")).toMatchObject({
      ok: false,
      missing: ["libass"],
    });
  });
});

describe("sniffMediaType", () => {
  const bytes = (...parts: (number[] | string)[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
  it("recognises the upload types we accept", () => {
    expect(sniffMediaType(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 0, 0]))).toBe("mp4");
    expect(sniffMediaType(bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 0, 0]))).toBe("mov");
    expect(sniffMediaType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toBe("matroska");
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffMediaType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
  });
  it("recognises the audio a column's outro recording may be", () => {
    expect(sniffMediaType(bytes("ID3", [4, 0, 0, 0, 0, 0, 0x23]))).toBe("mpeg_audio");
    expect(sniffMediaType(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe("mpeg_audio");
    expect(sniffMediaType(bytes([0xff, 0xf1, 0x50, 0x80]))).toBe("mpeg_audio");
    expect(sniffMediaType(bytes("RIFF", [0x24, 0x08, 0, 0], "WAVEfmt "))).toBe("wav");
  });
  it("refuses text, empty input, truncated headers and playlists", () => {
    expect(sniffMediaType(bytes("hello, this is not a video"))).toBe("unknown");
    expect(sniffMediaType(bytes("#EXTM3U\n#EXT-X-VERSION:3\nhttp://127.0.0.1/a.ts\n"))).toBe("unknown");
    expect(sniffMediaType(bytes("ffconcat version 1.0\nfile 'http://127.0.0.1/a.mp4'\n"))).toBe("unknown");
    expect(sniffMediaType(bytes("RIFF", [0x24, 0x08, 0, 0], "AVI LIST"))).toBe("unknown");
    expect(sniffMediaType(new Uint8Array())).toBe("unknown");
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toBe("unknown");
  });
});
