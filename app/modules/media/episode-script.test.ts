import { describe, expect, it } from "vitest";
import {
  cardSeconds,
  checkScript,
  findScriptProblem,
  fittedSeconds,
  saveScriptFormSchema,
  scriptProblem,
  scriptToBody,
  spokenChars,
} from "./episode-script";

const column = { durationSeconds: 60, outroLine: "到店报暗号“秒懂”送原厂雨伞", readingSpeedCps: 4.5 };

describe("episode script rules", () => {
  it("names the lines at fault: those ending after the outro card should begin, or the fast one", () => {
    // Outro starts at 57 s; the title card takes 2 s.
    const lines = [
      { voiceover: "冬天续航缩水", seconds: 50 },
      { voiceover: "到店检测", seconds: 5 },
      { voiceover: "原厂雨伞", seconds: 2 },
      { voiceover: "报暗号", seconds: 1 },
    ];
    expect(findScriptProblem(lines, column)).toMatchObject({
      context: "overrun",
      lines: [2, 3],
      params: { total: 63, duration: 60, over: 3 },
    });
    expect(
      findScriptProblem(
        [
          { voiceover: "冬天", seconds: 2 },
          { voiceover: "一二三四五六七八九十", seconds: 1 },
        ],
        column,
      ),
    ).toMatchObject({ context: "tooFast", lines: [1], params: { line: 2, chars: 10 } });
    expect(findScriptProblem([{ voiceover: "冬天", seconds: 2 }], column)).toBeNull();
  });

  it("keeps the column's length when padding and ends 0.5 s after the last line when shortening", () => {
    const check = checkScript([{ voiceover: "冬天续航缩水", seconds: 20 }], column);
    expect(fittedSeconds(check, "pad")).toBe(60);
    expect(fittedSeconds(check, "shorten")).toBe(25.5);
    expect(fittedSeconds(checkScript([{ voiceover: "满", seconds: 55 }], column), "shorten")).toBe(60);
  });

  it("counts Han characters fully, Latin letters and digits by half, punctuation not at all", () => {
    expect(spokenChars("原厂雨伞！")).toBe(4);
    expect(spokenChars("CarPlay")).toBe(3.5);
    expect(spokenChars("2.0T，")).toBe(1.5);
  });

  it("adds the title card and outro card to the running total and reports the overrun", () => {
    const fits = checkScript(
      [
        { voiceover: "冬天续航缩水", seconds: 50 },
        { voiceover: "到店检测", seconds: 5 },
      ],
      column,
    );
    expect(fits).toMatchObject({
      introSeconds: 2,
      outroSeconds: 3,
      linesSeconds: 55,
      totalSeconds: 60,
      overrunSeconds: 0,
      ok: true,
    });
    const over = checkScript([{ voiceover: "冬天续航缩水", seconds: 55.5 }], column);
    expect(over.overrunSeconds).toBe(0.5);
    expect(scriptProblem([{ voiceover: "冬天续航缩水", seconds: 55.5 }], column)).toContain(
      "超过栏目时长 60 秒",
    );
  });

  it("flags a line read faster than the column's speed and names it", () => {
    const check = checkScript(
      [
        { voiceover: "慢慢说", seconds: 3 },
        { voiceover: "这一句话一秒钟根本读不完", seconds: 2 },
      ],
      column,
    );
    expect(check.lines.map((l) => l.tooFast)).toEqual([false, true]);
    expect(
      scriptProblem(
        [
          { voiceover: "慢慢说", seconds: 3 },
          { voiceover: "这一句话一秒钟根本读不完", seconds: 2 },
        ],
        column,
      ),
    ).toContain("第 2 句语速过快");
    // The same line passes at a faster column setting.
    expect(
      scriptProblem([{ voiceover: "这一句话一秒钟根本读不完", seconds: 2 }], {
        ...column,
        readingSpeedCps: 6,
      }),
    ).toBeNull();
  });

  it("lets a script without lines through (nothing can overrun) and scales the cards on very short columns", () => {
    expect(scriptProblem([], column)).toBeNull();
    expect(cardSeconds(4)).toEqual({ intro: 0.5, outro: 0.5 });
    expect(cardSeconds(60)).toEqual({ intro: 2, outro: 3 });
  });

  it("keeps the outro line at the end of the stored body text", () => {
    const body = scriptToBody(
      [{ voiceover: "开场", caption: "字幕", shotNote: "全景", seconds: 3 }],
      column.outroLine,
    );
    expect(body.split("\n")).toEqual([
      "1. [3 秒] 开场（字幕：字幕；镜头：全景）",
      "结尾：到店报暗号“秒懂”送原厂雨伞",
    ]);
  });

  it("parses the editor's JSON field and names the failing line field", () => {
    expect(
      saveScriptFormSchema.safeParse({ version: "3", lines: '[{"voiceover":"开场","seconds":"2.5"}]' }).data,
    ).toEqual({ version: 3, lines: [{ voiceover: "开场", caption: "", shotNote: "", seconds: 2.5 }] });
    const bad = saveScriptFormSchema.safeParse({ version: "3", lines: "{not json" });
    expect(bad.success).toBe(false);
    const tooLong = saveScriptFormSchema.safeParse({
      version: "3",
      lines: JSON.stringify([{ voiceover: "开场", seconds: 61 }]),
    });
    expect(tooLong.error?.issues[0].path).toEqual(["lines", 0, "seconds"]);
  });
});
