import { Button, Group, Select, TextInput } from "@mantine/core";
import { Form, Link, useSearchParams, useSubmit } from "@remix-run/react";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { TERM_CATEGORIES, TERM_SEVERITIES } from "~/modules/compliance/compliance-types";
import type { TermListQuery } from "~/modules/compliance/terms/term-schemas";

/** Category, severity and text filters, kept in the address (a filtered view can be shared). */
export function TermFilters({ query }: { query: TermListQuery }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const selectChange = (name: string) => (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    submit(next, { method: "get" });
  };
  const filtered = Boolean(query.category || query.severity || query.q);
  const choices = [
    { name: "category", values: TERM_CATEGORIES, w: 170 },
    { name: "severity", values: TERM_SEVERITIES, w: 130 },
  ] as const;
  return (
    <Form method="get">
      <Group align="end" wrap="wrap" gap="sm">
        {choices.map(({ name, values, w }) => (
          <Select
            key={name}
            label={t(`terms.filters.${name}`)}
            placeholder={t("terms.filters.all")}
            clearable
            value={query[name] ?? null}
            onChange={selectChange(name)}
            data={values.map((value) => ({
              value,
              label: t(`terms.${name === "category" ? "categories" : "severities"}.${value}`),
            }))}
            w={{ base: "48%", sm: w }}
            data-testid={`filter-${name}`}
          />
        ))}
        {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
        {query.severity ? <input type="hidden" name="severity" value={query.severity} /> : null}
        <TextInput
          name="q"
          label={t("terms.filters.search")}
          placeholder={t("terms.filters.searchPlaceholder")}
          defaultValue={query.q ?? ""}
          leftSection={<IconSearch size={16} />}
          w={{ base: "100%", sm: 240 }}
          maxLength={100}
        />
        <Group gap="xs">
          <Button type="submit" variant="light">
            {t("terms.filters.apply")}
          </Button>
          {filtered ? (
            <Button component={Link} to="/terms" variant="subtle">
              {t("terms.filters.clear")}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Form>
  );
}
