import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
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
import { requireActor } from "~/lib/auth.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { inviteUser } from "~/modules/auth/invite-user.server";
import { listUsers } from "~/modules/auth/list-users.server";
import { ROLES } from "~/modules/auth/permissions";
import { resetUserPassword } from "~/modules/auth/reset-user-password.server";
import { inviteUserSchema, resetUserPasswordSchema, updateUserSchema } from "~/modules/auth/schemas";
import { updateUser } from "~/modules/auth/update-user.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "users.manage");
  return { users: listUsers({ db: getStudio().db }) };
}

const intent = intentsFor<{ db: Studio["db"]; now: Date }>();

const INTENTS = {
  invite: intent({
    capability: "users.manage",
    schema: inviteUserSchema,
    run: ({ db, now, actor, input }) => inviteUser({ db, actor, ...input, now }),
    data: (done, input) => ({ oneTimePassword: done.oneTimePassword, forEmail: input.email }),
  }),
  update: intent({
    capability: "users.manage",
    schema: updateUserSchema,
    run: ({ db, now, actor, input }) => updateUser({ db, actor, ...input, now }),
  }),
  reset: intent({
    capability: "users.manage",
    schema: resetUserPasswordSchema,
    run: ({ db, now, actor, input }) => resetUserPassword({ db, actor, userId: input.userId, now }),
    data: (done, input) => ({ oneTimePassword: done.oneTimePassword, forEmail: input.email }),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  return dispatchIntent(request, INTENTS, { context: { db, now: now() }, capability: "users.manage" });
}

type OneTimePassword = { oneTimePassword: string; forEmail: string };

export default function UsersAdmin() {
  const { users } = useLoaderData<typeof loader>();
  const invite = useActionReply<OneTimePassword>({ intent: "invite" });
  const rows = useActionReply<OneTimePassword>({ intent: ["update", "reset"] });
  const shown = invite.reply?.oneTimePassword ? invite.reply : rows.reply;
  const { t } = useTranslation();
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <Stack>
      <Title order={2}>{t("admin.usersTitle")}</Title>
      {/* A row has no field to show its refusal at (self-lockout names roles): it goes here. */}
      {invite.formError || rows.error ? <Alert color="red">{invite.formError ?? rows.error}</Alert> : null}
      {shown?.oneTimePassword ? (
        <Alert color="green" data-testid="one-time-password">
          {shown.forEmail} — {t("admin.oneTimePassword")}
          <Code>{shown.oneTimePassword}</Code>
        </Alert>
      ) : null}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t("admin.invite")}
        </Title>
        <IntentForm intent="invite">
          <Group align="end" wrap="wrap">
            <TextInput
              name="email"
              label="Email"
              error={invite.fieldError("email")}
              required
              w={{ base: "100%", sm: 220 }}
            />
            <TextInput
              name="name"
              label={t("admin.name")}
              error={invite.fieldError("name")}
              required
              w={{ base: "100%", sm: 160 }}
            />
            <MultiSelect
              name="roles"
              label={t("admin.roles")}
              data={roleOptions}
              error={invite.fieldError("roles")}
              w={{ base: "100%", sm: 260 }}
            />
            <Button type="submit">{t("admin.invite")}</Button>
          </Group>
        </IntentForm>
      </Card>
      <DataTable
        minWidth={760}
        columns={[t("admin.name"), t("common.status"), t("admin.roles"), t("common.actions")]}
      >
        {users.map((u) => (
          <Table.Tr key={u.id} data-testid="user-row" data-email={u.email}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {u.name}
              </Text>
              <Text size="xs" c="dimmed">
                {u.email}
              </Text>
            </Table.Td>
            <Table.Td>
              {/* The state is a badge; the checkbox it replaces read as a state while it was a field. */}
              <Badge color={u.disabled ? "red" : "teal"} variant="light" data-testid="user-state">
                {t(u.disabled ? "admin.disabled" : "admin.enabled")}
              </Badge>
            </Table.Td>
            <Table.Td>
              <IntentForm intent="update" fields={{ userId: u.id, disabled: String(u.disabled) }}>
                <Group gap="xs" wrap="nowrap">
                  <MultiSelect
                    name="roles"
                    data={roleOptions}
                    defaultValue={u.roles}
                    size="sm"
                    w={280}
                    aria-label={t("admin.roles")}
                  />
                  <Button type="submit" size="xs" variant="light">
                    {t("admin.saveRoles")}
                  </Button>
                </Group>
              </IntentForm>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                {/* The switch is an action: it sends the opposite state with the roles unchanged. */}
                <IntentButton
                  intent="update"
                  fields={{ userId: u.id, roles: u.roles, disabled: String(!u.disabled) }}
                  size="xs"
                  variant={u.disabled ? "light" : "subtle"}
                  color={u.disabled ? "teal" : "red"}
                  data-testid="toggle-user"
                >
                  {t(u.disabled ? "admin.enable" : "admin.disable")}
                </IntentButton>
                <IntentButton
                  intent="reset"
                  fields={{ userId: u.id, email: u.email }}
                  size="xs"
                  variant="subtle"
                >
                  {t("admin.resetPassword")}
                </IntentButton>
              </Group>
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
