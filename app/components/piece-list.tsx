import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PieceDto } from "~/modules/pieces/piece-dto";
import { formatShortDateTime } from "~/lib/dates";
import { StatusBadge } from "./status-badge";
import { useStudioTimeZone } from "./studio-time-zone";

type Dated = Pick<PieceDto, "dueAt" | "scheduledAt" | "status">;

/** Past its deadline and not yet out. */
export function isLate(piece: Dated, now: string | undefined): boolean {
  return Boolean(
    now && piece.dueAt && piece.dueAt < now && !["published", "archived"].includes(piece.status),
  );
}

/**
 * A piece's deadline and scheduled time as short grey text ("截止 12/04 18:00 · 发布 12/05 20:00"),
 * the deadline red once passed on a piece not yet out; nothing when it has neither.
 */
export function PieceDates({ piece, now, testId }: { piece: Dated; now?: string; testId?: string }) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const parts: ReactNode[] = [];
  if (piece.dueAt) {
    const late = isLate(piece, now);
    parts.push(
      <Text span key="due" c={late ? "red.7" : undefined} fw={late ? 600 : undefined} inherit>
        {t("home.dueAt", { at: formatShortDateTime(piece.dueAt, timeZone) })}
      </Text>,
    );
  }
  if (piece.scheduledAt)
    parts.push(
      <Text span key="scheduled" inherit>
        {t("home.scheduledAt", { at: formatShortDateTime(piece.scheduledAt, timeZone) })}
      </Text>,
    );
  if (!parts.length) return null;
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      {parts.flatMap((part, i) => (i ? [" · ", part] : [part]))}
    </Text>
  );
}

/** A compact list of pieces for the home page's cards: title, dates under it, status badge. */
export function PieceMiniList({
  pieces,
  now,
  empty,
  note,
}: {
  pieces: PieceDto[];
  now?: string;
  /** What the card says when it is empty (an i18n key). */
  empty?: string;
  /** A line under a piece (a rejection's reason). */
  note?: (piece: PieceDto) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!pieces.length)
    return (
      <Text c="dimmed" size="sm">
        {t(empty ?? "dashboard.empty")}
      </Text>
    );
  return (
    <Stack gap="sm">
      {pieces.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/pieces/${p.id}`} size="sm" lineClamp={2}>
              {p.title}
            </Anchor>
            <PieceDates piece={p} now={now} />
            {note?.(p)}
          </div>
          <StatusBadge status={p.status} />
        </Group>
      ))}
    </Stack>
  );
}
