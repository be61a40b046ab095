import { z } from "zod";
import { LEAD_STATUSES } from "./first-contact";

/** The lead page's status form, shared by the form and its action. */
export const leadStatusSchema = z.object({
  status: z.enum(LEAD_STATUSES),
  note: z.string().trim().max(500, "备注最多 500 个字。").optional(),
  /** The lead's version the page showed: a change made meanwhile by someone else is refused. */
  version: z.coerce.number().int().positive(),
});
