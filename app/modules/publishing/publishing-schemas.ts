import { z } from "zod";

/** The live URL a slot was published at: what the operator pastes from the platform. */
export const liveUrlField = z
  .string({ error: "请填写已发布内容的链接。" })
  .trim()
  .min(1, "请填写已发布内容的链接。")
  .max(2000, "链接太长（最多 2000 个字符）。")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "请填写以 http:// 或 https:// 开头的完整链接。");

/** `POST /api/v1/slots/{id}/published` and the "mark published" forms. */
export const markPublishedSchema = z.object({ url: liveUrlField });
export type MarkPublishedInput = z.infer<typeof markPublishedSchema>;

/** `POST /api/v1/slots/{id}/resend`: no fields. */
export const resendSlotSchema = z.object({}).strict();

const slotIdField = z.coerce.number({ error: "缺少发布位编号。" }).int().positive("缺少发布位编号。");

/** The home page's "mark published" form (and the calendar drawer's): the slot and its live URL. */
export const markPublishedFormSchema = markPublishedSchema.extend({ slotId: slotIdField });

/** The home page's "send again" button. */
export const resendFormSchema = z.object({ slotId: slotIdField });
