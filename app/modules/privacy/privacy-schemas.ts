import { z } from "zod";

export const DELETION_KINDS = ["delete", "withdraw"] as const;
export type DeletionKind = (typeof DELETION_KINDS)[number];
/** PIPL: a request is done within 48 hours. */
export const DELETION_DUE_MS = 48 * 60 * 60 * 1000;
export const DELETION_JOB = "privacy.erase";

/** The public form and the API body alike; the number is checked by the use case. */
export const deletionRequestSchema = z.object({
  phone: z.string().max(40).default(""),
  kind: z.enum(DELETION_KINDS, { message: "请选择删除个人信息或撤回同意。" }),
  /** The honeypot: people never see it. */
  website: z.string().max(500).optional(),
});
export type DeletionRequestInput = z.infer<typeof deletionRequestSchema>;
