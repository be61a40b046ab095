import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PieceDto } from "~/modules/pieces/piece-dto";
import { formatDate } from "~/lib/dates";
import { StatusBadge } from "./status-badge";
import { useStudioTimeZone } from "./studio-time-zone";

/** A compact list of pieces for dashboard cards. */
export function PieceMiniList({ pieces, showDue }: { pieces: PieceDto[]; showDue?: boolean }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  if (!pieces.length)
    return (
      <Text c="dimmed" size="sm">
        {t("dashboard.empty")}
      </Text>
    );
  return (
    <Stack gap={6}>
      {pieces.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/pieces/${p.id}`} size="sm" lineClamp={1}>
            {p.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            {showDue && p.dueAt ? (
              <Text size="xs" c="dimmed">
                {formatDate(p.dueAt, timeZone)}
              </Text>
            ) : null}
            <StatusBadge status={p.status} />
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
