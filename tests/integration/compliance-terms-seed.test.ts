import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { TERM_CATEGORIES } from "~/modules/compliance/compliance-types";
import { checkPatternSafety } from "~/modules/compliance/scanner/pattern-guard";
import { seedTermLibrary } from "~/modules/compliance/terms/seed-term-library.server";
import { checkTermEntry, entryKey } from "~/modules/compliance/terms/term-rules";
import { SEED_TERMS } from "../../db/seed-content/terms";
import { withTestStudio } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";
import { libraryEntries, NOW } from "./compliance-terms-helpers";

const t = withTestStudio({ now: () => NOW });

describe("the seed library", () => {
  it("has about 300 terms in every category, each one the rules accept, none twice", () => {
    expect(SEED_TERMS.length).toBeGreaterThanOrEqual(290);
    for (const category of TERM_CATEGORIES)
      expect(SEED_TERMS.filter((term) => term.category === category).length, category).toBeGreaterThanOrEqual(
        10,
      );
    const refused = SEED_TERMS.map(
      (term) => [term.term ?? term.pattern, checkTermEntry(term)] as const,
    ).filter(([, checked]) => !checked.ok);
    expect(refused.map(([label, checked]) => `${label}: ${checked.ok ? "" : checked.message}`)).toEqual([]);
    const keys = SEED_TERMS.map(entryKey);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    // Every basis names a law, a regulation, a standard or a platform rule.
    expect(SEED_TERMS.filter((term) => !/《.+》|公告|〔/.test(term.basis))).toEqual([]);
    expect(SEED_TERMS.filter((term) => !term.reason || !term.suggestion)).toEqual([]);
  });

  it("has patterns the scanner's guard passes, for the figures the department writes", () => {
    const patterns = SEED_TERMS.filter((term) => term.pattern !== null);
    expect(patterns.length).toBeGreaterThanOrEqual(20);
    expect(
      patterns.filter((term) => !checkPatternSafety(term.pattern!).ok).map((term) => term.pattern),
    ).toEqual([]);
    const matches = (source: string, text: string) => new RegExp(source, "iu").test(text);
    const pattern = (category: string, text: string) =>
      patterns.some((term) => term.category === category && matches(term.pattern!, text.toLowerCase()));
    expect(pattern("auto_fuel", "综合油耗 5.2 L/100km")).toBe(true);
    expect(pattern("auto_fuel", "百公里油耗4.8升")).toBe(true);
    expect(pattern("absolute", "100 %原厂配件")).toBe(true);
    expect(pattern("auto_finance", "0首付开回家")).toBe(true);
    expect(pattern("auto_finance", "0利率")).toBe(true);
    expect(pattern("auto_range", "续航 620km")).toBe(true);
    expect(pattern("off_platform", "电话13812345678")).toBe(true);
    expect(pattern("auto_adas", "L4级智驾")).toBe(true);
    expect(pattern("auto_adas", "l2级组合驾驶辅助")).toBe(false);
  });

  it("lets ordinary words through where the term sits inside them", () => {
    const contexts = (term: string) => SEED_TERMS.find((entry) => entry.term === term)?.allowedContexts ?? [];
    expect(contexts("最")).toEqual(expect.arrayContaining(["最近", "最后", "最大功率", "最高车速"]));
    expect(contexts("第一")).toEqual(expect.arrayContaining(["第一次", "第一时间", "第一汽车"]));
    expect(contexts("最好")).toContain("最好提前");
    expect(contexts("金牌")).toContain("金牌车主运动会");
    // Only 辅助驾驶 may be said: 自动驾驶 blocks, with no context that lets it through.
    expect(SEED_TERMS.find((entry) => entry.term === "自动驾驶")).toMatchObject({
      severity: "block",
      allowedContexts: [],
    });
  });

  it("is written once, as version 1 with cause seed, without a rescan", () => {
    expect(seedTermLibrary({ db: t.studio.db, now: NOW, terms: SEED_TERMS })).toEqual({ seeded: true });
    const versions = t.studio.db.select().from(schema.termLibraryVersions).all();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      cause: "seed",
      termCount: SEED_TERMS.length,
      actorId: null,
    });
    expect(versions[0].terms).toEqual(SEED_TERMS);
    expect(libraryEntries(t.studio)).toEqual(SEED_TERMS);
    const audit = auditRows(t.studio, "terms.seed");
    expect(audit).toHaveLength(1);
    expect(t.studio.db.select().from(schema.jobs).all()).toEqual([]);
    expect(seedTermLibrary({ db: t.studio.db, now: NOW, terms: SEED_TERMS })).toEqual({ seeded: false });
    expect(t.studio.db.select().from(schema.termLibraryVersions).all()).toHaveLength(1);
  });
});
