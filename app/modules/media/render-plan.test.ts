import { describe, expect, it } from "vitest";
import { apportionFrames, planRender, type ClipSource, type ColumnSpec } from "./render-plan";

const video = (id: string, durationSeconds: number, extra: Partial<ClipSource> = {}): ClipSource => ({
  id,
  path: `${id}.mp4`,
  kind: "video",
  durationSeconds,
  width: 1920,
  height: 1080,
  sar: 1,
  hasAudio: true,
  ...extra,
});
const image = (id: string, extra: Partial<ClipSource> = {}): ClipSource => ({
  id,
  path: `${id}.png`,
  kind: "image",
  durationSeconds: null,
  width: 1080,
  height: 1080,
  sar: 1,
  hasAudio: false,
  ...extra,
});
const column: ColumnSpec = {
  name: "一分钟识车",
  durationSeconds: 60,
  outroLine: "到店报暗号“秒懂”送原厂雨伞",
};
const episode = { title: "测试", script: [{ text: "第一句", seconds: 5 }] };

function plan(opts: Partial<Parameters<typeof planRender>[0]>) {
  const result = planRender({ column, episode, clips: [video("a", 30), video("b", 40)], ...opts });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe("apportionFrames", () => {
  it("always sums to the total", () => {
    for (const total of [1, 7, 100, 1649]) {
      const parts = apportionFrames(total, [3, 5, 7, 11]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});

describe("planRender", () => {
  it("pads a short script to the column's length, or shortens the body to the script plus a breath", () => {
    const short = {
      title: "测试",
      script: [
        { text: "第一句", seconds: 5 },
        { text: "第二句", seconds: 5 },
      ],
    };
    const padded = plan({ episode: short });
    expect(padded.totalFrames).toBe(60 * 30);
    // The last subtitle ends with its line; the footage plays on to the outro.
    expect(padded.cues.at(-1)).toMatchObject({ endSeconds: 12 });
    expect(padded.outro.timelineStartSeconds).toBe(57);

    const shortened = plan({ episode: { ...short, fit: "shorten" } });
    expect(shortened.totalSeconds).toBe(2 + 10 + 0.5 + 3);
    expect(shortened.outro.timelineStartSeconds).toBe(12.5);
    expect(shortened.body.reduce((n, s) => n + s.frames, 0)).toBe(10.5 * 30);
    expect(shortened.cues.map((c) => c.text)).toEqual(["第一句", "第二句"]);

    // Never longer than the column: a script that fills it is not shortened.
    const full = { title: "测试", script: [{ text: "很长", seconds: 55 }], fit: "shorten" as const };
    expect(plan({ episode: full }).totalFrames).toBe(60 * 30);
  });

  it("lands the whole episode exactly on the column duration", () => {
    const p = plan({});
    const sum = (p.intro.frames + p.body.reduce((a, s) => a + s.frames, 0) + p.outro.frames) / 30;
    expect(sum).toBeCloseTo(60, 5);
    expect(p.totalSeconds).toBe(60);
    expect(p.intro).toMatchObject({ kind: "card", seconds: 2 });
    expect(p.outro.seconds).toBe(3);
    expect(p.outro.timelineStartSeconds).toBe(57);
  });

  it("trims too-long footage proportionally, keeping clip order and in-points", () => {
    const p = plan({ clips: [video("a", 30, { startSeconds: 5 }), video("b", 50)] });
    expect(p.body.map((s) => s.clip.id)).toEqual(["a", "b"]);
    // 25 s and 50 s of usable footage share 55 s of body 1:2.
    expect(p.body[0].seconds).toBeCloseTo(55 / 3, 1);
    expect(p.body[1].seconds).toBeCloseTo((55 * 2) / 3, 1);
    expect(p.body[0].sourceStartSeconds).toBe(5);
    expect(p.body[1].timelineStartSeconds).toBeCloseTo(2 + p.body[0].seconds, 5);
    for (const s of p.body)
      expect(s.seconds).toBeLessThanOrEqual((s.clip.durationSeconds ?? 0) - (s.clip.startSeconds ?? 0));
  });

  it("stretches stills to cover footage that is too short", () => {
    const p = plan({ clips: [video("a", 20), image("still")] });
    expect(p.body[0].seconds).toBe(20);
    expect(p.body[1].seconds).toBe(35);
  });

  it("refuses footage that is too short when nothing can stretch", () => {
    const result = planRender({ column, episode, clips: [video("a", 10), video("b", 20)] });
    expect(result).toMatchObject({ ok: false, code: "footage_too_short" });
    if (!result.ok) expect(result.message).toContain("25.0 秒");
  });

  it("refuses a plan without clips", () => {
    expect(planRender({ column, episode, clips: [] })).toMatchObject({ ok: false, code: "no_clips" });
  });

  it("refuses a column whose intro and outro leave no body", () => {
    const result = planRender({
      column: { ...column, durationSeconds: 4 },
      episode,
      clips: [video("a", 10)],
    });
    expect(result).toMatchObject({ ok: false, code: "body_too_short" });
  });

  it("refuses bad columns, bad clips and bad script seconds", () => {
    expect(
      planRender({ column: { ...column, durationSeconds: 0 }, episode, clips: [video("a", 90)] }),
    ).toMatchObject({ ok: false, code: "bad_column" });
    expect(
      planRender({ column: { ...column, colors: { background: "red" } }, episode, clips: [video("a", 90)] }),
    ).toMatchObject({ ok: false, code: "bad_column" });
    expect(planRender({ column, episode, clips: [video("a", 90, { width: 0 })] })).toMatchObject({
      ok: false,
      code: "bad_clip",
    });
    expect(
      planRender({
        column,
        episode: { title: "x", script: [{ text: "a", seconds: -1 }] },
        clips: [video("a", 90)],
      }),
    ).toMatchObject({ ok: false, code: "bad_script" });
  });

  it("refuses more clips than the body can show for half a second each", () => {
    const result = planRender({
      column: { ...column, durationSeconds: 6, introCardSeconds: 1, outroSeconds: 1 },
      episode,
      clips: Array.from({ length: 9 }, (_, i) => video(`c${i}`, 5)),
    });
    expect(result).toMatchObject({ ok: false, code: "too_many_clips" });
  });

  it("times cues back to back from the end of the intro and drops what does not fit", () => {
    const p = plan({
      column: { ...column, durationSeconds: 10, introCardSeconds: 2, outroSeconds: 2 },
      episode: {
        title: "t",
        script: [
          { text: "一", seconds: 3 },
          { text: "  ", seconds: 1 },
          { text: "二", seconds: 4 },
          { text: "三", seconds: 2 },
        ],
      },
    });
    expect(p.cues).toEqual([
      { startSeconds: 2, endSeconds: 5, text: "一" },
      { startSeconds: 5, endSeconds: 8, text: "二" },
    ]);
    expect(p.warnings[0]).toContain("1 句");
  });

  it("uses the column intro clip, capped, instead of the title card", () => {
    const p = plan({ column: { ...column, introClip: video("intro", 12) } });
    expect(p.intro).toMatchObject({ kind: "clip", seconds: 5 });
    expect(p.body[0].timelineStartSeconds).toBe(5);
  });
});
