import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
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
import { can } from "~/modules/auth/permissions";
import { LEAD_STATUSES, LEAD_STATUS_COLORS, type LeadStatus } from "~/modules/leads/lead-status";
import { listLeads } from "~/modules/leads/list-leads.server";
import { listSalesStaff } from "~/modules/leads/list-sales-staff.server";
import { summarizeLeadInbox } from "~/modules/leads/summarize-lead-inbox.server";

export const meta = pageTitleMeta("leads.title");

/** Bad values in the address fall back to "all" rather than an error page: these are filters. */
const filtersSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  piece: z.coerce.number().int().positive().optional().catch(undefined),
  assignee: z
    .union([z.enum(["mine", "unassigned"]), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
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
    assignee: filters.assignee === "mine" ? actor.id : filters.assignee,
  });
  return {
    leads,
    filters,
    now: at.toISOString(),
    summary: summarizeLeadInbox({ db, now: at, timeZone: config.timeZone }),
    staff: listSalesStaff(db),
    canManageCrm: can(actor.roles, "privacy.manage"),
    canExport: can(actor.roles, "leads.export"),
  };
}

function SummaryFigure({
  label,
  value,
  note,
  alert,
}: {
  label: string;
  value: string;
  note?: string;
  alert?: boolean;
}) {
  return (
    <Paper withBorder p="xs" radius="md" bg={alert ? "red.0" : undefined}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fw={700} fz="xl" c={alert ? "red.8" : undefined} data-testid="inbox-figure">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed" lh={1.3}>
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

export default function LeadInbox() {
  const { leads, filters, now, summary, staff, canManageCrm, canExport } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const submit = useSubmit();
  const statusLabel = (s: string) => t(`leads.statuses.${s as LeadStatus}`);
  const statusColor = (s: string) => LEAD_STATUS_COLORS[s as LeadStatus] ?? "gray";
  const median = summary.medianMinutesThisWeek;
  return (
    <Stack>
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2}>{t("leads.title")}</Title>
        <Group gap="xs">
          {canManageCrm ? (
            <Button component={Link} to="/leads/crm" variant="subtle" size="compact-sm">
              {t("leads.crm.link")}
            </Button>
          ) : null}
          {canExport ? (
            // A plain form post: the browser downloads the file the action answers.
            <Form method="post" action="/leads/export" reloadDocument>
              <Button type="submit" variant="light" size="compact-sm" title={t("leads.exportNote")}>
                {t("leads.exportCsv")}
              </Button>
            </Form>
          ) : null}
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t("leads.intro")}
      </Text>
      <SimpleGrid cols={3} spacing="xs" data-testid="inbox-summary">
        <SummaryFigure label={t("leads.summaryNew")} value={String(summary.newCount)} />
        <SummaryFigure
          label={t("leads.summaryOverdue")}
          value={String(summary.overdueCount)}
          alert={summary.overdueCount > 0}
        />
        <SummaryFigure
          label={t("leads.summaryMedian")}
          value={median === null ? t("leads.noMedian") : t("leads.medianMinutes", { count: median })}
          note={t("leads.summaryTarget")}
          alert={median !== null && median >= 15}
        />
      </SimpleGrid>
      <Form method="get" onChange={(e) => submit(e.currentTarget)}>
        <Group grow preventGrowOverflow={false} wrap="wrap" gap="xs" maw={640}>
          <NativeSelect
            name="status"
            label={t("leads.filterStatus")}
            defaultValue={filters.status ?? ""}
            data={[
              { value: "", label: t("leads.allStatuses") },
              ...LEAD_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
            ]}
          />
          <NativeSelect
            name="assignee"
            label={t("leads.filterAssignee")}
            defaultValue={filters.assignee === undefined ? "" : String(filters.assignee)}
            data={[
              { value: "", label: t("leads.allAssignees") },
              { value: "mine", label: t("leads.mine") },
              { value: "unassigned", label: t("leads.unassigned") },
              ...staff.map((s) => ({ value: String(s.id), label: s.name })),
            ]}
          />
          {filters.piece ? <input type="hidden" name="piece" value={filters.piece} /> : null}
        </Group>
      </Form>
      {filters.piece ? (
        <Anchor component={Link} to="/leads" size="sm">
          {t("leads.clearPiece")}
        </Anchor>
      ) : null}
      {leads.length === 0 ? (
        <Text c="dimmed">{t("leads.none")}</Text>
      ) : (
        <>
          <DataTable
            minWidth={980}
            visibleFrom="sm"
            columns={[
              t("leads.time"),
              t("leads.piece"),
              t("leads.source"),
              t("leads.phone"),
              t("leads.columns.assignee"),
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
                <Table.Td>
                  {lead.source}
                  {lead.consultant ? (
                    <Text span size="xs" c="dimmed">
                      {` · ${lead.consultant}`}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace">{lead.phoneMasked ?? t("leads.erased")}</Table.Td>
                <Table.Td>
                  {lead.assigneeName ?? (
                    <Text span c="dimmed">
                      {t("leads.unassigned")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor(lead.status)}>
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
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text ff="monospace" fw={600}>
                    {lead.phoneMasked ?? t("leads.erased")}
                  </Text>
                  <FirstContactBadge {...lead} serverNow={now} />
                </Group>
                <Text size="sm" lineClamp={1}>
                  {lead.pieceTitle}
                </Text>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {formatDateTime(lead.createdAt, timeZone)} · {lead.source}
                    {` · ${lead.assigneeName ?? t("leads.unassigned")}`}
                  </Text>
                  <Badge size="sm" variant="light" color={statusColor(lead.status)} style={{ flexShrink: 0 }}>
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
