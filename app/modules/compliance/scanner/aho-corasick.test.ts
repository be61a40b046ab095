import { describe, expect, it } from "vitest";
import { buildAutomaton, findAll } from "./aho-corasick";

function occurrences(keys: string[], text: string): [string, number][] {
  const automaton = buildAutomaton(keys);
  const found: [string, number][] = [];
  findAll(automaton, text, (key, end) => found.push([keys[key]!, end - keys[key]!.length]));
  return found;
}

/** Every occurrence by brute force, in the automaton's order (by end, then the longest first). */
function bruteForce(keys: string[], text: string): [string, number][] {
  const found: [string, number, number][] = [];
  for (const key of keys) {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1))
      found.push([key, at, at + key.length]);
  }
  found.sort((a, b) => a[2] - b[2] || a[1] - b[1]);
  return found.map(([key, at]) => [key, at]);
}

describe("Aho–Corasick automaton", () => {
  it("finds overlapping keys and keys inside keys, through failure links", () => {
    expect(occurrences(["he", "she", "his", "hers"], "ushers")).toEqual([
      ["she", 1],
      ["he", 2],
      ["hers", 2],
    ]);
    expect(occurrences(["最", "最好", "最好的", "好的"], "最好的车")).toEqual([
      ["最", 0],
      ["最好", 0],
      ["最好的", 0],
      ["好的", 1],
    ]);
  });

  it("agrees with a brute-force search on generated keys and text", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = "最好第一国内佳";
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join("");
    const keys = [...new Set(Array.from({ length: 40 }, () => word(1 + random(4))))];
    const text = word(500);
    expect(occurrences(keys, text)).toEqual(bruteForce(keys, text));
  });

  it("agrees with brute force over a wide alphabet: many children per state, shared slots, units no key holds", () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    // 300 Han characters, an emoji's surrogate halves and ASCII: the double array places states
    // with hundreds of children and single children side by side.
    const alphabet = [
      ...Array.from({ length: 300 }, (_, k) => String.fromCharCode(0x4e00 + k * 7)),
      "\ud83d",
      "\ude97",
      ..."ab%1",
    ];
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join("");
    const keys = [...new Set(Array.from({ length: 3_000 }, () => word(1 + random(5))))];
    // The text mixes the alphabet with units no key holds.
    const text = Array.from({ length: 4_000 }, () =>
      random(5) === 0 ? String.fromCharCode(0x9000 + random(50)) : alphabet[random(40)],
    ).join("");
    const found = occurrences(keys, text);
    expect(found.length).toBeGreaterThan(500);
    expect(found).toEqual(bruteForce(keys, text));
  });

  it("finds nothing without keys or text", () => {
    expect(occurrences([], "最好")).toEqual([]);
    expect(occurrences(["最好"], "")).toEqual([]);
  });
});
