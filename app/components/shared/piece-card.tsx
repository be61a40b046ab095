import { Anchor, Card, Group, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";

/**
 * A list page's row as a card on a phone, where the table is hidden: the title linking to the
 * piece's page, its status, one grey line of details, and whatever else the list shows under it.
 */
export function PieceCard({
  to,
  title,
  status,
  details,
  testId,
  children,
}: {
  to: string;
  title: string;
  status: string;
  details: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Anchor component={Link} to={to} fw={600}>
          {title}
        </Anchor>
        <StatusBadge status={status} />
      </Group>
      <Text size="xs" c="dimmed" mb={children ? 6 : undefined}>
        {details}
      </Text>
      {children}
    </Card>
  );
}
