import { z } from "zod";

export const LEAD_NAME_MAX = 40;

/**
 * The lead form's body, for the API and the landing page alike. The phone and the consent are
 * checked by captureLead (each with its own error); here only shapes and lengths.
 */
export const leadInputSchema = z.object({
  slug: z.string().min(1).max(100),
  phone: z.string().max(40).default(""),
  name: z.string().trim().max(LEAD_NAME_MAX, `称呼最多 ${LEAD_NAME_MAX} 个字。`).optional(),
  consent: z.union([z.boolean(), z.literal("true"), z.literal("on"), z.literal("1")]).optional(),
  src: z.string().max(500).optional(),
  utm_source: z.string().max(500).optional(),
  utm_medium: z.string().max(500).optional(),
  utm_campaign: z.string().max(500).optional(),
  /** The honeypot: people never see it, so only a bot fills it. */
  website: z.string().max(500).optional(),
});
export type LeadInput = z.infer<typeof leadInputSchema>;
