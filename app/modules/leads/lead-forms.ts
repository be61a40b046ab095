import { z } from "zod";
import { LEAD_STATUSES } from "./lead-status";

/** The lead page's status form, shared by the form and its action. */
export const leadStatusSchema = z.object({
  status: z.enum(LEAD_STATUSES),
  note: z.string().trim().max(500, "备注最多 500 个字。").optional(),
  /** The lead's version the page showed: a change made meanwhile by someone else is refused. */
  version: z.coerce.number().int().positive(),
});

/**
 * The lead page's assignee form: a user id, or empty for nobody. Anything else reaches assignLead
 * as an unknown person, whose refusal is translated (a parse message would not be).
 */
export const leadAssignSchema = z.object({
  assigneeId: z
    .string()
    .max(20)
    .transform((v) => (v.trim() === "" ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : -1)),
  version: z.coerce.number().int().positive(),
});

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false);

/** The CRM settings form (/leads/crm). */
export const crmSettingsSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
  enabled: checkbox,
  rotateSecret: checkbox,
  version: z.coerce.number().int().min(0),
});
