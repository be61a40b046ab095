import { Anchor, Group, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";

/**
 * An editor's heading: the way back to where it was opened from ("← …"), the title with the
 * piece's status when it has one, and a link on the right.
 */
export function EditorHeading({
  back,
  title,
  status,
  action,
}: {
  back: { to: string; label: ReactNode; testId?: string };
  title: ReactNode;
  status?: string;
  action?: ReactNode;
}) {
  const heading = <Title order={2}>{title}</Title>;
  return (
    <Group justify="space-between" align="end" wrap="wrap">
      <div>
        <Anchor component={Link} to={back.to} size="sm" data-testid={back.testId}>
          ← {back.label}
        </Anchor>
        {status ? (
          <Group gap="xs" align="center">
            {heading}
            <StatusBadge status={status} />
          </Group>
        ) : (
          heading
        )}
      </div>
      {action}
    </Group>
  );
}
