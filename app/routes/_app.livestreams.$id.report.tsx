import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { formatRate } from "~/components/analytics/format";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatDuration, formatInstant, formatNumber } from "~/lib/dates";
import { notFound, parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getShowReport } from "~/modules/livestream/get-show-report.server";
import { blockTitle } from "~/modules/livestream/run-of-show";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "livestream.read");
  const report = getShowReport({
    db: getStudio().db,
    showId: parseId(params.id),
  });
  if (!report) throw notFound(request, "show");
  return { ...report, canReadAnalytics: can(actor.roles, "analytics.read") };
}

const STATUS_COLORS = {
  overrun: "red",
  on_time: "green",
  short: "blue",
  not_reached: "gray",
} as const;

function Figure({
  label,
  value,
  testId,
  hint,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz={26} data-testid={testId} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export default function ShowReportPage() {
  const report = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const titleAt = (i: number) => {
    const row = report.rows.find((r) => r.blockIndex === i);
    return row ? blockTitle(row, t) : `#${i + 1}`;
  };
  const leads = report.leadsCaptured;
  // [label key, value, test id, hint]
  const figures: [string, string, string, string?][] = [
    ["plannedTotal", formatDuration(report.plannedSeconds), "report-planned"],
    ["actualTotal", formatDuration(report.actualSeconds), "report-actual"],
    ["overrunBlocks", String(report.overrunBlocks), "report-overruns"],
    ["peakOnline", formatNumber(report.peakOnline), "report-peak"],
    ["roundsFired", `${report.redEnvelopeRoundsFired} / 3`, "report-rounds"],
    [
      "leadsCaptured",
      leads === null ? "—" : String(leads),
      "report-leads",
      leads === null ? t("livestream.leadsUnavailable") : undefined,
    ],
  ];
  const { leadFigures } = report;
  const leadRateReached = leadFigures.leadRate === null ? null : leadFigures.leadRate >= leadFigures.target;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("livestream.reportTitle", { title: report.title })}</Title>
        <Anchor component={Link} to={`/livestreams/${report.showId}`}>
          {t("livestream.backToScript")}
        </Anchor>
      </Group>
      {report.canReadAnalytics && (
        <Anchor component={Link} to={`/analytics/pieces/${report.showId}`} size="sm" w="fit-content">
          {t("analytics.piece.metricsLink")}
        </Anchor>
      )}
      <Text size="sm" c="dimmed">
        {t("livestream.startedAt")} {report.startedAt ? formatDateTime(report.startedAt, timeZone) : "—"} ·{" "}
        {t("livestream.endedAt")} {report.endedAt ? formatDateTime(report.endedAt, timeZone) : "—"}
      </Text>
      {report.status !== "ended" && <Alert color="yellow">{t("livestream.reportNotEnded")}</Alert>}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
        {figures.map(([key, value, testId, hint]) => (
          <Figure key={key} label={t(`livestream.${key}`)} value={value} testId={testId} hint={hint} />
        ))}
        <Figure
          label={t("analytics.figures.liveLeadRate")}
          value={formatRate(leadFigures.leadRate)}
          testId="report-lead-rate"
          hint={`${t("analytics.figures.targetAtLeast", { value: formatRate(leadFigures.target) })}${
            leadRateReached === null
              ? ""
              : ` · ${leadRateReached ? t("analytics.figures.reached") : t("analytics.figures.below")}`
          }`}
        />
      </SimpleGrid>
      {report.redEnvelopeRounds.length > 0 && (
        <Group gap="xs">
          {report.redEnvelopeRounds.map((r) => (
            <Badge key={r.n} color="red" variant="light">
              {t("livestream.roundsAt", {
                n: r.n,
                at: formatDateTime(r.firedAt, timeZone),
              })}
            </Badge>
          ))}
        </Group>
      )}
      <Card withBorder padding={0}>
        <ScrollArea.Autosize mah={560} type="auto">
          <DataTable
            minWidth={640}
            striped
            verticalSpacing={4}
            fz="sm"
            data-testid="report-table"
            columns={[
              "#",
              t("livestream.block"),
              { label: t("livestream.plannedSeconds"), ta: "right" },
              { label: t("livestream.actual"), ta: "right" },
              { label: t("livestream.delta"), ta: "right" },
              t("livestream.rowStatus"),
            ]}
          >
            {report.rows.map((row) => (
              <Table.Tr key={row.blockId} data-row-status={row.status}>
                <Table.Td>{row.blockIndex + 1}</Table.Td>
                <Table.Td>{blockTitle(row, t)}</Table.Td>
                <Table.Td ta="right">{formatDuration(row.adjustedSeconds)}</Table.Td>
                <Table.Td ta="right">{formatDuration(row.actualSeconds)}</Table.Td>
                <Table.Td ta="right" c={row.status === "overrun" ? "red" : undefined}>
                  {row.deltaSeconds === null
                    ? "—"
                    : `${row.deltaSeconds > 0 ? "+" : ""}${formatDuration(row.deltaSeconds)}`}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[row.status]} variant="light">
                    {t(`livestream.rowStatuses.${row.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </ScrollArea.Autosize>
      </Card>
      <Title order={4}>{t("livestream.log")}</Title>
      <Card withBorder padding={0}>
        <ScrollArea.Autosize mah={420} type="auto">
          <DataTable
            minWidth={560}
            verticalSpacing={2}
            fz="xs"
            data-testid="show-log"
            columns={[
              t("livestream.logAt"),
              t("livestream.logAction"),
              t("livestream.logBlock"),
              t("livestream.logBy"),
            ]}
          >
            {report.log.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatInstant(entry.at, timeZone, "YYYY/MM/DD HH:mm:ss")}
                </Table.Td>
                <Table.Td>
                  {t(`livestream.actions.${entry.action.type}`)}
                  {entry.action.type === "setOnline" ? ` ${formatNumber(entry.action.count)}` : ""}
                  {entry.action.type === "adjust"
                    ? ` ${entry.action.deltaMs > 0 ? "+" : ""}${entry.action.deltaMs / 1000}s`
                    : ""}
                  {entry.redEnvelopeRound !== null ? ` #${entry.redEnvelopeRound}` : ""}
                </Table.Td>
                <Table.Td>
                  {entry.blockIndexBefore !== entry.blockIndexAfter
                    ? `${titleAt(entry.blockIndexBefore)} → ${titleAt(entry.blockIndexAfter)}`
                    : titleAt(entry.blockIndexAfter)}
                </Table.Td>
                <Table.Td>{entry.actorName ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </ScrollArea.Autosize>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
