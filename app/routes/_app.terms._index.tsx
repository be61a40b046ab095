import { Badge, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IconAdjustments, IconPlus, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NoticeProvider, useNotify } from "~/components/calendar/notices";
import { RouteError } from "~/components/route-error";
import { ConfirmDialog } from "~/components/terms/confirm-dialog";
import { ExportMenu } from "~/components/terms/export-menu";
import { ImportCsvDialog, type ImportOutcome } from "~/components/terms/import-csv-dialog";
import { TermFilters } from "~/components/terms/term-filters";
import { TermFormDrawer } from "~/components/terms/term-form-drawer";
import { TermList } from "~/components/terms/term-list";
import { VersionList } from "~/components/terms/version-list";
import { pageTitleMeta } from "~/lib/page-meta";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { createTerm } from "~/modules/compliance/terms/create-term.server";
import { deleteTerm } from "~/modules/compliance/terms/delete-term.server";
import { listLibraryVersions } from "~/modules/compliance/terms/list-library-versions.server";
import { listTerms } from "~/modules/compliance/terms/list-terms.server";
import { restoreLibraryVersion } from "~/modules/compliance/terms/restore-library-version.server";
import {
  restoreVersionSchema,
  termEntrySchema,
  termIdSchema,
  termListQuerySchema,
  updateTermFormSchema,
} from "~/modules/compliance/terms/term-schemas";
import type { LibraryVersionDto, TermDto } from "~/modules/compliance/terms/term-types";
import { updateTerm } from "~/modules/compliance/terms/update-term.server";

export const meta = pageTitleMeta("terms.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "terms.read");
  const { db } = getStudio();
  // A filter the page does not know is dropped, not an error page.
  const parsed = termListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : {};
  return {
    ...listTerms({ db, query }),
    query,
    versions: listLibraryVersions({ db, limit: 50 }),
    canManage: can(actor.roles, "terms.manage"),
  };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  create: intent({
    capability: "terms.manage",
    schema: termEntrySchema,
    run: ({ db, now, actor, input }) => createTerm({ db, actor, now, input }),
    notice: "terms.notices.created",
  }),
  update: intent({
    capability: "terms.manage",
    schema: updateTermFormSchema,
    run: ({ db, now, actor, input: { termId, ...patch } }) => updateTerm({ db, actor, now, termId, patch }),
    notice: "terms.notices.updated",
  }),
  delete: intent({
    capability: "terms.manage",
    schema: termIdSchema,
    run: ({ db, now, actor, input }) => deleteTerm({ db, actor, now, termId: input.termId }),
    notice: "terms.notices.deleted",
  }),
  restore: intent({
    capability: "terms.manage",
    schema: restoreVersionSchema,
    run: ({ db, now, actor, input }) => restoreLibraryVersion({ db, actor, now, version: input.version }),
    notice: "terms.notices.restored",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "terms.manage" });
}

function TermsScreen() {
  const { items, total, termsTotal, version, query, versions, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const notify = useNotify();
  const [editing, setEditing] = useState<TermDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<TermDto | null>(null);
  const [restoring, setRestoring] = useState<LibraryVersionDto | null>(null);
  const [importing, setImporting] = useState(false);
  const imported = (outcome: ImportOutcome | null) => {
    setImporting(false);
    if (outcome)
      notify({
        color: "green",
        message: outcome.changed ? t("terms.importCsv.done", { ...outcome }) : t("terms.importCsv.noChange"),
      });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="start" gap="sm">
        <Stack gap={4} maw={720}>
          <Group gap="sm" align="center">
            <Title order={2}>{t("terms.title")}</Title>
            <Badge variant="light" size="lg" data-testid="library-version">
              {version > 0 ? t("terms.versionLine", { version, count: termsTotal }) : t("terms.noVersion")}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t("terms.intro")}
            {canManage ? "" : ` ${t("terms.readOnly")}`}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Button
            component={Link}
            to="/terms/originality"
            variant="subtle"
            leftSection={<IconAdjustments size={16} />}
          >
            {t("terms.originalityLink")}
          </Button>
          <ExportMenu />
          {canManage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t("terms.importCsv.open")}
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditing("new")}
                data-testid="term-add"
              >
                {t("terms.add")}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>

      <Tabs defaultValue="terms" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="terms">{t("terms.tabs.terms")}</Tabs.Tab>
          <Tabs.Tab value="versions" data-testid="versions-tab">
            {t("terms.tabs.versions")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="terms" pt="md">
          <Stack gap="sm">
            <TermFilters query={query} />
            <Text size="sm" c="dimmed" data-testid="terms-shown">
              {t("terms.shown", { count: total, total: termsTotal })}
            </Text>
            <TermList
              items={items}
              filterKey={JSON.stringify(query)}
              canManage={canManage}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionList versions={versions} current={version} canManage={canManage} onRestore={setRestoring} />
        </Tabs.Panel>
      </Tabs>

      {editing ? (
        <TermFormDrawer
          key={editing === "new" ? "new" : editing.id}
          term={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          opened
          intent="delete"
          fields={{ termId: deleting.id }}
          title={t("terms.deleteConfirm.title")}
          body={t("terms.deleteConfirm.body", { term: deleting.term ?? deleting.pattern })}
          confirmLabel={t("terms.deleteConfirm.confirm")}
          color="red"
          onClose={() => setDeleting(null)}
        />
      ) : null}
      {restoring ? (
        <ConfirmDialog
          opened
          intent="restore"
          fields={{ version: restoring.version }}
          title={t("terms.versions.restoreTitle", { version: restoring.version })}
          body={t("terms.versions.restoreBody", { version: restoring.version, count: restoring.termCount })}
          confirmLabel={t("terms.versions.restoreConfirm")}
          color="blue"
          onClose={() => setRestoring(null)}
        />
      ) : null}
      {importing ? <ImportCsvDialog onClose={imported} /> : null}
    </Stack>
  );
}

export default function TermsPage() {
  return (
    <NoticeProvider>
      <TermsScreen />
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
