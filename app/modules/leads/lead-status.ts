/**
 * A lead's statuses and the moves between them: the one list (the inbox filter, the status form,
 * the module that changes a status and the badges' colours all read it from here).
 */
export const LEAD_STATUSES = ["new", "contacted", "visited", "won", "lost"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * Allowed moves, by status. Back-steps exist for honest mistakes (a visit recorded on the wrong
 * lead, a lost lead who calls back), but nothing returns to "new": once contacted, the first
 * contact stays recorded.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ["contacted", "lost"],
  contacted: ["visited", "won", "lost"],
  visited: ["contacted", "won", "lost"],
  won: ["visited"],
  lost: ["contacted"],
};

/** Badge colours by status (Mantine colour names). */
export const LEAD_STATUS_COLORS: Readonly<Record<LeadStatus, string>> = {
  new: "blue",
  contacted: "cyan",
  visited: "violet",
  won: "teal",
  lost: "gray",
};

export function isLeadStatus(value: unknown): value is LeadStatus {
  return typeof value === "string" && (LEAD_STATUSES as readonly string[]).includes(value);
}

export function canMoveLead(from: string, to: string): boolean {
  return isLeadStatus(from) && isLeadStatus(to) && LEAD_TRANSITIONS[from].includes(to);
}

/** Where a lead in `from` may go next (none for an unknown status). */
export function nextLeadStatuses(from: string): readonly LeadStatus[] {
  return isLeadStatus(from) ? LEAD_TRANSITIONS[from] : [];
}
