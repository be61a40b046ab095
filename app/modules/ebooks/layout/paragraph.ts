import type { InlineSpan } from "../types";
import type { Frame, LayoutContext } from "./layout-context";

/** A justified paragraph with a 2 em first-line indent where the frame asks for one. */
export function layoutParagraph(lc: LayoutContext, spans: InlineSpan[], frame: Frame): void {
  const { flow } = lc;
  const lines = lc.breakText(
    lc.runsOf(spans, { font: "regular", size: frame.size, color: frame.color }),
    frame.width,
    frame.size,
    {
      indent: frame.indent ? 2 * frame.size : 0,
    },
  );
  lc.placeLines(lines, frame.x, frame.size * 1.75, frame.size);
  flow.y += frame.size * 0.45;
}
