import type { Block } from "../types";
import type { LayoutBlocks } from "./blocks";
import type { Frame, LayoutContext } from "./layout-context";
import { TIP_LABEL_KEYS, zh } from "./labels";
import { INK, TINTS, TIP_COLORS } from "./palette";

/**
 * Boxed blocks: tinted tip and warning boxes (labelled 提示 / 注意), code in a grey box, and quotes
 * with a grey bar. The box is drawn per page segment by the flow, so it may cross a page break.
 */
export function layoutBox(
  lc: LayoutContext,
  options: {
    blocks: Block[];
    frame: Frame;
    kind: "tip" | "warning" | "quote" | "code";
    codeText?: string;
    layoutBlocks: LayoutBlocks;
  },
): void {
  const { blocks, frame, kind, codeText } = options;
  const { flow, size, lineHeight: L } = lc;
  const pad = size * 0.7;
  flow.y += size * 0.3;
  flow.ensure(pad * 2 + 2 * L);
  const tinted = kind !== "quote";
  flow.openBox(
    tinted
      ? { x: frame.x, w: frame.width, fill: TINTS[kind] }
      : { x: frame.x, w: frame.width, bar: "#c7ccd3" },
  );
  flow.y += tinted ? pad : size * 0.2;
  const inner: Frame = {
    x: frame.x + (tinted ? pad : size * 1.2),
    width: frame.width - (tinted ? 2 * pad : size * 1.2),
    indent: false,
    color: kind === "quote" ? "#4b5563" : frame.color,
    size: kind === "code" ? size * 0.9 : frame.size,
  };
  if (kind === "tip" || kind === "warning") {
    const labelLine = lc.breakText(
      [{ text: zh(TIP_LABEL_KEYS[kind]), style: lc.style("bold", size, TIP_COLORS[kind]) }],
      inner.width,
      size,
    );
    lc.placeLines(labelLine, inner.x, L, size);
  }
  if (kind === "code" && codeText !== undefined) {
    const runs = codeText
      .split("\n")
      .map((text, k) => ({ text, style: lc.style("regular", inner.size, INK), hardBreak: k > 0 }));
    lc.placeLines(
      lc.breakText(runs, inner.width, inner.size, { justify: false }),
      inner.x,
      inner.size * 1.6,
      inner.size,
    );
  } else {
    // A list inside a box starts again at the first bullet.
    options.layoutBlocks(lc, blocks, inner);
    flow.y -= frame.size * 0.45;
  }
  flow.y += tinted ? pad : size * 0.2;
  flow.closeBox();
  flow.y += size * 0.8;
}
