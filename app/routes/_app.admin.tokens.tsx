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
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/dates";
import { parseForm } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/auth/api-tokens.server";
import { listUsers } from "~/modules/auth/manage-users.server";
import { createApiTokenSchema } from "~/modules/auth/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "tokens.manage");
  const { db } = getStudio();
  return { tokens: listApiTokens({ db }), users: listUsers({ db }).filter((u) => !u.disabled) };
}

type ActionData = { errors?: Record<string, string>; token?: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "tokens.manage");
  const form = await request.formData();
  const { db, now } = getStudio();
  if (form.get("intent") === "revoke") {
    const result = revokeApiToken({ db, actor, tokenId: Number(form.get("tokenId")), now: now() });
    return json<ActionData>(result.ok ? {} : { errors: { _form: result.message } }, {
      status: result.ok ? 200 : result.status,
    });
  }
  const parsed = parseForm(createApiTokenSchema, form);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 400 });
  const result = createApiToken({ db, actor, ...parsed.data, now: now() });
  if (!result.ok)
    return json<ActionData>(
      { errors: { [result.field ?? "_form"]: result.message } },
      { status: result.status },
    );
  return json<ActionData>({ token: result.token });
}

export default function TokensAdmin() {
  const { tokens, users } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  return (
    <Stack>
      <Title order={2}>{t("admin.tokensTitle")}</Title>
      {data?.errors?._form ? <Alert color="red">{data.errors._form}</Alert> : null}
      {data?.token ? (
        <Alert color="green" data-testid="new-token">
          {t("admin.tokenCreated")}
          <Code>{data.token}</Code>
        </Alert>
      ) : null}
      <Card withBorder>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <Group align="end" wrap="wrap">
            <TextInput name="name" label={t("admin.tokenName")} error={data?.errors?.name} required />
            <Select
              name="userId"
              label={t("admin.tokenUser")}
              data={users.map((u) => ({ value: String(u.id), label: `${u.name} <${u.email}>` }))}
              error={data?.errors?.userId}
            />
            <Button type="submit">{t("common.create")}</Button>
          </Group>
        </Form>
      </Card>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("admin.tokenName")}</Table.Th>
              <Table.Th>{t("admin.tokenUser")}</Table.Th>
              <Table.Th>{t("common.createdAt")}</Table.Th>
              <Table.Th>{t("admin.lastUsed")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={tk.id} />
                      <Button type="submit" size="xs" color="red" variant="light">
                        {t("admin.revoke")}
                      </Button>
                    </Form>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
