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
  return (
    <Form method="get">
      <Group align="end" wrap="wrap" gap="sm">
        <Select
          label={t("terms.filters.category")}
          placeholder={t("terms.filters.all")}
          clearable
          value={query.category ?? null}
          onChange={selectChange("category")}
          data={TERM_CATEGORIES.map((value) => ({ value, label: t(`terms.categories.${value}`) }))}
          w={{ base: "48%", sm: 170 }}
          data-testid="filter-category"
        />
        <Select
          label={t("terms.filters.severity")}
          placeholder={t("terms.filters.all")}
          clearable
          value={query.severity ?? null}
          onChange={selectChange("severity")}
          data={TERM_SEVERITIES.map((value) => ({ value, label: t(`terms.severities.${value}`) }))}
          w={{ base: "48%", sm: 130 }}
        />
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
