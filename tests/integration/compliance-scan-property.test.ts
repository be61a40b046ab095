// The fast scanner (typed tables, automaton, pattern prefilters, shared buffers) against a
// reference written the obvious way: the straightforward normalisation (normalizeNaively), indexOf
// of every term over the normalised text, every pattern over the whole pattern stream, each hit
// mapped back through the offset arrays. On a few hundred generated texts made of the library's
// own terms, allowed contexts and claims with noise inserted, both must give the same findings.
import { describe, expect, it } from "vitest";
import type { Finding, ScanTerm } from "~/modules/compliance/compliance-types";
import { normalizeNaively } from "~/modules/compliance/scanner/normalize";
import { compilePattern } from "~/modules/compliance/scanner/pattern-guard";
import { compileLibrary, scanCompiled } from "~/modules/compliance/scanner/scan";
import { SEED_TERMS } from "../../db/seed-content/terms";
import { INVISIBLE, TRADITIONAL } from "../fixtures/writer-disguises";

/** A small deterministic generator: the same texts every run. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
}

const SEVERITY_ORDER = { block: 0, review: 1 } as const;

/** Whether some occurrence of one of `contexts` in `text` covers [start, end). */
function covered(text: string, start: number, end: number, contexts: string[]): boolean {
  return contexts.some((context) => {
    for (let at = text.indexOf(context); at >= 0 && at <= start; at = text.indexOf(context, at + 1))
      if (at + context.length >= end) return true;
    return false;
  });
}

/** The reference scanner: indexOf of every term over the normalised text, mapped back. */
function referenceScan(terms: ScanTerm[], text: string): Finding[] {
  const { match, pattern } = normalizeNaively(text);
  const norm = (s: string) => normalizeNaively(s).match.text;
  const normPattern = (s: string) => normalizeNaively(s).pattern.text;
  const hits: { term: ScanTerm; start: number; end: number }[] = [];
  // Terms that read alike share one key: at each occurrence the first one no context cancels
  // (blocking before review, then by id) is reported.
  const byKey = new Map<string, ScanTerm[]>();
  for (const term of terms) {
    if (term.term === null) continue;
    const key = norm(term.term);
    if (key === "") continue;
    byKey.set(key, [...(byKey.get(key) ?? []), term]);
  }
  for (const [key, group] of byKey) {
    group.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id - b.id);
    for (let at = match.text.indexOf(key); at >= 0; at = match.text.indexOf(key, at + 1)) {
      const end = at + key.length;
      const term = group.find(
        (t) =>
          !covered(
            match.text,
            at,
            end,
            t.allowedContexts.map(norm).filter((c) => c !== ""),
          ),
      );
      if (term) hits.push({ term, start: match.starts[at]!, end: match.ends[end - 1]! });
    }
  }
  for (const term of terms) {
    if (term.pattern === null) continue;
    const compiled = compilePattern(term.pattern);
    if (!compiled.ok) continue;
    const regex = compiled.regex;
    const contexts = term.allowedContexts.map(normPattern).filter((c) => c !== "");
    regex.lastIndex = 0;
    for (let m = regex.exec(pattern.text); m; m = regex.exec(pattern.text)) {
      const end = m.index + m[0].length;
      if (end === m.index) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      if (!covered(pattern.text, m.index, end, contexts))
        hits.push({ term, start: pattern.starts[m.index]!, end: pattern.ends[end - 1]! });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.term.id - b.term.id);
  return hits
    .filter((h, k) => {
      const p = hits[k - 1];
      return !p || p.term !== h.term || p.start !== h.start || p.end !== h.end;
    })
    .map((h) => ({
      termId: h.term.id,
      term: h.term.term ?? h.term.pattern ?? "",
      match: text.slice(h.start, h.end),
      category: h.term.category,
      severity: h.term.severity,
      start: h.start,
      end: h.end,
      reason: h.term.reason,
      basis: h.term.basis,
      suggestion: h.term.suggestion,
    }));
}

