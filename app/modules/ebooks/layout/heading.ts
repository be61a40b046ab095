import type { InlineSpan } from "../types";
import type { Frame, LayoutContext } from "./layout-context";
import { INK } from "./palette";

/** `#` … `######` inside a chapter: bold, kept with at least two lines of what follows. */
export function layoutHeading(lc: LayoutContext, spans: InlineSpan[], level: number, frame: Frame): void {
  const { flow, size, lineHeight: L } = lc;
  const sz = level <= 2 ? size * 1.35 : size * 1.15;
  const lineH = sz * 1.5;
  const lines = lc.breakText(lc.runsOf(spans, { font: "bold", size: sz, color: INK }), frame.width, sz, {
    justify: false,
  });
  flow.y += sz * 0.6;
  // Keep a heading with at least two lines of what follows.
  flow.ensure(lines.length * lineH + 2 * L);
  lc.placeLines(lines, frame.x, lineH, sz);
  flow.y += sz * 0.3;
}
