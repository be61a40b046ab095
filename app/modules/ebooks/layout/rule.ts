import type { Frame, LayoutContext } from "./layout-context";

/** `---`: a short centred rule. */
export function layoutRule(lc: LayoutContext, frame: Frame): void {
  const { flow, size } = lc;
  flow.y += size * 0.5;
  flow.ensure(size);
  flow.push({
    kind: "line",
    x1: frame.x + frame.width * 0.3,
    y1: flow.y,
    x2: frame.x + frame.width * 0.7,
    y2: flow.y,
    color: "#d1d5db",
    width: 0.6,
  });
  flow.y += size;
}
