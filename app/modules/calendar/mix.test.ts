import { describe, expect, it } from "vitest";
import { computeMix, type MixSlot } from "./mix";

const videos = (category: string | null, n: number, status = "published"): MixSlot[] =>
  Array.from({ length: n }, () => ({ pieceKind: "episode", mixCategory: category, status }));

describe("short-video content mix", () => {
  it("meets the plan at 30 / 40 / 30 with no warning", () => {
    const mix = computeMix("2026-03", [
      ...videos("车型讲解", 3),
      ...videos("用车技巧", 4),
      ...videos("车主故事", 3, "planned"),
    ]);
    expect(mix).toEqual({
      month: "2026-03",
      total: 10,
      uncategorised: 0,
      categories: [
        { category: "车型讲解", target: 30, actual: 3, share: 30, offBy: 0, warning: false },
        { category: "用车技巧", target: 40, actual: 4, share: 40, offBy: 0, warning: false },
        { category: "车主故事", target: 30, actual: 3, share: 30, offBy: 0, warning: false },
      ],
    });
  });

  it("warns for a category more than 5 points off, not for one exactly 5 off", () => {
    // 7 / 7 / 6 of 20: 35%, 35%, 30% — explainers and tips exactly 5 points off.
    const edge = computeMix("2026-03", [
      ...videos("车型讲解", 7),
      ...videos("用车技巧", 7),
      ...videos("车主故事", 6),
    ]);
    expect(edge.categories.map((c) => [c.offBy, c.warning])).toEqual([
      [5, false],
      [-5, false],
      [0, false],
    ]);
    // 6 / 2 / 2 of 10: explainers 60%, tips 20%, stories 20%.
    const skewed = computeMix("2026-03", [
      ...videos("车型讲解", 6),
      ...videos("用车技巧", 2),
      ...videos("车主故事", 2),
    ]);
    expect(skewed.categories.map((c) => [c.share, c.offBy, c.warning])).toEqual([
      [60, 30, true],
      [20, -20, true],
      [20, -10, true],
    ]);
  });

  it("counts scheduled and published slots of short videos only", () => {
    const mix = computeMix("2026-03", [
      ...videos("车型讲解", 1, "planned"),
      ...videos("车型讲解", 1, "queued"),
      ...videos("用车技巧", 1, "unconfirmed"),
      ...videos("用车技巧", 5, "failed"),
      ...videos("车主故事", 5, "missed"),
      { pieceKind: "poster", mixCategory: "车主故事", status: "published" },
    ]);
    expect(mix.total).toBe(3);
    expect(mix.categories.map((c) => c.actual)).toEqual([2, 1, 0]);
  });

  it("has no warning for an empty month, and counts videos without a category in the total", () => {
    const empty = computeMix("2026-04", []);
    expect(empty.categories.every((c) => c.share === 0 && !c.warning)).toBe(true);
    const partly = computeMix("2026-04", [...videos(null, 1), ...videos("用车技巧", 1)]);
    expect(partly).toMatchObject({ total: 2, uncategorised: 1 });
    expect(partly.categories[1]).toMatchObject({ share: 50, offBy: 10, warning: true });
  });
});
