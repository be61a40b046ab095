// The compliance scanner on a 2,000-character dealership article (traditional characters, spaces
// and zero-width characters mixed in), against (a) the ~300-term seed library and (b) 5,000
// generated terms, with full normalisation. Goal: median under 1 ms and at least 20x faster than
// the naive scan (indexOf of every term over the normalised text). Three baselines, each timed
// turn about with the scan in the same run, all printed: the naive scan with the straightforward
// normalisation (the baseline), the naive scan with the scanner's own fast normaliser,
// and indexOf per term alone over a text normalised beforehand. Also the compile time of 5,000
// terms (goal: under 100 ms) and the matching alone (automaton against indexOf).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ScanTerm } from "../../app/modules/compliance/compliance-types";
import { findAll } from "../../app/modules/compliance/scanner/aho-corasick";
import {
  normalizeBoth,
  normalizeForMatch,
  normalizeNaively,
} from "../../app/modules/compliance/scanner/normalize";
import { compilePattern } from "../../app/modules/compliance/scanner/pattern-guard";
import { compileLibrary, scanCompiled } from "../../app/modules/compliance/scanner/scan";
import { INVISIBLE, TRADITIONAL } from "../../tests/fixtures/writer-disguises";
import { interleavedMedians, report, type BenchRow } from "./bench-utils";
import { benchOriginality } from "./compliance-originality";

/** A small deterministic generator (the article and the terms are the same every run). */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
}

const SENTENCES = [
  "本周末到店试驾全新一代SUV，即可参与店庆抽奖活动",
  "这款车搭载2.0T涡轮增压发动机，最大功率185kW，峰值扭矩380N·m",
  "百公里综合油耗仅6.5L/100km，日常通勤经济实惠",
  "全系标配L2级组合驾驶辅助，包括自适应巡航和车道保持",
  "二排座椅支持电动调节与加热，长途出行更舒适",
  "本店提供原厂配件和厂家认证技师，保养透明可查",
  "置换补贴最高可达一万元，具体以店内公示为准",
  "金融方案首付比例灵活，详情请咨询销售顾问",
  "车主口碑很好，不少老客户介绍朋友来店看车",
  "新能源版本CLTC续航里程520公里，支持快充",
  "我们的售后团队第一时间响应道路救援需求",
  "一汽大众同级车型中，这款的后排空间表现突出",
  "雨季用车请注意检查雨刮和轮胎花纹深度",
  "最近很多客户咨询冬季电池保养，我们整理了几条建议",
  "店内展车颜色齐全，周末试驾请提前预约",
  "这台车堪称国内第一的家用SUV，最佳之选",
  "客户满意度100%，欢迎到店体验",
];

/** A 2,000-character article: sentences in a seeded order, some traditional, some with spaces or zero-width characters. */
export function dealershipArticle(length = 2_000): string {
  const pick = random(2_025);
  let out = "";
  while (out.length < length) {
    let sentence = SENTENCES[pick(SENTENCES.length)]!;
    if (pick(4) === 0) sentence = [...sentence].map((c) => TRADITIONAL[c] ?? c).join("");
    const chars = [...sentence].map((c) => {
      const roll = pick(40);
      return roll === 0 ? `${c} ` : roll === 1 ? `${c}${INVISIBLE[pick(INVISIBLE.length)]}` : c;
    });
    out += `${chars.join("")}${pick(3) === 0 ? "！" : "。"}${pick(6) === 0 ? "\n" : ""}`;
  }
  return out.slice(0, length);
}

const entry = (id: number, over: Partial<ScanTerm>): ScanTerm => ({
  id,
  term: null,
  pattern: null,
  category: "absolute",
  severity: "block",
  reason: "绝对化用语",
  basis: "《中华人民共和国广告法》第九条",
  suggestion: "",
  allowedContexts: [],
  ...over,
});

