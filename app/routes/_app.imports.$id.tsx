import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NoticeProvider } from "~/components/calendar/notices";
import { DataTable } from "~/components/data-table";
import { FiguresText } from "~/components/imports/figures-text";
import { ImportActions } from "~/components/imports/import-actions";
import { ImportStatusBadge } from "~/components/imports/import-status-badge";
import { PreviewRows, type Choices } from "~/components/imports/preview-rows";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator, requestLanguage } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseId } from "~/lib/forms.server";
import { formatDateTime, formatNumber } from "~/lib/dates";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { applyImport } from "~/modules/metrics-import/apply-import.server";
import { discardImportPreview } from "~/modules/metrics-import/discard-import-preview.server";
import { analysisDto } from "~/modules/metrics-import/import-dto";
import {
  applyFormSchema,
  importIdSchema,
  manualChoicesFromForm,
} from "~/modules/metrics-import/import-schemas";
import { getImportSummary, importFigures } from "~/modules/metrics-import/list-imports.server";
import { matchCandidates } from "~/modules/metrics-import/match-candidates.server";
import { previewImport } from "~/modules/metrics-import/preview-import.server";
import { undoImport } from "~/modules/metrics-import/undo-import.server";

export const meta: MetaFunction = ({ matches, params }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: t("imports.preview.title", { id: params.id }) }) }];
};

