import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconTags, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { NoticeProvider } from "~/components/calendar/notices";
import { DataTable } from "~/components/data-table";
import { ImportActions } from "~/components/imports/import-actions";
import { ImportStatusBadge } from "~/components/imports/import-status-badge";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatNumber } from "~/lib/dates";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { discardImportPreview } from "~/modules/metrics-import/discard-import-preview.server";
import { importIdSchema } from "~/modules/metrics-import/import-schemas";
import { listImports } from "~/modules/metrics-import/list-imports.server";
import { undoImport } from "~/modules/metrics-import/undo-import.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: t("imports.title") }) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  return { imports: listImports({ db: getStudio().db }) };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  undo: intent({
    capability: "metrics.import",
    schema: importIdSchema,
    run: ({ db, now, actor, input }) => undoImport({ db, actor, now, importId: input.importId }),
    notice: "imports.notices.undone",
  }),
  discard: intent({
    capability: "metrics.import",
    schema: importIdSchema,
    run: ({ db, now, actor, input }) => discardImportPreview({ db, actor, now, importId: input.importId }),
    notice: "imports.notices.discarded",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "metrics.import" });
}

function ImportsScreen() {
  const { imports } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="start" gap="sm">
        <Stack gap={4} maw={760}>
          <Title order={2}>{t("imports.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("imports.intro")}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to="/imports/aliases"
            variant="default"
            leftSection={<IconTags size={16} />}
          >
            {t("imports.aliasesLink")}
          </Button>
          <Button
            component={Link}
            to="/imports/new"
            leftSection={<IconUpload size={16} />}
            data-testid="import-upload"
          >
            {t("imports.upload")}
          </Button>
        </Group>
      </Group>
      <Title order={4}>{t("imports.historyTitle")}</Title>
      {imports.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("imports.empty")}
        </Text>
      ) : (
        <>
          <Stack gap="xs" hiddenFrom="sm" data-testid="import-history-cards">
            {imports.map((item) => (
              <Card key={item.id} withBorder padding="sm">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/imports/${item.id}`} fw={600}>
                    #{item.id} · {item.channelName ?? item.platform}
                  </Anchor>
                  <ImportStatusBadge status={item.status} />
                </Group>
                <Text size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
                  {item.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("imports.columns.asOf")} {item.asOfDay} · {t("imports.columns.written")}{" "}
                  {formatNumber(item.written)} / {formatNumber(item.rowCount)} · {item.createdBy ?? "—"} ·{" "}
                  {formatDateTime(item.appliedAt ?? item.createdAt, timeZone)}
                </Text>
                <Group gap={6} mt="xs">
                  <Button component={Link} to={`/imports/${item.id}`} size="xs" variant="light">
                    {item.status === "preview" ? t("imports.openPreview") : t("imports.open")}
                  </Button>
                  <ImportActions item={item} />
                </Group>
              </Card>
            ))}
          </Stack>
          <DataTable
            visibleFrom="sm"
            minWidth={880}
            striped
            data-testid="import-history"
            columns={[
              t("imports.columns.id"),
              t("imports.columns.platform"),
              t("imports.columns.asOf"),
              t("imports.columns.file"),
              { label: t("imports.columns.written"), ta: "right" },
              t("imports.columns.status"),
              t("imports.columns.by"),
              t("imports.columns.at"),
              t("imports.columns.actions"),
            ]}
          >
            {imports.map((item) => (
              <Table.Tr key={item.id} data-testid={`import-${item.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/imports/${item.id}`}>
                    #{item.id}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.channelName ?? item.platform}</Table.Td>
                <Table.Td>{item.asOfDay}</Table.Td>
                <Table.Td maw={220} style={{ overflowWrap: "anywhere" }}>
                  {item.fileName}
                </Table.Td>
                <Table.Td ta="right">
                  {formatNumber(item.written)} / {formatNumber(item.rowCount)}
                </Table.Td>
                <Table.Td>
                  <ImportStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.createdBy ?? "—"}</Table.Td>
                <Table.Td>{formatDateTime(item.appliedAt ?? item.createdAt, timeZone)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button component={Link} to={`/imports/${item.id}`} size="xs" variant="subtle">
                      {item.status === "preview" ? t("imports.openPreview") : t("imports.open")}
                    </Button>
                    <ImportActions item={item} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Stack>
  );
}

export default function ImportsPage() {
  return (
    <NoticeProvider>
      <ImportsScreen />
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
