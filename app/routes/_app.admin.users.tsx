import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  MultiSelect,
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
import { requireActor } from "~/lib/auth.server";
import { parseForm } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { inviteUser, listUsers, resetUserPassword, updateUser } from "~/modules/auth/manage-users.server";
import { ROLES } from "~/modules/auth/permissions";
import { inviteUserSchema, updateUserSchema } from "~/modules/auth/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "users.manage");
  return { users: listUsers({ db: getStudio().db }) };
}

type ActionData = { errors?: Record<string, string>; oneTimePassword?: string; forEmail?: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "users.manage");
  const form = await request.formData();
  const { db, now } = getStudio();
  const intent = form.get("intent");
  if (intent === "invite") {
    const parsed = parseForm(inviteUserSchema, form);
    if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 400 });
    const result = await inviteUser({ db, actor, ...parsed.data, now: now() });
    if (!result.ok)
      return json<ActionData>(
        { errors: { [result.field ?? "_form"]: result.message } },
        { status: result.status },
      );
    return json<ActionData>({ oneTimePassword: result.oneTimePassword, forEmail: parsed.data.email });
  }
  if (intent === "update") {
    const parsed = parseForm(updateUserSchema, form);
    if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 400 });
    const result = updateUser({ db, actor, ...parsed.data, now: now() });
    if (!result.ok) return json<ActionData>({ errors: { _form: result.message } }, { status: result.status });
    return json<ActionData>({});
  }
  if (intent === "reset") {
    const userId = Number(form.get("userId"));
    const result = await resetUserPassword({ db, actor, userId, now: now() });
    if (!result.ok) return json<ActionData>({ errors: { _form: result.message } }, { status: result.status });
    return json<ActionData>({
      oneTimePassword: result.oneTimePassword,
      forEmail: String(form.get("email") ?? ""),
    });
  }
  return json<ActionData>({ errors: { _form: "未知操作" } }, { status: 400 });
}

export default function UsersAdmin() {
  const { users } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <Stack>
      <Title order={2}>{t("admin.usersTitle")}</Title>
      {data?.errors?._form ? <Alert color="red">{data.errors._form}</Alert> : null}
      {data?.oneTimePassword ? (
        <Alert color="green" data-testid="one-time-password">
          {data.forEmail} — {t("admin.oneTimePassword")}
          <Code>{data.oneTimePassword}</Code>
        </Alert>
      ) : null}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t("admin.invite")}
        </Title>
        <Form method="post">
          <input type="hidden" name="intent" value="invite" />
          <Group align="end" wrap="wrap">
            <TextInput
              name="email"
              label="Email"
              error={data?.errors?.email}
              required
              w={{ base: "100%", sm: 220 }}
            />
            <TextInput
              name="name"
              label={t("admin.name")}
              error={data?.errors?.name}
              required
              w={{ base: "100%", sm: 160 }}
            />
            <MultiSelect
              name="roles"
              label={t("admin.roles")}
              data={roleOptions}
              error={data?.errors?.roles}
              w={{ base: "100%", sm: 260 }}
            />
            <Button type="submit">{t("admin.invite")}</Button>
          </Group>
        </Form>
      </Card>
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>{t("admin.name")}</Table.Th>
              <Table.Th>{t("admin.roles")}</Table.Th>
              <Table.Th>{t("common.status")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td colSpan={2}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="userId" value={u.id} />
                    <Group gap="xs" wrap="nowrap">
                      <MultiSelect
                        name="roles"
                        data={roleOptions}
                        defaultValue={u.roles}
                        size="xs"
                        w={260}
                        aria-label={t("admin.roles")}
                      />
                      <Checkbox
                        name="disabled"
                        value="true"
                        defaultChecked={u.disabled}
                        label={t("admin.disabled")}
                      />
                      <Button type="submit" size="xs" variant="light">
                        {t("common.save")}
                      </Button>
                    </Group>
                  </Form>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {u.disabled ? <Badge color="red">{t("admin.disabled")}</Badge> : null}
                    <Form method="post">
                      <input type="hidden" name="intent" value="reset" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="email" value={u.email} />
                      <Button type="submit" size="xs" variant="subtle">
                        {t("admin.resetPassword")}
                      </Button>
                    </Form>
                  </Group>
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
