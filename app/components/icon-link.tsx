import { Anchor, Group } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A small in-app link with an icon before its text (back to a list, on to a settings page). */
export function IconLink({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        {icon}
        {children}
      </Group>
    </Anchor>
  );
}
