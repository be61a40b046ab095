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
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatDuration, formatInstant, formatNumber } from "~/lib/dates";
import { parseId } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { getShowReport } from "~/modules/livestream/get-show-report.server";
import { blockTitle } from "~/modules/livestream/run-of-show";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "livestream.read");
  const report = getShowReport({
    db: getStudio().db,
    showId: parseId(params.id),
  });
  if (!report) throw json({ message: "直播不存在。" }, { status: 404 });
  return report;
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
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("livestream.reportTitle", { title: report.title })}</Title>
        <Anchor component={Link} to={`/livestreams/${report.showId}`}>
          {t("livestream.backToScript")}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t("livestream.startedAt")} {report.startedAt ? formatDateTime(report.startedAt, timeZone) : "—"} ·{" "}
        {t("livestream.endedAt")} {report.endedAt ? formatDateTime(report.endedAt, timeZone) : "—"}
      </Text>
      {report.status !== "ended" && <Alert color="yellow">{t("livestream.reportNotEnded")}</Alert>}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure
          label={t("livestream.plannedTotal")}
          value={formatDuration(report.plannedSeconds)}
          testId="report-planned"
        />
        <Figure
          label={t("livestream.actualTotal")}
          value={formatDuration(report.actualSeconds)}
          testId="report-actual"
        />
        <Figure
          label={t("livestream.overrunBlocks")}
          value={String(report.overrunBlocks)}
          testId="report-overruns"
        />
        <Figure
          label={t("livestream.peakOnline")}
          value={formatNumber(report.peakOnline)}
          testId="report-peak"
        />
        <Figure
          label={t("livestream.roundsFired")}
          value={`${report.redEnvelopeRoundsFired} / 3`}
          testId="report-rounds"
        />
        <Figure
          label={t("livestream.leadsCaptured")}
          value={report.leadsCaptured === null ? "—" : String(report.leadsCaptured)}
          testId="report-leads"
          hint={report.leadsCaptured === null ? t("livestream.leadsUnavailable") : undefined}
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
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4} fz="sm" data-testid="report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t("livestream.block")}</Table.Th>
                  <Table.Th ta="right">{t("livestream.plannedSeconds")}</Table.Th>
                  <Table.Th ta="right">{t("livestream.actual")}</Table.Th>
                  <Table.Th ta="right">{t("livestream.delta")}</Table.Th>
                  <Table.Th>{t("livestream.rowStatus")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </ScrollArea.Autosize>
      </Card>
      <Title order={4}>{t("livestream.log")}</Title>
      <Card withBorder padding={0}>
        <ScrollArea.Autosize mah={420} type="auto">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={2} fz="xs" data-testid="show-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("livestream.logAt")}</Table.Th>
                  <Table.Th>{t("livestream.logAction")}</Table.Th>
                  <Table.Th>{t("livestream.logBlock")}</Table.Th>
                  <Table.Th>{t("livestream.logBy")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </ScrollArea.Autosize>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
