import { Badge, Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "./status-badge";

/**
 * The heading of a piece's own pages (the piece, a book, a show, an episode): its kind and status
 * with what else the page says beside them, the title, what goes under it, and the page's links on
 * the right (under the title on a phone).
 */
export function PieceHeading({
  kind,
  status,
  badges,
  details,
  title,
  titleTestId,
  children,
  actions,
}: {
  kind: string;
  status: string;
  badges?: ReactNode;
  /** Small grey text after the badges. */
  details?: ReactNode;
  title: ReactNode;
  titleTestId: string;
  /** Under the title. */
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = (
    <div style={{ minWidth: 0 }}>
      <Group gap="xs">
        <Badge variant="outline">{t(`kinds.${kind}`)}</Badge>
        <StatusBadge status={status} />
        {badges}
        {details ? (
          <Text size="xs" c="dimmed">
            {details}
          </Text>
        ) : null}
      </Group>
      <Title order={2} mt={6} data-testid={titleTestId}>
        {title}
      </Title>
      {children}
    </div>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      {heading}
      {actions}
    </Group>
  );
}
