import type { BookSection } from "../types";
import type { LayoutContext } from "./layout-context";
import { chineseNumber, sectionDest, zh } from "./labels";
import { ACCENT, INK } from "./palette";

/**
 * A section's opener page (第N篇 and its title, centred), with its named destination and
 * bookmark. Returns its page number.
 */
export function layoutSectionOpener(lc: LayoutContext, section: BookSection, number: number): number {
  const { flow, g, size, centered } = lc;
  flow.newPage("section");
  flow.push({ kind: "dest", name: sectionDest(section.id) });
  flow.push({ kind: "outline", title: section.title, level: 1 });
  const y = centered(
    zh("ebooks.printPart", { n: chineseNumber(number) }),
    size * 1.3,
    "regular",
    ACCENT,
    g.trimHeight * 0.33,
  );
  const after = centered(section.title, size * 2.4, "bold", INK, y + size);
  flow.push({
    kind: "line",
    x1: g.trimWidth / 2 - 24,
    y1: after + size,
    x2: g.trimWidth / 2 + 24,
    y2: after + size,
    color: ACCENT,
    width: 1.5,
  });
  return flow.pageNumber;
}
