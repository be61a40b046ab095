import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "~/components/intent-form";
import { RouteError } from "~/components/route-error";
import { IntentButton } from "~/components/shared/intent-button";
import { DataTable } from "~/components/data-table";
import { useActionReply } from "~/components/use-action-reply";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { createApiToken } from "~/modules/auth/create-api-token.server";
import { listApiTokens } from "~/modules/auth/list-api-tokens.server";
import { listUsers } from "~/modules/auth/list-users.server";
import { revokeApiToken } from "~/modules/auth/revoke-api-token.server";
import { createApiTokenSchema, revokeApiTokenSchema } from "~/modules/auth/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "tokens.manage");
  const { db } = getStudio();
  return { tokens: listApiTokens({ db }), users: listUsers({ db }).filter((u) => !u.disabled) };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  create: intent({
    capability: "tokens.manage",
    schema: createApiTokenSchema,
    run: ({ db, now, actor, input }) => createApiToken({ db, actor, ...input, now }),
    // Shown once: only its hash is stored.
    data: (done) => ({ token: done.token }),
  }),
  revoke: intent({
    capability: "tokens.manage",
    schema: revokeApiTokenSchema,
    run: ({ db, now, actor, input }) => revokeApiToken({ db, actor, tokenId: input.tokenId, now }),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "tokens.manage" });
}

export default function TokensAdmin() {
  const { tokens, users } = useLoaderData<typeof loader>();
  const created = useActionReply<{ token: string }>({ intent: "create" });
  const revoked = useActionReply({ intent: "revoke" });
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <Title order={2}>{t("admin.tokensTitle")}</Title>
      {created.formError || revoked.error ? (
        <Alert color="red">{created.formError ?? revoked.error}</Alert>
      ) : null}
      {created.reply?.token ? (
        <Alert color="green" data-testid="new-token">
          {t("admin.tokenCreated")}
          <Code>{created.reply.token}</Code>
        </Alert>
      ) : null}
      <Card withBorder>
        {/* Empty again once a token was made (its list changed); a refused one keeps what was typed. */}
        <IntentForm key={tokens.map((tk) => tk.id).join(",")} intent="create">
          <Group align="end" wrap="wrap">
            <TextInput name="name" label={t("admin.tokenName")} error={created.fieldError("name")} required />
            <Select
              name="userId"
              label={t("admin.tokenUser")}
              data={users.map((u) => ({ value: String(u.id), label: `${u.name} <${u.email}>` }))}
              error={created.fieldError("userId")}
            />
            <Button type="submit">{t("common.create")}</Button>
          </Group>
        </IntentForm>
      </Card>
      <DataTable
        minWidth={640}
        columns={[t("admin.tokenName"), t("admin.tokenUser"), t("common.createdAt"), t("admin.lastUsed"), ""]}
      >
        {tokens.map((tk) => (
          <Table.Tr key={tk.id}>
            <Table.Td>
              {tk.name} <Code>{tk.prefix}…</Code>
            </Table.Td>
            <Table.Td>{tk.userEmail}</Table.Td>
            <Table.Td>{formatDateTime(tk.createdAt, timeZone)}</Table.Td>
            <Table.Td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, timeZone) : "—"}</Table.Td>
            <Table.Td>
              {tk.revokedAt ? (
                <Badge color="gray">{t("admin.revoked")}</Badge>
              ) : (
                <IntentButton
                  intent="revoke"
                  fields={{ tokenId: tk.id }}
                  size="xs"
                  color="red"
                  variant="light"
                >
                  {t("admin.revoke")}
                </IntentButton>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
