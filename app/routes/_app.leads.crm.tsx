import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { IntentForm } from "~/components/intent-form";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { pageTitleMeta } from "~/lib/page-meta";
import { getStudio } from "~/lib/studio.server";
import { crmSettingsRow, listCrmDeliveries, toCrmSettingsDto } from "~/modules/leads/crm-settings.server";
import { crmSettingsSchema } from "~/modules/leads/lead-forms";
import { updateCrmSettings } from "~/modules/leads/update-crm-settings.server";

export const meta = pageTitleMeta("leads.crm.title");

/** Where new leads are sent: admins only, since it decides where full phone numbers go. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "privacy.manage");
  const { db, config } = getStudio();
  return {
    settings: toCrmSettingsDto(crmSettingsRow(db), config.dataKey),
    deliveries: listCrmDeliveries({ db, limit: 30 }),
  };
}

const intent = intentsFor<object>();

const INTENTS = {
  save: intent({
    capability: "privacy.manage",
    schema: crmSettingsSchema,
    run: ({ actor, input }) => {
      const { db, now, config } = getStudio();
      return updateCrmSettings({ db, dataKey: config.dataKey, actor, input, now: now() });
    },
    notice: "leads.crm.saved",
    // Shown once: afterwards only its last four characters.
    data: (done) => ({ secret: done.secret }),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  return dispatchIntent(request, INTENTS, { context: {}, capability: "privacy.manage" });
}

const OUTCOME_COLOR: Record<string, string> = {
  delivered: "teal",
  retry: "yellow",
  failed: "red",
  skipped: "gray",
};

export default function CrmSettingsPage() {
  const { settings, deliveries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const saved = useActionReply<{ secret: string | null }>({ intent: "save" });
  const outcome = (o: string) => t(`leads.crm.outcomes.${o as "delivered"}`, { defaultValue: o });
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/leads" size="sm">
        {t("leads.back")}
      </Anchor>
      <Title order={2}>{t("leads.crm.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("leads.crm.intro")}
      </Text>
      <Card withBorder>
        {/* The key makes the fields show the saved values again after each save. */}
        <IntentForm intent="save" fields={{ version: settings.version }} key={settings.version}>
          <Stack gap="sm">
            <TextInput
              name="url"
              type="url"
              label={t("leads.crm.url")}
              description={t("leads.crm.urlHint")}
              defaultValue={settings.url ?? ""}
              error={saved.fieldError("url")}
              placeholder="https://crm.example.com/hooks/studio-leads"
            />
            <Checkbox name="enabled" label={t("leads.crm.enabled")} defaultChecked={settings.enabled} />
            {settings.secretHint ? (
              <>
                <Text size="sm">{t("leads.crm.secretHint", { hint: settings.secretHint })}</Text>
                <Checkbox name="rotateSecret" label={t("leads.crm.rotate")} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("leads.crm.noSecret")}
              </Text>
            )}
            {saved.reply?.ok && saved.reply.secret ? (
              <Alert color="green" data-testid="crm-secret">
                <Text size="sm">{t("leads.crm.secretOnce")}</Text>
                <Code style={{ wordBreak: "break-all" }}>{saved.reply.secret}</Code>
              </Alert>
            ) : saved.notice ? (
              <Alert color="teal">{saved.notice}</Alert>
            ) : null}
            {saved.formError ? <Alert color="red">{saved.formError}</Alert> : null}
            <div>
              <Button type="submit">{t("common.save")}</Button>
            </div>
          </Stack>
        </IntentForm>
      </Card>
      <Title order={4}>{t("leads.crm.deliveries")}</Title>
      {deliveries.length === 0 ? (
        <Text c="dimmed">{t("leads.crm.noDeliveries")}</Text>
      ) : (
        <DataTable
          minWidth={720}
          columns={Object.values(t("leads.crm.columns", { returnObjects: true }) as Record<string, string>)}
        >
          {deliveries.map((d) => (
            <Table.Tr key={d.id} data-testid="crm-delivery">
              <Table.Td>{formatDateTime(d.at, timeZone)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/leads/${d.leadId}`}>
                  #{d.leadId}
                </Anchor>
              </Table.Td>
              <Table.Td>{t("leads.crm.attempt", { count: d.attempt })}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={OUTCOME_COLOR[d.outcome] ?? "gray"}>
                  {outcome(d.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td>{d.httpStatus ?? "—"}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2} maw={360}>
                  {d.detail ?? ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
