import { Button, Group, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { requireActor } from "~/lib/auth.server";
import { pageTitleMeta } from "~/lib/page-meta";

export const meta = pageTitleMeta("analytics.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "analytics.read");
  return null;
}

const TABS = [
  { to: "/analytics", key: "overview" },
  { to: "/analytics/columns", key: "columns" },
  { to: "/analytics/channels", key: "channels" },
  { to: "/analytics/owners", key: "owners" },
  { to: "/analytics/livestreams", key: "livestreams" },
  { to: "/analytics/campaigns", key: "campaigns" },
] as const;

/** The dashboards' shell: title, the one-line promise about platform figures, and the tabs. */
export default function AnalyticsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t("analytics.title")}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t("analytics.intro")}
        </Text>
      </div>
      {/* The tabs wrap on a phone rather than scroll: a hidden sixth tab is a tab nobody finds. */}
      <Group gap={4} data-testid="analytics-tabs">
        {TABS.map((tab) => {
          const active = tab.to === "/analytics" ? path === "/analytics" : path.startsWith(tab.to);
          return (
            <Button
              key={tab.key}
              component={Link}
              to={tab.to}
              size="xs"
              variant={active ? "filled" : "default"}
              aria-current={active ? "page" : undefined}
              style={{ flexShrink: 0 }}
            >
              {t(`analytics.tabs.${tab.key}`)}
            </Button>
          );
        })}
      </Group>
      <Outlet />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
