import type { Block } from "../types";
import type { LayoutBlocks } from "./blocks";
import type { Frame, LayoutContext } from "./layout-context";
import { ACCENT, INK } from "./palette";

/**
 * Bullet and numbered lists, nested: each item's blocks are set in a narrower frame, and its
 * marker waits on the flow until the item's first line (or image) is placed.
 */
export function layoutList(
  lc: LayoutContext,
  block: Extract<Block, { type: "list" }>,
  frame: Frame,
  depth: number,
  layoutBlocks: LayoutBlocks,
): void {
  const { flow, size } = lc;
  const indent = size * (block.ordered ? 2 : 1.5);
  const bullet = ["•", "◦", "▪"][depth % 3];
  block.items.forEach((item, k) => {
    const markerText = block.ordered ? `${block.start + k}.` : bullet;
    const markerStyle = lc.style(
      block.ordered ? "bold" : "regular",
      frame.size,
      block.ordered ? INK : ACCENT,
    );
    flow.pendingMarker = { text: markerText, x: frame.x + size * 0.2, style: markerStyle };
    const inner: Frame = { ...frame, x: frame.x + indent, width: frame.width - indent, indent: false };
    layoutBlocks(lc, item, inner, depth + 1);
    flow.pendingMarker = null;
    flow.y -= frame.size * 0.2;
  });
  flow.y += frame.size * 0.4;
}
