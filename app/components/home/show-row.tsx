import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconDeviceDesktop, IconPresentation } from "@tabler/icons-react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatShortDateTime } from "~/lib/dates";
import type { HomeShow } from "~/modules/pieces/dashboard";
import { useStudioTimeZone } from "../studio-time-zone";

const LIVE_COLORS: Record<string, string> = { idle: "gray", running: "red", paused: "orange", ended: "dark" };

/**
 * A show on the home page: its time, title and live state, and the one button its reader needs
 * (the host's prompter, the producer's console, or the report once it has ended).
 */
export function ShowRow({ show, role }: { show: HomeShow; role: "host" | "producer" }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const ended = show.liveStatus === "ended";
  const colleague =
    role === "host"
      ? show.producerName && t("home.host.producer", { name: show.producerName })
      : show.hostName && t("home.producer.host", { name: show.hostName });
  return (
    <Group justify="space-between" align="center" gap="sm" wrap="wrap" data-testid="home-show">
      <Stack gap={2} style={{ minWidth: 0, flex: "1 1 200px" }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {show.scheduledAt ? formatShortDateTime(show.scheduledAt, timeZone) : t("home.unscheduled")}
          </Text>
          <Badge color={LIVE_COLORS[show.liveStatus] ?? "gray"} variant="light">
            {t(`livestream.liveStatuses.${show.liveStatus}`)}
          </Badge>
        </Group>
        <Anchor component={Link} to={`/livestreams/${show.id}`} size="sm">
          {show.title}
        </Anchor>
        {colleague ? (
          <Text size="xs" c="dimmed">
            {colleague}
          </Text>
        ) : null}
      </Stack>
      {ended ? (
        <Button component={Link} to={`/livestreams/${show.id}/report`} variant="default" size="sm">
          {t("home.host.report")}
        </Button>
      ) : role === "host" ? (
        <Button
          component={Link}
          to={`/livestreams/${show.id}/prompter`}
          size="md"
          leftSection={<IconPresentation size={18} />}
          data-testid="open-prompter"
        >
          {t("home.host.prompter")}
        </Button>
      ) : (
        <Button
          component={Link}
          to={`/livestreams/${show.id}/control`}
          size="md"
          leftSection={<IconDeviceDesktop size={18} />}
          data-testid="open-console"
        >
          {t("home.producer.console")}
        </Button>
      )}
    </Group>
  );
}
