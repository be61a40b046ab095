import { Button, Group, TextInput } from "@mantine/core";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDays } from "~/lib/dates";

/**
 * The date range of a dashboard: two day inputs sent as `?from&to` (a plain GET form, so it
 * works before the page's script has loaded) and quick links for the last 7, 30 and 90 days.
 */
export function RangeFilter({ from, to, today }: { from: string; to: string; today: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const preset = (days: number) => `${pathname}?from=${addDays(today, -(days - 1))}&to=${today}`;
  return (
    <Form method="get" data-testid="range-filter">
      <Group gap="xs" align="end" wrap="wrap">
        <TextInput
          type="date"
          name="from"
          label={t("analytics.range.from")}
          defaultValue={from}
          w={150}
          size="xs"
        />
        <TextInput
          type="date"
          name="to"
          label={t("analytics.range.to")}
          defaultValue={to}
          w={150}
          size="xs"
        />
        <Button type="submit" size="xs">
          {t("analytics.range.apply")}
        </Button>
        <Group gap={4}>
          {([7, 30, 90] as const).map((days) => (
            <Button key={days} component={Link} to={preset(days)} size="xs" variant="subtle" px={6}>
              {t(`analytics.range.last${days}`)}
            </Button>
          ))}
        </Group>
      </Group>
    </Form>
  );
}
