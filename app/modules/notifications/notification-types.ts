/** Every event a person can be told about; each has its own preference (docs/notifications.md). */
export const NOTIFICATION_TYPES = [
  "review_requested",
  "approved",
  "rejected",
  "job_finished",
  "job_failed",
  "signoff_voided",
  "mentioned",
  "task_due",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === "string" && (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export interface NotificationPreference {
  type: NotificationType;
  inApp: boolean;
  wecom: boolean;
}

/**
 * Without a choice, everything is shown in the app and may go to WeCom: a robot only posts once
 * an admin has set one up for the person's team, so the default costs nothing until then.
 */
export const DEFAULT_PREFERENCE = { inApp: true, wecom: true } as const;

/** Values a notification's text interpolates; rendered in the reader's language when listed. */
export type NotificationParams = Record<string, string | number | null>;

export interface NotificationDto {
  id: number;
  type: NotificationType;
  pieceId: number | null;
  /** The text in the caller's language. */
  text: string;
  link: string;
  read: boolean;
  createdAt: string;
}

export interface NotificationListDto {
  unread: number;
  notifications: NotificationDto[];
}
