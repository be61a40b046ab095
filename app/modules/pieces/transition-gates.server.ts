import type { DbOrTx } from "~/lib/db.server";
import type { Failure } from "~/lib/result";
import { articleChannelGate } from "../articles/transition-gate.server";
import { complianceGate } from "../compliance/review/review-gates.server";
import { ebookSignoffGate } from "../ebooks/transition-gate.server";
import { livestreamScriptGate } from "../livestream/transition-gate.server";
import { episodeScriptGate } from "../media/transition-gate.server";
import { changedAfterApprovalGate } from "../publishing/transition-gate.server";
import type { TransitionAction } from "./status-machine";

export interface GateContext {
  tx: DbOrTx;
  piece: { id: number; kind: string; status: string; body: string };
  action: TransitionAction;
  /** When the transition happens: a gate that writes (the compliance check on submit) stamps it. */
  now?: Date;
}

/**
 * Kind-specific checks that can hold a transition (a script that overruns, a print build
 * without sign-off). Each kind module adds its gate to this list.
 */
const gates: Array<(ctx: GateContext) => Failure | null> = [
  episodeScriptGate,
  ebookSignoffGate,
  livestreamScriptGate,
  articleChannelGate,
  changedAfterApprovalGate,
  // Last: it stores the compliance check when it lets a submit or an approval through, so it
  // must only run once every other gate has passed (a refused transition leaves nothing behind).
  complianceGate,
];

export function checkTransitionGates(ctx: GateContext): Failure | null {
  for (const gate of gates) {
    const failure = gate(ctx);
    if (failure) return failure;
  }
  return null;
}