const SEPARATORS = [" ", "　", "·", "*", "-", "\n", "，"];
const FILLER = "本周到店试驾这款车搭载涡轮增压发动机的售后团队响应很好客户口碑欢迎咨询一汽大众";
const CLAIMS = [
  "6.5L/100km",
  "百公里油耗5.8升",
  "100%",
  "100 %",
  "续航520公里",
  "0首付",
  "0利率",
  "第1名",
  "L3级",
  "L2+",
  "13812345678",
  "www.example.com",
  "加微信abc_12345",
  "质保10年",
  "3折起",
  "30分钟上门",
  "NO.1",
  "N0.l",
  "㎞",
  "①",
  "\ud83d\ude97",
];

/** One character as a writer might disguise it: full-width, upper case, traditional, or as is. */
function disguise(c: string, pick: (n: number) => number): string {
  const roll = pick(12);
  const code = c.charCodeAt(0);
  if (roll === 0 && code >= 0x21 && code <= 0x7e) return String.fromCharCode(code + 0xfee0);
  if (roll === 1) return c.toUpperCase();
  if (roll <= 3) return TRADITIONAL[c] ?? c;
  return c;
}

/** A text of library terms, allowed contexts and claims, with noise between and inside them. */
function generatedText(terms: ScanTerm[], pick: (n: number) => number): string {
  const words = terms.flatMap((t) => [t.term ?? "", ...t.allowedContexts]).filter(Boolean);
  let out = "";
  const pieces = 3 + pick(25);
  for (let p = 0; p < pieces; p++) {
    const roll = pick(10);
    const piece =
      roll < 5
        ? words[pick(words.length)]!
        : roll < 7
          ? CLAIMS[pick(CLAIMS.length)]!
          : FILLER.slice(pick(FILLER.length), pick(FILLER.length) + 1 + pick(8));
    for (const c of piece) {
      out += disguise(c, pick);
      const noise = pick(14);
      if (noise === 0) out += INVISIBLE[pick(INVISIBLE.length)];
      else if (noise === 1) out += SEPARATORS[pick(SEPARATORS.length)];
    }
    if (pick(3) === 0) out += SEPARATORS[pick(SEPARATORS.length)];
  }
  return out;
}

const seedLibrary: ScanTerm[] = SEED_TERMS.map((t, i) => ({ ...t, id: i + 1 }));

/** Terms that read alike after normalisation, nest, overlap and share a key across severities. */
const overlapping: ScanTerm[] = [
  ["最", "review", ["最近", "最后"]],
  ["最好", "block", ["最好是"]],
  ["最 好", "review", []],
  ["最好的", "block", []],
  ["好的", "review", ["好的车"]],
  ["第一", "block", ["第一次", "第一时间"]],
  ["国内第一", "block", []],
  ["ＮＯ．１", "block", []],
  ["一", "review", ["一汽"]],
].map(([term, severity, allowedContexts], i) => ({
  id: 10_000 + i,
  term: term as string,
  pattern: null,
  category: "absolute" as const,
  severity: severity as "block" | "review",
  reason: "r",
  basis: "b",
  suggestion: "s",
  allowedContexts: allowedContexts as string[],
}));

describe("the scanner against the reference scan", () => {
  it.each([
    ["the seed library", seedLibrary, 1],
    ["the seed library with overlapping and alike terms", [...seedLibrary, ...overlapping], 2],
    ["overlapping and alike terms alone", overlapping, 3],
  ] as const)("gives the reference's findings on 200 generated texts: %s", (_, terms, seed) => {
    const lib = compileLibrary(terms);
    const pick = generator(seed);
    let total = 0;
    for (let n = 0; n < 200; n++) {
      const text = generatedText([...terms], pick);
      const expected = referenceScan([...terms], text);
      expect(scanCompiled(lib, text), JSON.stringify(text)).toEqual(expected);
      total += expected.length;
    }
    // The texts do hit: on average several findings each.
    expect(total).toBeGreaterThan(400);
  });
});
