/**
 * Allowed moves of a lead, by status (the keys are every status: new, contacted, visited, won,
 * lost). Back-steps exist for honest mistakes (a visit recorded on the wrong lead, a lost lead who
 * calls back), but nothing returns to "new": once contacted, the first contact stays recorded.
 */
export const LEAD_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  new: ["contacted", "lost"],
  contacted: ["visited", "won", "lost"],
  visited: ["contacted", "won", "lost"],
  won: ["visited"],
  lost: ["contacted"],
};

export function isLeadStatus(value: unknown): value is string {
  return typeof value === "string" && Object.hasOwn(LEAD_TRANSITIONS, value);
}

export function canMoveLead(from: string, to: string): boolean {
  return isLeadStatus(from) && isLeadStatus(to) && LEAD_TRANSITIONS[from].includes(to);
}
