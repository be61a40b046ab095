import { Button, Group, TextInput } from "@mantine/core";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDays } from "~/lib/dates";

/** The period a dashboard shows: a date range, a month (`YYYY-MM`) or a year. */
export type DashboardPeriod =
  | { kind: "range"; from: string; to: string; today: string }
  | { kind: "month"; month: string }
  | { kind: "year"; year: number };

/**
 * A dashboard's period as a plain GET form (it works before the page's script has loaded): two
 * day inputs sent as `?from&to` with quick links for the last 7, 30 and 90 days, or one month
 * (`?month=YYYY-MM`) or year (`?year=YYYY`) for the monthly dashboards.
 */
export function DashboardFilter({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Form method="get" data-testid={period.kind === "range" ? "range-filter" : "period-filter"}>
      <Group gap="xs" align="end" wrap="wrap">
        {period.kind === "range" ? (
          (["from", "to"] as const).map((name) => (
            <TextInput
              key={name}
              type="date"
              name={name}
              label={t(`analytics.range.${name}`)}
              defaultValue={period[name]}
              w={150}
              size="xs"
            />
          ))
        ) : period.kind === "month" ? (
          <TextInput
            type="month"
            name="month"
            label={t("analytics.range.month")}
            defaultValue={period.month}
            w={170}
            size="xs"
          />
        ) : (
          <TextInput
            type="number"
            name="year"
            label={t("analytics.range.year")}
            defaultValue={String(period.year)}
            min={2000}
            max={2100}
            w={110}
            size="xs"
          />
        )}
        <Button type="submit" size="xs">
          {t("analytics.range.apply")}
        </Button>
        {period.kind === "range" ? (
          <Group gap={4}>
            {([7, 30, 90] as const).map((days) => (
              <Button
                key={days}
                component={Link}
                to={`${pathname}?from=${addDays(period.today, -(days - 1))}&to=${period.today}`}
                size="xs"
                variant="subtle"
                px={6}
              >
                {t(`analytics.range.last${days}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
    </Form>
  );
}
