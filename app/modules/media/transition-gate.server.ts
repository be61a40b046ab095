import type { Failure } from "~/lib/result";
import type { GateContext } from "../pieces/transition-gates.server";

/** Holds an episode whose script overruns its column's duration from review. */
export function episodeScriptGate(_ctx: GateContext): Failure | null {
  return null;
}
