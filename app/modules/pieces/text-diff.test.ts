import { describe, expect, it } from "vitest";
import { DIFF_MAX_CHANGED_LINES, diffBodies } from "./text-diff";

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}\n`).join("");

describe("diffBodies", () => {
  it("compares line by line and highlights the changed characters of an edited line", () => {
    expect(diffBodies("开场\n卖点：油耗低\n结尾", "开场\n卖点：油耗更低\n结尾\n")).toEqual({
      tooLarge: false,
      lines: [
        { kind: "same", text: "开场" },
        {
          kind: "removed",
          text: "卖点：油耗低",
          segments: [{ text: "卖点：油耗低", changed: false }],
        },
        {
          kind: "added",
          text: "卖点：油耗更低",
          segments: [
            { text: "卖点：油耗", changed: false },
            { text: "更", changed: true },
            { text: "低", changed: false },
          ],
        },
        // The last line with and without its newline is the same line.
        { kind: "same", text: "结尾" },
      ],
    });
  });

  it("keeps shared lines unchanged across CRLF and a missing final newline", () => {
    const diff = diffBodies("小字说明\r\n价格以店内为准", "小字说明\n价格以店内为准\n新增一行\n");
    expect(diff).toEqual({
      tooLarge: false,
      lines: [
        { kind: "same", text: "小字说明" },
        { kind: "same", text: "价格以店内为准" },
        { kind: "added", text: "新增一行" },
      ],
    });
  });

  it("shows a replaced line whole when it shares nothing with the old one", () => {
    expect(diffBodies("甲乙\n", "丙丁\n")).toEqual({
      tooLarge: false,
      lines: [
        { kind: "removed", text: "甲乙" },
        { kind: "added", text: "丙丁" },
      ],
    });
  });

  it("compares a large rewrite and gives up past the bound of changed lines", () => {
    expect(diffBodies(lines(300, "旧"), lines(300, "新")).tooLarge).toBe(false);
    const half = DIFF_MAX_CHANGED_LINES / 2;
    expect(diffBodies(lines(half + 1, "旧"), lines(half + 1, "新"))).toEqual({ tooLarge: true });
  });

  it("shows a first or emptied body whole, however long", () => {
    const long = lines(20_000, "行");
    const added = diffBodies("", long);
    expect(added.tooLarge === false && added.lines.length).toBe(20_000);
    expect(added.tooLarge === false && added.lines.every((l) => l.kind === "added")).toBe(true);
    const removed = diffBodies(long, "");
    expect(removed.tooLarge === false && removed.lines.every((l) => l.kind === "removed")).toBe(true);
    expect(diffBodies("", "")).toEqual({ tooLarge: false, lines: [] });
  });
});
