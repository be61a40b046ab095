import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Language } from "~/i18n/locales";
import { translator } from "~/i18n/i18n";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { NotificationDto, NotificationListDto, NotificationType } from "./notification-types";
import { notificationText } from "./notification-text";

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** How many of a person's notifications are unread: the bell's number. */
export function countUnread(options: { db: DbOrTx; userId: number }): number {
  return (
    options.db
      .select({ n: count() })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, options.userId), isNull(schema.notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** A person's own notifications, newest first, in their language; never anyone else's. */
export function listNotifications(options: {
  db: DbOrTx;
  userId: number;
  lang: Language;
  timeZone: string;
  limit?: number;
}): NotificationListDto {
  const t = translator(options.lang);
  const rows = options.db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.userId, options.userId))
    .orderBy(desc(schema.notifications.createdAt), desc(schema.notifications.id))
    .limit(options.limit ?? NOTIFICATIONS_PAGE_SIZE)
    .all();
  const notifications: NotificationDto[] = rows.map((row) => {
    const type = row.type as NotificationType;
    return {
      id: row.id,
      type,
      pieceId: row.pieceId,
      text: notificationText({ type, params: row.params }, t, options.timeZone),
      link: row.link,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { unread: countUnread(options), notifications };
}