const importIdOf = (request: Request, value: string | undefined) =>
  parseId(value, { request, context: "import" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  const importId = importIdOf(request, params.id);
  const { db, now, config } = getStudio();
  const summary = getImportSummary({ db, importId });
  if (!summary) throw notFound(request, "import");
  if (summary.status !== "preview")
    return { summary, preview: null, candidates: [], figures: importFigures({ db, importId }) };
  const analysed = previewImport({ db, now: now(), timeZone: config.timeZone, importId });
  // The alias table or the channel changed so that the file no longer reads: say why on the page.
  const preview = analysed.ok ? analysisDto(analysed.analysis, requestLanguage(request)) : null;
  return {
    summary,
    preview,
    previewError: analysed.ok ? null : analysed.message,
    figures: [] as ReturnType<typeof importFigures>,
    candidates: matchCandidates({ db, platform: summary.platform }).map(({ id, title, onChannel }) => ({
      id,
      title,
      onChannel,
    })),
  };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date; timeZone: string; importId: number }>();

const INTENTS = {
  apply: intent({
    capability: "metrics.import",
    schema: applyFormSchema,
    run: ({ db, now, timeZone, actor, importId, input }) =>
      applyImport({ db, actor, now, timeZone, importId, manual: manualChoicesFromForm(input) }),
    notice: "imports.notices.applied",
  }),
  undo: intent({
    capability: "metrics.import",
    schema: importIdSchema,
    run: ({ db, now, actor, importId }) => undoImport({ db, actor, now, importId }),
    notice: "imports.notices.undone",
  }),
  discard: intent({
    capability: "metrics.import",
    schema: importIdSchema,
    run: ({ db, now, actor, importId }) => {
      const result = discardImportPreview({ db, actor, now, importId });
      return result.ok ? redirect("/imports") : result;
    },
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, now, config } = getStudio();
  const importId = importIdOf(request, params.id);
  return dispatchIntent(request, INTENTS, {
    context: { db, now: now(), timeZone: config.timeZone, importId },
    capability: "metrics.import",
  });
}

function ImportScreen() {
  const data = useLoaderData<typeof loader>();
  const { summary, preview, candidates, figures } = data;
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const applied = useActionReply({ intent: "apply" });
  const busy = useNavigation().state === "submitting";
  const [choices, setChoices] = useState<Choices>({});
  const stillBlocked = preview ? preview.rows.filter((r) => r.blocking && !(choices[r.row] ?? "")).length : 0;
  const platform = summary.channelName ?? summary.platform;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/imports" size="sm">
        ← {t("imports.preview.back")}
      </Anchor>
      <Group justify="space-between" align="start" gap="sm">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{t("imports.preview.title", { id: summary.id })}</Title>
            <ImportStatusBadge status={summary.status} />
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("imports.preview.summary", {
              platform,
              day: summary.asOfDay,
              file: summary.fileName,
              encoding: summary.encoding.toUpperCase(),
            })}
          </Text>
          {summary.appliedAt ? (
            <Text size="sm" c="dimmed">
              {t("imports.preview.appliedAt", { at: formatDateTime(summary.appliedAt, timeZone) })}
              {summary.undoneAt
                ? ` · ${t("imports.preview.undoneAt", { by: summary.undoneBy ?? "—", at: formatDateTime(summary.undoneAt, timeZone) })}`
                : ""}
            </Text>
          ) : null}
        </Stack>
        {summary.status === "applied" ? <ImportActions item={summary} /> : null}
      </Group>

      {"previewError" in data && data.previewError ? <Alert color="red">{data.previewError}</Alert> : null}

      {preview ? (
        <>
          <Card withBorder>
            <Stack gap="xs">
              <Text size="sm" fw={500} data-testid="preview-counts">
                {t("imports.preview.counts", preview.counts)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("imports.preview.matchedBy", preview.counts)}
              </Text>
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t("imports.preview.mapped")}
                </Text>
                {preview.columns
                  .filter((c) => c.field)
                  .map((c) => (
                    <Badge key={c.header} variant="light" size="sm" tt="none">
                      {c.header} → {t(`imports.fields.${c.field}`)}
                    </Badge>
                  ))}
              </Group>
              <Group gap={6} wrap="wrap" data-testid="ignored-columns">
                <Text size="xs" c="dimmed">
                  {t("imports.preview.ignored")}
                </Text>
                {preview.ignoredColumns.length ? (
                  preview.columns
                    .filter((c) => !c.field)
                    .map((c, i) => (
                      <Badge key={`${c.header}-${i}`} color="gray" variant="outline" size="sm" tt="none">
                        {c.header || "—"}
                        {c.ignored === "duplicate" ? `（${t("imports.preview.duplicate")}）` : ""}
                      </Badge>
                    ))
                ) : (
                  <Text size="xs">{t("imports.preview.ignoredNone")}</Text>
                )}
              </Group>
            </Stack>
          </Card>
          <Form method="post" data-testid="apply-form">
            <input type="hidden" name="intent" value="apply" />
            <input type="hidden" name="importId" value={summary.id} />
            <Stack gap="sm">
              <PreviewRows
                rows={preview.rows}
                candidates={candidates}
                choices={choices}
                onChoose={(row, value) => setChoices((current) => ({ ...current, [row]: value }))}
              />
              {applied.error ? (
                <Alert color="red" data-testid="apply-error">
                  {applied.error}
                </Alert>
              ) : null}
              <Text size="sm" c={stillBlocked ? "orange" : "dimmed"}>
                {stillBlocked
                  ? t("imports.preview.blockedHint", { count: stillBlocked })
                  : t("imports.preview.readyHint")}{" "}
                {t("imports.preview.applyHint")}
              </Text>
              <Group gap="sm">
                <Button
                  type="submit"
                  leftSection={<IconCheck size={16} />}
                  loading={busy}
                  data-testid="apply-submit"
                >
                  {t("imports.preview.apply")}
                </Button>
                <ImportActions item={summary} />
              </Group>
            </Stack>
          </Form>
        </>
      ) : summary.status === "preview" ? (
        <ImportActions item={summary} />
      ) : figures.length === 0 ? (
        <Text c="dimmed">{t("imports.preview.noRows")}</Text>
      ) : (
        <DataTable
          minWidth={760}
          striped
          data-testid="import-figures"
          columns={[
            { label: t("imports.table.row"), w: 56 },
            t("imports.table.match"),
            t("imports.table.figures"),
          ]}
        >
          {figures.map((f) => (
            <Table.Tr key={f.row}>
              <Table.Td>{f.row}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/pieces/${f.pieceId}`} size="sm">
                  {f.pieceTitle}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <FiguresText figures={f} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {summary.status !== "preview" ? (
        <Text size="xs" c="dimmed">
          {t("imports.columns.written")}: {formatNumber(summary.written)} / {formatNumber(summary.rowCount)}
        </Text>
      ) : null}
    </Stack>
  );
}

export default function ImportPage() {
  return (
    <NoticeProvider>
      <ImportScreen />
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
