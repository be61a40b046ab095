import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NoticeProvider } from "~/components/calendar/notices";
import { AliasForm, AliasTable } from "~/components/imports/alias-table";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { aliasIdSchema, aliasSchema, aliasUpdateSchema } from "~/modules/metrics-import/import-schemas";
import { createAlias } from "~/modules/metrics-import/create-alias.server";
import { deleteAlias } from "~/modules/metrics-import/delete-alias.server";
import { listAliases } from "~/modules/metrics-import/list-aliases.server";
import { updateAlias } from "~/modules/metrics-import/update-alias.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: t("imports.aliases.title") }) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "metrics.import");
  const { db, now } = getStudio();
  return { aliases: listAliases({ db, now: now() }) };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  create: intent({
    capability: "metrics.import",
    schema: aliasSchema,
    run: ({ db, now, actor, input }) => createAlias({ db, actor, now, input }),
    notice: "imports.notices.aliasCreated",
  }),
  update: intent({
    capability: "metrics.import",
    schema: aliasUpdateSchema,
    run: ({ db, now, actor, input: { aliasId, ...input } }) =>
      updateAlias({ db, actor, now, aliasId, input }),
    notice: "imports.notices.aliasUpdated",
  }),
  delete: intent({
    capability: "metrics.import",
    schema: aliasIdSchema,
    run: ({ db, now, actor, input }) => deleteAlias({ db, actor, now, aliasId: input.aliasId }),
    notice: "imports.notices.aliasDeleted",
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "metrics.import" });
}

function AliasesScreen() {
  const { aliases } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t("imports.aliases.back")}
      </Anchor>
      <Title order={2}>{t("imports.aliases.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("imports.aliases.intro")}
      </Text>
      <Card withBorder>
        <AliasForm intent="create" />
      </Card>
      <Text size="sm" c="dimmed">
        {t("imports.aliases.count", { count: aliases.length })}
      </Text>
      <AliasTable aliases={aliases} canManage />
    </Stack>
  );
}

export default function AliasesPage() {
  return (
    <NoticeProvider>
      <AliasesScreen />
    </NoticeProvider>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
