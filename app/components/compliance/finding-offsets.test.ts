import { describe, expect, it } from "vitest";
import type { Finding } from "~/modules/compliance/compliance-types";
import {
  chunkText,
  collapseNested,
  joinParts,
  markIndexFor,
  marksFor,
  rebaseFindings,
  splitFindings,
} from "./finding-offsets";

const at = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length, severity: "block" as const };
};

describe("rebaseFindings", () => {
  const before = "本店全网最低价，欢迎加微信咨询";
  const findings = [at(before, "最低价"), at(before, "加微信")];

  it("keeps findings before the edit and shifts those after it", () => {
    const after = "本店全网最低价！！现在欢迎加微信咨询";
    const moved = rebaseFindings(findings, before, after);
    expect(moved.map((f) => after.slice(f.start, f.end))).toEqual(["最低价", "加微信"]);
  });

  it("drops a finding the edit touches", () => {
    const after = "本店全网最低的价，欢迎加微信咨询";
    const moved = rebaseFindings(findings, before, after);
    expect(moved.map((f) => after.slice(f.start, f.end))).toEqual(["加微信"]);
  });

  it("handles text typed at either end and a repeated character at the edit", () => {
    expect(rebaseFindings(findings, before, `${before}。`)).toEqual(findings);
    const front = `新品${before}`;
    expect(rebaseFindings(findings, before, front).map((f) => front.slice(f.start, f.end))).toEqual([
      "最低价",
      "加微信",
    ]);
    // "第一第一" → "第一第一第一": the common prefix and suffix must not overlap.
    const twice = "第一第一";
    const thrice = "第一第一第一";
    const kept = rebaseFindings([at(twice, "第一"), at(twice, "第一", 1)], twice, thrice);
    expect(kept.map((f) => thrice.slice(f.start, f.end))).toEqual(["第一", "第一"]);
  });

  it("counts offsets in UTF-16 units around characters outside the BMP", () => {
    const text = "𠮷第一名";
    const f = [{ start: 2, end: 4 }];
    const after = `𠮷𠮷${text.slice(2)}`;
    expect(rebaseFindings(f, text, after).map((x) => after.slice(x.start, x.end))).toEqual(["第一"]);
  });
});

describe("splitFindings", () => {
  it("gives each part its own findings with offsets into that part", () => {
    const parts = ["第一行没问题", "全网 最低价", "", "加微信领取"];
    const joined = joinParts(parts);
    const found = [at(joined, "全网 最低价"), at(joined, "加微信")];
    const split = splitFindings(found, parts);
    expect(split.map((list) => list.map((f) => f.start))).toEqual([[], [0], [], [0]]);
    expect(parts[1].slice(split[1][0].start, split[1][0].end)).toBe("全网 最低价");
  });

  it("leaves out a finding that runs across two parts", () => {
    const parts = ["价格第", "一"];
    const joined = joinParts(parts);
    expect(splitFindings([{ start: 2, end: joined.length }], parts)).toEqual([[], []]);
    expect(splitFindings([], [])).toEqual([]);
  });
});

describe("chunkText", () => {
  it("returns short text whole", () => {
    expect(chunkText("abc", 10)).toEqual([{ offset: 0, text: "abc" }]);
  });

  it("cuts after a line break in the second half and covers the text exactly", () => {
    const text = `${"甲".repeat(7)}\n${"乙".repeat(7)}\n${"丙".repeat(3)}`;
    const chunks = chunkText(text, 10);
    expect(chunks.every((c) => c.text.length <= 10)).toBe(true);
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    expect(chunks[0].text.endsWith("\n")).toBe(true);
    for (const c of chunks) expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
  });

  it("does not cut a surrogate pair when there is no line break", () => {
    const text = `${"a".repeat(9)}𠮷bbb`;
    const chunks = chunkText(text, 10);
    expect(chunks[0].text).toBe("a".repeat(9));
    expect(chunks.map((c) => c.text).join("")).toBe(text);
  });
});

describe("marksFor", () => {
  it("merges overlapping findings at the gravest severity and clips to the text", () => {
    const marks = marksFor(
      [
        { start: 2, end: 5, severity: "review" },
        { start: 4, end: 7, severity: "block" },
        { start: 9, end: 20, severity: "review" },
      ],
      12,
    );
    expect(marks).toEqual([
      { start: 2, end: 7, severity: "block", count: 2 },
      { start: 9, end: 12, severity: "review", count: 1 },
    ]);
    expect(markIndexFor(marks, { start: 4 })).toBe(0);
    expect(markIndexFor(marks, { start: 8 })).toBe(-1);
  });
});

describe("collapseNested", () => {
  const finding = (term: string, start: number, severity: "block" | "review" = "block"): Finding => ({
    termId: start,
    term,
    match: term,
    category: "price",
    severity,
    start,
    end: start + term.length,
    reason: "",
    basis: "",
    suggestion: "",
  });

  it("keeps the longest term of a place and a graver finding inside a milder one", () => {
    const kept = collapseNested([
      finding("最低价", 4),
      finding("全网最低价", 2),
      finding("全网最低", 2),
      finding("低价", 5, "review"),
      finding("史上", 10, "review"),
      finding("史", 10),
    ]);
    expect(kept.map((f) => f.term)).toEqual(["全网最低价", "史上", "史"]);
  });
});
