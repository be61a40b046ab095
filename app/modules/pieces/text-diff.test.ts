import { describe, expect, it } from "vitest";
import { DIFF_MAX_CHANGED_LINES, diffBodies } from "./text-diff";

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}\n`).join("");

describe("diffBodies", () => {
  it("returns the changed lines of an ordinary edit", () => {
    expect(diffBodies("开场\n卖点\n", "开场\n新卖点\n")).toEqual({
      tooLarge: false,
      parts: [
        { kind: "same", text: "开场\n" },
        { kind: "removed", text: "卖点\n" },
        { kind: "added", text: "新卖点\n" },
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
    expect(diffBodies("", long)).toEqual({ tooLarge: false, parts: [{ kind: "added", text: long }] });
    expect(diffBodies(long, "")).toEqual({ tooLarge: false, parts: [{ kind: "removed", text: long }] });
    expect(diffBodies("", "")).toEqual({ tooLarge: false, parts: [] });
  });
});
