import { formatDateTime } from "~/lib/dates";
import type { NotificationParams, NotificationType } from "./notification-types";

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * A notification's sentence in the language of `t`, from its type and stored values. Shared by the
 * bell, the notifications page, the API and the WeCom message (in the studio's language).
 */
export function notificationText(
  notification: { type: NotificationType; params: NotificationParams },
  t: Translate,
  timeZone: string,
): string {
  const p = notification.params;
  const values: Record<string, unknown> = {
    ...p,
    actor: p.actor ?? t("notifications.someone"),
    job: p.job ? t(`notifications.jobs.${p.job}`) : "",
    at: typeof p.at === "string" ? formatDateTime(new Date(p.at), timeZone) : "",
  };
  let text = t(`notifications.text.${notification.type}`, values);
  if (notification.type === "rejected" && p.comments) text += t("notifications.citedComments", values);
  if (notification.type === "job_failed" && p.error) text += t("notifications.failedBecause", values);
  return text;
}
