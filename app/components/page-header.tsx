import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A page's (or a card's) heading: its title, an optional line under it, and its main action on
 * the right (a "new" button), which wraps under the title on a phone.
 */
export function PageHeader({
  title,
  intro,
  action,
  order = 2,
}: {
  title: ReactNode;
  intro?: ReactNode;
  action?: ReactNode;
  order?: 2 | 4;
}) {
  const heading = (
    <div>
      <Title order={order}>{title}</Title>
      {intro ? (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      ) : null}
    </div>
  );
  if (!action) return heading;
  return (
    <Group justify="space-between">
      {heading}
      {action}
    </Group>
  );
}
