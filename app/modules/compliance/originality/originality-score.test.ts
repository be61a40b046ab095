import { describe, expect, it } from "vitest";
import { normalizeForMatch } from "../scanner/normalize";
import { BINS, GUARANTEED_RUN, probeBandKeys, shingleHashes, storedBandKeys } from "./fingerprints";
import { sampleCopy } from "./sample-copy";
import { checkProbes, prepareCheckedText, scoreOriginality, type CandidateCopy } from "./originality-score";

/** A paragraph of about 150 characters that the tests copy. */
const PARAGRAPH =
  "夜班技师老张拆开刹车卡钳，原厂刹车片与副厂件的差别一目了然：原厂件的摩擦材料均匀致密，制动时噪音小、粉尘少，" +
  "而副厂件往往在高温下衰减明显，刹车距离会悄悄变长。我们建议车主每1万公里检查一次刹车片厚度，低于三毫米就要及时更换，" +
  "别等到仪表盘亮起故障灯才想起来。";

/** The same paragraph as someone pasting it might leave it: full-width digits and letters, spaces, traditional characters. */
const RETYPED = PARAGRAPH.replace("1万", "１万")
  .replace(/，/g, "， ")
  .replace("原厂刹车片", "原廠 刹車片")
  .replace("三毫米", "三 毫米");

const earlier = (pieceId: number, text: string): CandidateCopy => ({
  pieceId,
  title: `第${pieceId}条`,
  kind: "article",
  text,
});

const normal = (text: string) => normalizeForMatch(text).text;

describe("originality score", () => {
  it("finds a copied paragraph inside a much longer new text and highlights it on both sides", () => {
    const older = sampleCopy(1, 700) + PARAGRAPH + sampleCopy(2, 700);
    const fresh = sampleCopy(3, 600) + RETYPED + sampleCopy(4, 750);
    expect(fresh.length).toBeGreaterThan(1_450);
    const checked = prepareCheckedText(fresh, []);
    const result = scoreOriginality({ checked, candidates: [earlier(7, older)], threshold: 0.9 });

    expect(result.similar).toHaveLength(1);
    const [similar] = result.similar;
    expect(similar.pieceId).toBe(7);
    expect(similar.text).toBe(older);
    expect(similar.passages).toHaveLength(1);
    const [p] = similar.passages;
    // Both offsets point at the same passage, whatever spacing and forms each side uses.
    expect(normal(fresh.slice(p.start, p.end))).toBe(normal(older.slice(p.otherStart, p.otherEnd)));
    expect(fresh.slice(p.start, p.end)).toContain("原廠 刹車片");
    expect(older.slice(p.otherStart, p.otherEnd)).toContain("原厂刹车片");
    // The whole paragraph, up to its closing punctuation (not part of the normalised text).
    expect(normal(fresh.slice(p.start, p.end))).toBe(normal(PARAGRAPH));
    expect(p.start).toBe(fresh.indexOf("夜班技师"));
    expect(p.otherStart).toBe(older.indexOf("夜班技师"));

    const share = normal(PARAGRAPH).length / checked.liveChars;
    expect(similar.overlap).toBeCloseTo(share, 3);
    expect(result.score).toBeCloseTo(1 - share, 3);
    expect(result.score!).toBeLessThan(0.92);
    expect(result.passes).toBe(true);
    expect(result.nearDuplicateOf).toBeNull();
    // At a kind's stricter threshold the same text fails.
    expect(scoreOriginality({ checked, candidates: [earlier(7, older)], threshold: 0.95 }).passes).toBe(
      false,
    );
  });

  it("scores an original text at 1 and lets it pass", () => {
    const checked = prepareCheckedText(sampleCopy(11, 1_500), []);
    const candidates = [earlier(1, sampleCopy(12, 1_500)), earlier(2, sampleCopy(13, 3_000))];
    const result = scoreOriginality({ checked, candidates, threshold: 0.9 });
    expect(result.score).toBeGreaterThanOrEqual(0.9);
    expect(result.passes).toBe(true);
  });

  it("leaves boilerplate out: a shared disclaimer or outro line does not lower the score", () => {
    const outro = "到店报暗号“秒懂”送原厂雨伞";
    const disclaimer = "本活动最终解释权在法律允许范围内归本店所有，详情请咨询门店销售顾问。";
    const older = sampleCopy(21, 400) + disclaimer + "\n结尾：" + outro;
    const fresh = sampleCopy(22, 400) + disclaimer.replace("，", " ， ") + "\n结尾：" + outro;
    const without = scoreOriginality({
      checked: prepareCheckedText(fresh, []),
      candidates: [earlier(1, older)],
      threshold: 0.9,
    });
    expect(without.score!).toBeLessThan(1);
    const checked = prepareCheckedText(fresh, [disclaimer, outro]);
    expect(checked.liveChars).toBe(normal(fresh).length - normal(disclaimer).length - normal(outro).length);
    const result = scoreOriginality({ checked, candidates: [earlier(1, older)], threshold: 0.9 });
    expect(result.score).toBe(1);
    expect(result.similar).toEqual([]);
  });

  it("checks a text under 60 characters for near-duplicates only", () => {
    const slogan = "元宵猜灯谜赢保养，正月十五到店参与，答对即送基础保养一次！";
    const checked = prepareCheckedText(slogan.replace("十五", "十五 "), []);
    expect(checked.short).toBe(true);
    const result = scoreOriginality({
      checked,
      candidates: [earlier(3, "女神节课堂报名中，名额有限。"), earlier(5, slogan.replace("！", "。"))],
      threshold: 0.9,
    });
    expect(result).toMatchObject({ score: null, nearDuplicateOf: 5, passes: false });

    // One changed word still leaves it a near-duplicate; a different slogan is not one.
    const edited = scoreOriginality({
      checked: prepareCheckedText(slogan.replace("基础", "免费"), []),
      candidates: [earlier(5, slogan)],
      threshold: 0.9,
    });
    expect(edited.nearDuplicateOf).toBe(5);
    const other = scoreOriginality({
      checked: prepareCheckedText("五一自驾节，48小时深度试驾，带上家人去看山看海。", []),
      candidates: [earlier(5, slogan)],
      threshold: 0.9,
    });
    expect(other).toMatchObject({ score: null, nearDuplicateOf: null, passes: true, similar: [] });
  });
});

