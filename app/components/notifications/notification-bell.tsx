import { ActionIcon, Indicator } from "@mantine/core";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * The shell's bell: the unread count comes with the layout's loader, so it is fresh after every
 * navigation and every action (Remix revalidates the layout then).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const data = useRouteLoaderData("routes/_app") as { unreadNotifications?: number } | undefined;
  const unread = data?.unreadNotifications ?? 0;
  const label = unread > 0 ? t("notifications.unread", { count: unread }) : t("notifications.allRead");
  return (
    <Indicator
      disabled={unread === 0}
      label={unread > 99 ? "99+" : unread}
      size={18}
      offset={4}
      color="red"
      data-testid="notification-count"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="default"
        size="lg"
        aria-label={`${t("notifications.bell")}: ${label}`}
        title={label}
        data-testid="notification-bell"
      >
        <IconBell size={18} />
      </ActionIcon>
    </Indicator>
  );
}
