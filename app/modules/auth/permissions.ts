/**
 * The one permission map: every loader, action and API route asks `can()`; the UI uses it to
 * hide what a role may not do, the server to refuse it.
 */
export const ROLES = ["admin", "editor", "copywriter", "host", "producer", "analyst", "sales"] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  "dashboard.view": ALL,
  "pieces.read": ALL,
  "pieces.create": ["copywriter", "editor", "admin"],
  "pieces.edit": ["copywriter", "editor", "admin"],
  "pieces.submit": ["copywriter", "editor", "admin"],
  "pieces.review": ["editor", "admin"],
  "pieces.schedule": ["editor", "admin"],
  "pieces.publish": ["editor", "admin"],
  "pieces.archive": ["editor", "admin"],
  "jobs.read": ALL,
  "jobs.cancel": ["copywriter", "editor", "admin"],
  "columns.read": ALL,
  "columns.manage": ["editor", "admin"],
  "media.upload": ["copywriter", "editor", "admin"],
  "renders.create": ["copywriter", "editor", "admin"],
  "livestream.read": ALL,
  "livestream.edit": ["copywriter", "editor", "producer", "admin"],
  "livestream.prompter": ["host", "producer", "editor", "admin"],
  "livestream.control": ["producer", "admin"],
  "ebooks.read": ALL,
  "ebooks.edit": ["copywriter", "editor", "admin"],
  "ebooks.build": ["copywriter", "editor", "admin"],
  "ebooks.signoff": ["editor", "admin"],
  "calendar.read": ALL,
  "calendar.schedule": ["editor", "admin"],
  "channels.manage": ["editor", "admin"],
  /** Marking a hand-off published: row rules allow the channel's operator and editors. */
  "publishing.handoff": ALL,
  "publishing.resend": ["editor", "admin"],
  "feeds.manage": ["editor", "admin"],
  /** Scanning text and checking originality: anyone who writes or reviews copy. */
  "compliance.scan": ["copywriter", "editor", "admin", "producer", "host"],
  "terms.read": ALL,
  /** Editing, importing and restoring the sensitive-term library, thresholds and boilerplate. */
  "terms.manage": ["editor", "admin"],
  /** Justifying review findings or an originality exception when approving. */
  "compliance.justify": ["editor", "admin"],
  "analytics.read": ["analyst", "editor", "admin"],
  /** Importing platform CSV exports and editing the column aliases. */
  "metrics.import": ["analyst", "editor", "admin"],
  /** The lead inbox, with masked numbers. */
  "leads.read": ["sales", "analyst", "editor", "admin"],
  /** Assigning leads and moving them through new → contacted → visited → won/lost. */
  "leads.work": ["sales", "editor", "admin"],
  /** Seeing a lead's full phone number and name (each reveal audited): the people who call. */
  "leads.reveal": ["sales", "admin"],
  /** Exporting leads as CSV with full numbers (audited). */
  "leads.export": ["admin"],
  /** Deletion and withdrawal requests (PIPL). */
  "privacy.manage": ["admin"],
  "users.manage": ["admin"],
  "tokens.manage": ["admin"],
  "audit.read": ["admin"],
  /** The brand kit every poster template draws its locked parts from (name, logo, colours, hotline). */
  "posters.brandkit": ["editor", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], capability: Capability): boolean {
  if (!Object.hasOwn(PERMISSIONS, capability)) return false;
  const allowed: readonly string[] = PERMISSIONS[capability];
  return roles.some((role) => allowed.includes(role));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
