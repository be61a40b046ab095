import { Button, Group, TextInput } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A month (`?month=YYYY-MM`) or a year (`?year=YYYY`) for the monthly dashboards, as a GET form. */
export function PeriodFilter({ name, value }: { name: "month" | "year"; value: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" data-testid="period-filter">
      <Group gap="xs" align="end">
        {name === "month" ? (
          <TextInput
            type="month"
            name="month"
            label={t("analytics.range.month")}
            defaultValue={value}
            w={170}
            size="xs"
          />
        ) : (
          <TextInput
            type="number"
            name="year"
            label={t("analytics.range.year")}
            defaultValue={value}
            min={2000}
            max={2100}
            w={110}
            size="xs"
          />
        )}
        <Button type="submit" size="xs">
          {t("analytics.range.apply")}
        </Button>
      </Group>
    </Form>
  );
}