/** A representative ~300-term library, for a checkout without the seed library. */
function representativeTerms(): ScanTerm[] {
  const stems = [
    "好",
    "佳",
    "优",
    "强",
    "高",
    "低",
    "大",
    "快",
    "省",
    "新",
    "先进",
    "豪华",
    "舒适",
    "安全",
    "便宜",
    "实惠",
    "畅销",
    "热销",
    "专业",
    "权威",
    "放心",
    "可靠",
    "耐用",
    "稳定",
    "智能",
    "环保",
    "节能",
    "划算",
    "靠谱",
    "受欢迎",
  ];
  const literals = [
    ...stems.flatMap((s) => [`最${s}`, `全网最${s}`, `史上最${s}`]),
    ...stems.map((s) => `顶级${s}`),
    ...[
      "第一",
      "国内第一",
      "全国第一",
      "销量第一",
      "唯一",
      "首个",
      "首选",
      "国家级",
      "世界级",
      "顶级",
      "极致",
      "万能",
      "绝对",
      "永久",
      "终身",
      "100%安全",
      "零风险",
      "零事故",
      "稳赚",
      "保值",
      "包过",
      "包上牌",
      "包提车",
      "零首付",
      "免息",
      "不限购",
      "秒批",
      "无需征信",
      "黑户可贷",
      "加微信",
      "私聊",
      "扫码领取",
      "点击链接",
    ],
  ];
  const terms = literals.map((term, i) => entry(i + 1, { term }));
  terms.push(
    entry(terms.length + 1, {
      term: "最",
      severity: "review",
      allowedContexts: ["最近", "最后", "最初", "最终"],
    }),
  );
  const patterns = [
    String.raw`100\s*%`,
    String.raw`\d+(\.\d+)?\s*[l升]\s*/\s*100\s*(km|公里)`,
    String.raw`百公里(油耗)?\s*\d+(\.\d+)?\s*(l|升)`,
    String.raw`0\s*首付`,
    String.raw`0\s*(利率|利息|息|费率)`,
    String.raw`第\s*1\s*(名|位|品牌)`,
    String.raw`续航\s*\d+\s*(km|公里)`,
    String.raw`l\s*[345]\s*级`,
  ];
  for (const pattern of patterns) terms.push(entry(terms.length + 1, { pattern, category: "auto_fuel" }));
  let n = 0;
  while (terms.length < 300)
    terms.push(entry(terms.length + 1, { term: `${stems[n % stems.length]}到爆${n++}` }));
  return terms;
}

/** The seed library when this checkout has it (db/seed-content/terms), else the representative set. */
export async function seedOrRepresentativeTerms(): Promise<{ terms: ScanTerm[]; source: string }> {
  const seed = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../db/seed-content/terms/index.ts",
  );
  if (fs.existsSync(seed)) {
    const mod = (await import(pathToFileURL(seed).href)) as { SEED_TERMS?: Omit<ScanTerm, "id">[] };
    if (mod.SEED_TERMS?.length) {
      return { terms: mod.SEED_TERMS.map((t, i) => ({ ...t, id: i + 1 })), source: "seed library" };
    }
  }
  return { terms: representativeTerms(), source: "representative set" };
}

/** 5,000 terms: the library above, then generated two-to-five-character words. */
export function generatedTerms(base: ScanTerm[], count = 5_000): ScanTerm[] {
  const pick = random(5_000);
  const chars =
    "最好优佳强高低大快省新先进豪华舒适安全便宜实惠畅销热销专业权威放心可靠耐用稳定智能环保节能划算靠谱欢迎车辆发动机油耗续航保养维修金融首付利息贷款上牌置换补贴国内第一全网独家正品官方";
  const terms = [...base];
  const seen = new Set(base.map((t) => t.term ?? t.pattern));
  while (terms.length < count) {
    const word = Array.from({ length: 2 + pick(4) }, () => chars[pick(chars.length)]).join("");
    if (seen.has(word)) continue;
    seen.add(word);
    terms.push(entry(terms.length + 1, { term: word, severity: pick(3) === 0 ? "review" : "block" }));
  }
  return terms;
}

/**
 * The naive scan: normalise, then indexOf of every term over the normalised text, then every
 * pattern over the whole pattern stream. It counts hits (it does not build findings, which only
 * favours it). `normalize` is either the straightforward normalisation (normalizeNaively: the
 * issue's "full normalisation" written plainly) or the scanner's own fast one (normalizeBoth).
 */
function naiveScanner(
  terms: ScanTerm[],
  normalize: (text: string) => { match: { text: string }; pattern: { text: string } },
) {
  const keys = terms.flatMap((t) => (t.term ? [normalizeForMatch(t.term).text] : [])).filter(Boolean);
  const patterns = terms.flatMap((t) => {
    const compiled = t.pattern ? compilePattern(t.pattern) : null;
    return compiled?.ok ? [compiled.regex] : [];
  });
  return {
    keys,
    scan(text: string): number {
      const { match, pattern } = normalize(text);
      let hits = indexOfHits(keys, match.text);
      for (const regex of patterns) {
        regex.lastIndex = 0;
        while (regex.exec(pattern.text)) hits++;
      }
      return hits;
    },
  };
}

/** indexOf of every key over an already normalised text: the occurrences, overlapping ones included. */
function indexOfHits(keys: readonly string[], normalized: string): number {
  let hits = 0;
  for (const key of keys)
    for (let at = normalized.indexOf(key); at >= 0; at = normalized.indexOf(key, at + 1)) hits++;
  return hits;
}

const round = (ms: number) => Number(ms.toFixed(4));

