import { Badge, Card, Collapse, Group, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import type { ReactNode } from "react";

/**
 * A panel beside the calendar that folds: open beside the calendar on a laptop, folded above it
 * on a phone so the calendar stays one swipe away.
 */
export function SideCard({
  title,
  badge,
  badgeColor = "gray",
  opened,
  onToggle,
  testId,
  intro,
  children,
}: {
  title: string;
  badge?: ReactNode;
  badgeColor?: string;
  opened: boolean;
  onToggle(): void;
  testId: string;
  /** A line on what the panel shows, above its content. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <UnstyledButton onClick={onToggle} w="100%" aria-expanded={opened} data-testid={`${testId}-toggle`}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Group gap={4} wrap="nowrap">
            {badge !== undefined ? (
              <Badge variant="light" color={badgeColor} size="sm" tt="none">
                {badge}
              </Badge>
            ) : null}
            {opened ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
          </Group>
        </Group>
      </UnstyledButton>
      <Collapse in={opened}>
        {intro ? (
          <Text size="xs" c="dimmed" mt={6} mb="xs">
            {intro}
          </Text>
        ) : null}
        {children}
      </Collapse>
    </Card>
  );
}
