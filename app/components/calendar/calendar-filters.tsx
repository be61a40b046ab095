import { Button, Group, MultiSelect, Select, SimpleGrid } from "@mantine/core";
import { useSearchParams } from "@remix-run/react";
import { IconFilterOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export interface FilterOptions {
  channels: { key: string; name: string }[];
  columns: { id: number; name: string }[];
  campaigns: { id: number; name: string; month: number }[];
  owners: { id: number; name: string }[];
}

/** The search parameters the filters own; the view and the date stay as they are. */
export const FILTER_PARAMS = ["channel", "columnId", "campaignId", "ownerId"] as const;

/**
 * Filters live in the URL (`?channel=douyin-main,kuaishou&ownerId=3`), so a filtered calendar can
 * be shared as a link; the loader applies them on the server.
 */
export function CalendarFilters({ options }: { options: FilterOptions }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { preventScrollReset: true });
  };
  const channels = (params.get("channel") ?? "").split(",").filter(Boolean);
  const active = FILTER_PARAMS.some((name) => params.get(name));
  // One select per id the calendar filters by: column, campaign, owner.
  const idFilters = [
    {
      param: "columnId",
      label: t("calendar.filters.column"),
      testId: "filter-column",
      data: options.columns.map((c) => ({ value: String(c.id), label: c.name })),
    },
    {
      param: "campaignId",
      label: t("calendar.filters.campaign"),
      testId: "filter-campaign",
      data: options.campaigns.map((c) => ({
        value: String(c.id),
        label: t("common.campaignOption", { month: c.month, name: c.name }),
      })),
    },
    {
      param: "ownerId",
      label: t("calendar.filters.owner"),
      testId: "filter-owner",
      data: options.owners.map((o) => ({ value: String(o.id), label: o.name })),
    },
  ];
  return (
    <Group gap="xs" align="end" data-testid="calendar-filters">
      <SimpleGrid
        cols={{ base: 2, md: 4 }}
        spacing="xs"
        verticalSpacing={4}
        style={{ flex: "1 1 300px" }}
        maw={900}
      >
        <MultiSelect
          label={t("calendar.filters.channel")}
          placeholder={channels.length ? undefined : t("calendar.filters.any")}
          data={options.channels.map((c) => ({ value: c.key, label: c.name }))}
          value={channels}
          onChange={(keys) => set("channel", keys.join(","))}
          clearable
          size="xs"
          data-testid="filter-channel"
        />
        {idFilters.map((filter) => (
          <Select
            key={filter.param}
            label={filter.label}
            placeholder={t("calendar.filters.any")}
            data={filter.data}
            value={params.get(filter.param)}
            onChange={(v) => set(filter.param, v)}
            clearable
            size="xs"
            data-testid={filter.testId}
          />
        ))}
      </SimpleGrid>
      {active ? (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => {
            const next = new URLSearchParams(params);
            for (const name of FILTER_PARAMS) next.delete(name);
            setParams(next, { preventScrollReset: true });
          }}
        >
          {t("calendar.filters.clear")}
        </Button>
      ) : null}
    </Group>
  );
}
