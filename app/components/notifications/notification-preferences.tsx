import { Alert, Button, Card, Checkbox, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationPreference } from "~/modules/notifications/notification-types";
import { useActionReply } from "../use-action-reply";

const ROUTE = "/notifications/preferences";

/**
 * The account page's "notification settings": a switch per event type for the bell and for WeCom.
 * It loads and saves through its own route with fetchers, so it can sit on any page.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const loaded = useFetcher<{ preferences: NotificationPreference[] }>();
  const saver = useFetcher();
  const saved = useActionReply<{ preferences: NotificationPreference[] }>({
    intent: "preferences",
    fetcher: saver,
  });
  const asked = useRef(false);
  useEffect(() => {
    // Once: a failed load shows the skeleton rather than asking again on every render.
    if (asked.current) return;
    asked.current = true;
    loaded.load(ROUTE);
  }, [loaded]);
  const preferences = saved.reply?.preferences ?? loaded.data?.preferences;
  return (
    <Card withBorder id="notification-settings" data-testid="notification-settings">
      <Stack gap="sm">
        <Title order={4}>{t("notifications.prefs.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("notifications.prefs.hint")}
        </Text>
        {saved.notice ? <Alert color="green">{saved.notice}</Alert> : null}
        {saved.error ? <Alert color="red">{saved.error}</Alert> : null}
        {!preferences ? (
          <Skeleton height={240} />
        ) : (
          <saver.Form method="post" action={ROUTE}>
            <Stack gap="sm">
              <Table verticalSpacing={6} horizontalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("notifications.prefs.event")}</Table.Th>
                    <Table.Th w={90}>{t("notifications.prefs.inApp")}</Table.Th>
                    <Table.Th w={90}>{t("notifications.prefs.wecom")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preferences.map((p) => (
                    <Table.Tr key={p.type}>
                      <Table.Td>{t(`notifications.types.${p.type}`)}</Table.Td>
                      <Table.Td>
                        <Checkbox
                          name={`${p.type}.inApp`}
                          defaultChecked={p.inApp}
                          aria-label={`${t(`notifications.types.${p.type}`)} · ${t("notifications.prefs.inApp")}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          name={`${p.type}.wecom`}
                          defaultChecked={p.wecom}
                          aria-label={`${t(`notifications.types.${p.type}`)} · ${t("notifications.prefs.wecom")}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button type="submit" loading={saver.state !== "idle"} style={{ alignSelf: "flex-start" }}>
                {t("notifications.prefs.save")}
              </Button>
            </Stack>
          </saver.Form>
        )}
      </Stack>
    </Card>
  );
}
