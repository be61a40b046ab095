import type { RollupFigures } from "./rollup-figures.server";

export type FunnelStage = "platformPlays" | "views" | "plays" | "completes" | "leads";

/** The path from a platform's plays to a lead, each stage with its count. */
export interface FunnelStep {
  stage: FunnelStage;
  value: number;
}

/**
 * Platform plays (the platforms' own figures) → landing visits → plays → completes → leads. The
 * first stage is the platforms' count and is only set beside the others, never summed with them.
 */
export function funnelOf(platformPlays: number, figures: RollupFigures, leads: number): FunnelStep[] {
  return [
    { stage: "platformPlays", value: platformPlays },
    { stage: "views", value: figures.views },
    { stage: "plays", value: figures.plays },
    { stage: "completes", value: figures.completes },
    { stage: "leads", value: leads },
  ];
}
