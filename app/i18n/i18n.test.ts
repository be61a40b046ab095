import { describe, expect, it } from "vitest";
import { resources } from "./i18n";

/** Every leaf path of a string tree ("media.render.title"), arrays by index. */
function leafPaths(tree: unknown, prefix = ""): string[] {
  if (tree === null || typeof tree !== "object") return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leafPaths(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** i18next plural forms ("roundsLeft_one", "roundsLeft_other") are one key; each language has its own forms. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

describe("UI strings", () => {
  const zh = new Set(leafPaths(resources.zh.translation).map((key) => key.replace(PLURAL_SUFFIX, "")));
  const en = new Set(leafPaths(resources.en.translation).map((key) => key.replace(PLURAL_SUFFIX, "")));

  it("has every Chinese key in English", () => {
    expect([...zh].filter((key) => !en.has(key))).toEqual([]);
  });

  it("has every English key in Chinese", () => {
    expect([...en].filter((key) => !zh.has(key))).toEqual([]);
  });

  it("gives every plural key its other form", () => {
    for (const tree of [resources.zh.translation, resources.en.translation]) {
      const keys = new Set(leafPaths(tree));
      const plural = [...keys].filter((key) => PLURAL_SUFFIX.test(key));
      expect(plural.filter((key) => !keys.has(key.replace(PLURAL_SUFFIX, "_other")))).toEqual([]);
    }
  });

  it("has no empty string in either language", () => {
    const empty = (tree: unknown) =>
      leafPaths(tree).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as never)?.[part], tree);
        return typeof value === "string" && value.trim() === "";
      });
    expect(empty(resources.zh.translation)).toEqual([]);
    expect(empty(resources.en.translation)).toEqual([]);
  });
});
