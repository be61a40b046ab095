import { Badge } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { firstContact } from "~/modules/leads/first-contact";

type Translate = ReturnType<typeof useTranslation>["t"];

/**
 * Minutes as a consultant reads them: "40 分钟", "3 小时 5 分", "4 天 2 小时". A lead left for days
 * must not read as "5760 分钟".
 */
export function waitedFor(t: Translate, minutes: number): string {
  if (minutes < 60) return t("leads.minutes", { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("leads.hoursMinutes", { hours, minutes: minutes % 60 });
  return t("leads.daysHours", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/**
 * Time to first contact. A lead still new keeps counting in the browser (every 15 s) so a late
 * lead's badge grows while the page is open; the server's figure is the starting point.
 */
export function FirstContactBadge({
  createdAt,
  firstContactAt,
  status,
  serverNow,
}: {
  createdAt: string;
  firstContactAt: string | null;
  status: string;
  /** The loader's clock: the first render (server and hydration) counts to it. */
  serverNow: string;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState<Date | null>(null);
  const waiting = firstContactAt === null && status === "new";
  useEffect(() => {
    if (!waiting) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, [waiting]);
  if (!waiting && firstContactAt === null) return <>—</>;
  const contact = firstContact({ createdAt, firstContactAt, now: now ?? new Date(serverNow) });
  if (!waiting)
    return (
      <Badge variant="light" color={contact.overdue ? "orange" : "teal"} data-testid="first-contact">
        {waitedFor(t, contact.minutes)}
      </Badge>
    );
  return (
    <Badge
      variant={contact.overdue ? "filled" : "light"}
      color={contact.overdue ? "red" : "yellow"}
      data-testid="first-contact"
      data-overdue={contact.overdue ? "true" : undefined}
    >
      {t(contact.overdue ? "leads.overdueFor" : "leads.waitingFor", {
        duration: waitedFor(t, contact.minutes),
      })}
    </Badge>
  );
}
