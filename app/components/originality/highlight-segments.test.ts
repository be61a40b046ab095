import { describe, expect, it } from "vitest";
import { highlightSegments, type Segment } from "./highlight-segments";

const shown = (segments: Segment[]) =>
  segments.map((s) => (s.kind === "gap" ? "…" : s.kind === "mark" ? `[${s.n}:${s.text}]` : s.text)).join("");

describe("highlightSegments", () => {
  it("shows a short text whole with its passages marked", () => {
    expect(shown(highlightSegments("甲乙丙丁戊己庚辛", [{ start: 2, end: 4, n: 1 }]))).toBe(
      "甲乙[1:丙丁]戊己庚辛",
    );
  });

  it("keeps context around each passage of a long text and leaves out the rest", () => {
    const text = "一".repeat(100) + "抄来的段落" + "二".repeat(100) + "另一段" + "三".repeat(100);
    const segments = highlightSegments(
      text,
      [
        { start: 205, end: 208, n: 2 },
        { start: 100, end: 105, n: 1 },
      ],
      { context: 5, wholeBelow: 50 },
    );
    expect(shown(segments)).toBe("…一一一一一[1:抄来的段落]二二二二二…二二二二二[2:另一段]三三三三三…");
  });

  it("cuts overlapping passages where the previous one ends and shortens a very long one", () => {
    const text = "零一二三四五六七八九".repeat(3);
    expect(
      shown(
        highlightSegments(text, [
          { start: 0, end: 6, n: 1 },
          { start: 4, end: 8, n: 2 },
        ]),
      ),
    ).toBe("[1:零一二三四五][2:六七]八九" + "零一二三四五六七八九".repeat(2));
    const long = highlightSegments(text, [{ start: 0, end: 30, n: 1 }], { longPassage: 10 });
    expect(shown(long)).toBe("[1:零一二三四]…[1:五六七八九]");
  });

  it("shows the start of a long text without passages", () => {
    expect(shown(highlightSegments("字".repeat(1_000), [], { context: 3 }))).toBe("字字字字字字…");
  });
});