describe("fingerprints", () => {
  it("keeps at most one key per band", () => {
    const stored = storedBandKeys(normal(sampleCopy(1, 20_000)));
    expect(new Set(stored.map((row) => row.band)).size).toBe(stored.length);
    expect(stored.every((row) => row.band >= 0 && row.band < BINS)).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(BINS);
  });

  it("finds a shared run of 21 normalised characters, and always a shared paragraph, whatever the lengths", () => {
    const found = (older: string, fresh: string) => {
      const keys = new Set(storedBandKeys(normal(older)).map((row) => `${row.band}:${row.key}`));
      const text = normal(fresh);
      return probeBandKeys(shingleHashes(text), new Uint8Array(text.length), { everyShingle: false }).some(
        (row) => keys.has(`${row.band}:${row.key}`),
      );
    };
    let runsFound = 0;
    for (let seed = 0; seed < 40; seed++) {
      const shared = normal(sampleCopy(1_000 + seed, 60)).slice(0, GUARANTEED_RUN);
      const older = sampleCopy(2_000 + seed, 700) + shared + sampleCopy(3_000 + seed, 700);
      if (found(older, sampleCopy(4_000 + seed, 800) + shared + sampleCopy(5_000 + seed, 800))) runsFound++;
      // A paragraph inside a long book is found every time.
      const book = sampleCopy(6_000 + seed, 8_000 + seed * 300) + PARAGRAPH + sampleCopy(7_000 + seed, 6_000);
      expect(found(book, sampleCopy(8_000 + seed, 700) + RETYPED + sampleCopy(9_000 + seed, 700))).toBe(true);
    }
    // A stored fingerprint is lost only where a smaller one of the same text shares its band.
    expect(runsFound).toBeGreaterThanOrEqual(37);
  });

  it("probes no shingle that touches boilerplate", () => {
    const disclaimer = "本活动最终解释权在法律允许范围内归本店所有";
    const checked = prepareCheckedText(disclaimer + sampleCopy(7, 200), [disclaimer]);
    const alone = storedBandKeys(normal(disclaimer)).map((row) => `${row.band}:${row.key}`);
    const probed = new Set(checkProbes(checked).map((row) => `${row.band}:${row.key}`));
    expect(alone.some((key) => probed.has(key))).toBe(false);
  });
});
