import { z } from "zod";
import { NOTIFICATION_TYPES, type NotificationType } from "./notification-types";

const MAX_IDS = 200;

/** One schema for the page's mark-read forms and POST /api/v1/notifications/read. */
export const markReadSchema = z.union(
  [
    z.object({ all: z.literal(true) }).strict(),
    z
      .object({
        ids: z
          .array(z.number().int().positive("通知编号必须是正整数"), { error: "ids 必须是通知编号的数组" })
          .min(1, "请至少选择一条通知")
          .max(MAX_IDS, `一次最多标记 ${MAX_IDS} 条`),
      })
      .strict(),
  ],
  { error: '请求体须是 {"ids": [...]} 或 {"all": true}' },
);
export type MarkReadInput = z.infer<typeof markReadSchema>;

export const notificationSchema = z.object({
  id: z.number(),
  type: z.enum(NOTIFICATION_TYPES),
  pieceId: z.number().nullable(),
  text: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});

export const notificationListSchema = z.object({
  unread: z.number(),
  notifications: z.array(notificationSchema),
});

/**
 * The preference form: a checkbox `<type>.inApp` and `<type>.wecom` per event type; an unticked
 * box is absent from the form, so every type is read, ticked or not.
 */
export const preferencesFormSchema = z
  .record(z.string(), z.unknown())
  .transform(
    (form) =>
      Object.fromEntries(
        NOTIFICATION_TYPES.map((type) => [
          type,
          { inApp: form[`${type}.inApp`] === "on", wecom: form[`${type}.wecom`] === "on" },
        ]),
      ) as Record<NotificationType, { inApp: boolean; wecom: boolean }>,
  );
