import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "~/components/intent-form";
import { NotificationList } from "~/components/notifications/notification-list";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { requestLanguage } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor, NO_FIELDS } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { listNotifications } from "~/modules/notifications/list-notifications.server";
import { markNotificationsRead } from "~/modules/notifications/mark-notifications-read.server";
import { markOneReadSchema } from "~/modules/notifications/page-schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const { db, config } = getStudio();
  return {
    ...listNotifications({ db, userId: actor.id, lang: requestLanguage(request), timeZone: config.timeZone }),
    canManageRobots: can(actor.roles, "users.manage"),
  };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  read: intent({
    capability: "dashboard.view",
    schema: markOneReadSchema,
    run: ({ db, now, actor, input }) =>
      markNotificationsRead({ db, actor, target: { ids: [input.id] }, now }),
  }),
  readAll: intent({
    capability: "dashboard.view",
    schema: NO_FIELDS,
    run: ({ db, now, actor }) => markNotificationsRead({ db, actor, target: { all: true }, now }),
    notice: "notifications.markedRead",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "dashboard.view" });
}

export default function NotificationsPage() {
  const { notifications, unread, canManageRobots } = useLoaderData<typeof loader>();
  const answered = useActionReply({ intent: ["read", "readAll"] });
  const { t } = useTranslation();
  return (
    <Stack maw={860}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Title order={2}>{t("notifications.title")}</Title>
          <Badge color={unread ? "red" : "gray"} variant="light" data-testid="unread-count">
            {unread ? t("notifications.unread", { count: unread }) : t("notifications.allRead")}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to="/account#notification-settings" size="sm">
            {t("notifications.settingsLink")}
          </Anchor>
          {canManageRobots ? (
            <Anchor component={Link} to="/admin/wecom" size="sm">
              {t("notifications.wecomLink")}
            </Anchor>
          ) : null}
          {unread ? (
            <IntentForm intent="readAll">
              <Button type="submit" size="xs" variant="light" data-testid="mark-all-read">
                {t("notifications.markAllRead")}
              </Button>
            </IntentForm>
          ) : null}
        </Group>
      </Group>
      {answered.error ? <Alert color="red">{answered.error}</Alert> : null}
      {notifications.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">{t("notifications.empty")}</Text>
        </Card>
      ) : (
        <NotificationList notifications={notifications} />
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