/**
 * The full scan (normalise, match, map back, findings) against three baselines, each timed turn
 * about with it in its own run: the naive scan with the straightforward normalisation (the
 * issue's baseline), the naive scan with the scanner's fast normaliser, and indexOf of every
 * term alone over a text normalised beforehand (no normalisation, no patterns, no offsets: the
 * least work any scan can do, so the hardest ratio). Every figure is printed.
 */
function scanRows(label: string, terms: ScanTerm[], text: string): BenchRow[] {
  const lib = compileLibrary(terms);
  const plain = naiveScanner(terms, normalizeNaively);
  const fast = naiveScanner(terms, normalizeBoth);
  const normalized = normalizeForMatch(text).text;
  const findings = scanCompiled(lib, text).length;
  const hits = [plain.scan(text), fast.scan(text)];
  if (hits[0] !== hits[1]) throw new Error(`the two normalisations disagree: ${hits.join(" ≠ ")} hits`);
  const baselines: [string, () => unknown][] = [
    ["A: naive normalise + indexOf/term + patterns", () => plain.scan(text)],
    ["B: fast normalise + indexOf/term + patterns", () => fast.scan(text)],
    ["C: indexOf/term only, pre-normalised", () => indexOfHits(plain.keys, normalized)],
  ];
  return baselines.map(([name, baseline]) => {
    const times = interleavedMedians(baseline, () => scanCompiled(lib, text), 400, 50);
    const ratio = times.baseline / times.measured;
    return {
      name: `${label}, ${findings} findings vs ${name}`,
      "baseline ms": round(times.baseline),
      "scanCompiled ms": round(times.measured),
      ratio: Number(ratio.toFixed(1)),
      goal: times.measured < 1 && ratio >= 20 ? "met (< 1 ms, ≥ 20x)" : "MISSED (< 1 ms, ≥ 20x)",
    };
  });
}

/** The matching alone, over an already normalised text: the automaton against indexOf of every key. */
function matchingRows(terms: ScanTerm[], text: string): BenchRow[] {
  const lib = compileLibrary(terms);
  const { keys } = naiveScanner(terms, normalizeBoth);
  const normalized = normalizeForMatch(text).text;
  const times = interleavedMedians(
    () => indexOfHits(keys, normalized),
    () => {
      let hits = 0;
      findAll(lib.automaton, normalized, () => hits++);
      return hits;
    },
    400,
    50,
  );
  return [
    {
      name: `automaton alone vs indexOf/key only, ${keys.length} keys, pre-normalised`,
      "baseline ms": round(times.baseline),
      "scanCompiled ms": "",
      "automaton ms": round(times.measured),
      ratio: Number((times.baseline / times.measured).toFixed(1)),
      goal: "",
    },
  ];
}

/**
 * The compile time of a library: the median wall time of 11 compiles, and the process's CPU time
 * per compile beside it (on a shared, busy machine the wall time also counts waiting for a core).
 */
function compileRow(terms: ScanTerm[]): BenchRow {
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const times: number[] = [];
  compileLibrary(terms);
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    compileLibrary(terms);
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  const ms = median(times);
  return {
    name: `compileLibrary, ${terms.length} terms (CPU ${((cpu.user + cpu.system) / 1000 / 11).toFixed(1)} ms a compile)`,
    "scanCompiled ms": "",
    "compile ms": round(ms),
    ratio: "",
    goal: ms < 100 ? "met (< 100 ms)" : "MISSED (< 100 ms)",
  };
}

/** The scanner's table (the rows above), printed and written to bench/results/compliance.json. */
export async function benchScanner() {
  const text = dealershipArticle();
  const { terms: library, source } = await seedOrRepresentativeTerms();
  const many = generatedTerms(library);
  const rows: BenchRow[] = [
    ...scanRows(`${library.length} terms (${source})`, library, text),
    ...scanRows(`${many.length} terms`, many, text),
    ...matchingRows(many, text),
    compileRow(many),
  ];

  report("compliance", rows, { textLength: text.length, library: source });
  console.log(
    [
      "Baselines (each timed turn about with scanCompiled in its own run; scanCompiled = normalise, match, map back, findings):",
      " A: the straightforward normalisation (per code point, Map look-up, string concatenation, offset arrays),",
      "    then indexOf of every term over the match stream and every pattern over the pattern stream: the issue's baseline.",
      " B: the same with the scanner's own fast normaliser (normalizeBoth).",
      " C: indexOf of every term alone over a text normalised beforehand: no normalisation, no patterns, no offsets.",
    ].join("\n"),
  );
}

export async function main() {
  await benchScanner();
  // The originality check against 10,000 earlier pieces prints its own table.
  await benchOriginality();
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
