import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/dates";
import type { NotificationDto } from "~/modules/notifications/notification-types";
import { IntentForm } from "../intent-form";
import { useStudioTimeZone } from "../studio-time-zone";

/** The notifications page's list, newest first; unread ones stand out and can be marked read. */
export function NotificationList({ notifications }: { notifications: NotificationDto[] }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack gap="xs" data-testid="notification-list">
      {notifications.map((n) => (
        <Card
          key={n.id}
          withBorder
          padding="sm"
          data-testid="notification"
          data-read={n.read ? "true" : "false"}
          style={n.read ? undefined : { borderLeft: "4px solid var(--mantine-color-red-6)" }}
        >
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={n.read ? "gray" : "blue"}>
                {t(`notifications.types.${n.type}`)}
              </Badge>
              {n.read ? null : (
                <Badge variant="filled" color="red" size="sm">
                  {t("notifications.unreadBadge")}
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {formatDateTime(n.createdAt, timeZone)}
              </Text>
            </Group>
            <Text fw={n.read ? 400 : 600} style={{ overflowWrap: "anywhere" }}>
              {n.text}
            </Text>
            <Group gap="sm" wrap="wrap">
              <Anchor component={Link} to={n.link} size="sm">
                {t("notifications.open")}
              </Anchor>
              {n.read ? null : (
                <IntentForm intent="read" fields={{ id: n.id }}>
                  <Button type="submit" size="compact-sm" variant="subtle">
                    {t("notifications.markRead")}
                  </Button>
                </IntentForm>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
