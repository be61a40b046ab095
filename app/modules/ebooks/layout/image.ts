import type { Block } from "../types";
import { baselineIn, type Frame, type LayoutContext } from "./layout-context";
import { MUTED } from "./palette";

/**
 * An uploaded image scaled to the frame's measure keeping its aspect (shrunk if taller than a
 * page), moved to the next page when it does not fit, with its alt text as a one-line caption.
 */
export function layoutImage(lc: LayoutContext, block: Extract<Block, { type: "image" }>, frame: Frame): void {
  const { flow, size, lineHeight: L } = lc;
  const info = lc.input.images.get(block.name);
  if (!info) return;
  const captionH = block.alt ? size * 1.8 : 0;
  const maxH = flow.bottom - flow.top - captionH - size;
  let w = frame.width;
  let h = (w * info.height) / info.width;
  if (h > maxH) {
    h = maxH;
    w = (h * info.width) / info.height;
  }
  flow.y += size * 0.3;
  flow.ensure(h + captionH);
  lc.emitMarker(baselineIn(flow.y, L, size));
  flow.push({ kind: "image", path: info.path, x: frame.x + (frame.width - w) / 2, y: flow.y, w, h });
  flow.y += h;
  if (block.alt) {
    const capSize = size * 0.85;
    const lines = lc.breakText(
      [{ text: block.alt, style: lc.style("regular", capSize, MUTED) }],
      frame.width,
      capSize,
      { justify: false },
    );
    for (const line of lines.slice(0, 1))
      lc.emitLine(line, frame.x, baselineIn(flow.y, captionH, capSize), (frame.width - line.end) / 2);
    flow.y += captionH;
  }
  flow.y += size * 0.5;
}
