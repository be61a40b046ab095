import { describe, expect, it } from "vitest";
import { resources } from "./i18n";

/** Every leaf path of a string tree ("media.render.title"), arrays by index. */
function leafPaths(tree: unknown, prefix = ""): string[] {
  if (tree === null || typeof tree !== "object") return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leafPaths(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe("UI strings", () => {
  const zh = new Set(leafPaths(resources.zh.translation));
  const en = new Set(leafPaths(resources.en.translation));

  it("has every Chinese key in English", () => {
    expect([...zh].filter((key) => !en.has(key))).toEqual([]);
  });

  it("has every English key in Chinese", () => {
    expect([...en].filter((key) => !zh.has(key))).toEqual([]);
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
