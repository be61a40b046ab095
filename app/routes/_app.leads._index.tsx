import { Anchor, Badge, Card, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable } from "~/components/data-table";
import { FirstContactBadge } from "~/components/leads/first-contact-badge";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { pageTitleMeta } from "~/lib/page-meta";
import { getStudio } from "~/lib/studio.server";
import {
  LEAD_STATUSES,
  LEAD_STATUS_COLORS as STATUS_COLOR,
  type LeadStatus,
} from "~/modules/leads/lead-status";
import { listLeads } from "~/modules/leads/list-leads.server";

export const meta = pageTitleMeta("leads.title");

const filtersSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  piece: z.coerce.number().int().positive().optional().catch(undefined),
  assignee: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The lead inbox: masked numbers for every reader; full numbers only on a lead's page, audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "leads.read");
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filters = filtersSchema.parse(search);
  const { db, config, now } = getStudio();
  const at = now();
  const leads = listLeads({
    db,
    dataKey: config.dataKey,
    actor,
    reveal: false,
    limit: 200,
    now: at,
    status: filters.status,
    pieceId: filters.piece,
    assigneeId: filters.assignee,
  });
  return { leads, filters, now: at.toISOString() };
}

export default function LeadInbox() {
  const { leads, filters, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const submit = useSubmit();
  const statusLabel = (s: string) => t(`leads.statuses.${s as LeadStatus}`);
  return (
    <Stack>
      <Title order={2}>{t("leads.title")}</Title>
      <Text c="dimmed" size="sm">
        {t("leads.intro")}
      </Text>
      <Form method="get" onChange={(e) => submit(e.currentTarget)}>
        <Group>
          <NativeSelect
            name="status"
            label={t("leads.filterStatus")}
            defaultValue={filters.status ?? ""}
            data={[
              { value: "", label: t("leads.allStatuses") },
              ...LEAD_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
            ]}
          />
          {filters.piece ? <input type="hidden" name="piece" value={filters.piece} /> : null}
          {filters.assignee ? <input type="hidden" name="assignee" value={filters.assignee} /> : null}
        </Group>
      </Form>
      {leads.length === 0 ? (
        <Text c="dimmed">{t("leads.none")}</Text>
      ) : (
        <>
          <DataTable
            minWidth={900}
            visibleFrom="sm"
            columns={[
              t("leads.time"),
              t("leads.piece"),
              t("leads.source"),
              t("leads.consultant"),
              t("leads.phone"),
              t("leads.status"),
              t("leads.firstContact"),
              "",
            ]}
          >
            {leads.map((lead) => (
              <Table.Tr key={lead.id} data-testid="lead-row" bg={lead.overdue ? "red.0" : undefined}>
                <Table.Td>{formatDateTime(lead.createdAt, timeZone)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/leads?piece=${lead.pieceId}`}>
                    {lead.pieceTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{lead.source}</Table.Td>
                <Table.Td>{lead.consultant ?? "—"}</Table.Td>
                <Table.Td ff="monospace">{lead.phoneMasked ?? t("leads.erased")}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLOR[lead.status as LeadStatus] ?? "gray"}>
                    {statusLabel(lead.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <FirstContactBadge {...lead} serverNow={now} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/leads/${lead.id}`}>
                    {t("leads.open")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Stack hiddenFrom="sm" gap="sm">
            {leads.map((lead) => (
              <Card
                key={lead.id}
                withBorder
                padding="sm"
                data-testid="lead-card"
                bg={lead.overdue ? "red.0" : undefined}
                component={Link}
                to={`/leads/${lead.id}`}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text ff="monospace" fw={600}>
                    {lead.phoneMasked ?? t("leads.erased")}
                  </Text>
                  <FirstContactBadge {...lead} serverNow={now} />
                </Group>
                <Text size="sm" lineClamp={1}>
                  {lead.pieceTitle}
                </Text>
                <Group justify="space-between" gap="xs">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(lead.createdAt, timeZone)} · {lead.source}
                    {lead.consultant ? ` · ${lead.consultant}` : ""}
                  </Text>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[lead.status as LeadStatus] ?? "gray"}>
                    {statusLabel(lead.status)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
