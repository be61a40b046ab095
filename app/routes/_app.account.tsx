import { Alert, Button, Card, PasswordInput, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useShellUser } from "./_app";
import { readSessionToken, requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { changePassword } from "~/modules/auth/change-password.server";
import { changePasswordSchema } from "~/modules/auth/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "dashboard.view");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "dashboard.view");
  const parsed = parseForm(changePasswordSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors, done: false }, { status: 400 });
  const { db, now } = getStudio();
  // Every other session of this person ends with the old password; this one stays signed in.
  const keepSessionToken = await readSessionToken(request);
  const result = await changePassword({ db, actor, ...parsed.data, keepSessionToken, now: now() });
  if (!result.ok)
    return json(
      { errors: { [result.field ?? "_form"]: result.message } as Record<string, string>, done: false },
      { status: result.status },
    );
  return redirect("/");
}

export default function Account() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const user = useShellUser();
  return (
    <Stack maw={420}>
      <Title order={2}>{t("account.title")}</Title>
      {user.mustChangePassword && !data?.done ? (
        <Alert color="orange" data-testid="must-change-password">
          {t("account.mustChange")}
        </Alert>
      ) : null}
      <Card withBorder>
        <Form method="post">
          <Stack>
            {data?.done ? <Alert color="green">{t("account.changed")}</Alert> : null}
            <PasswordInput
              name="currentPassword"
              label={t("account.currentPassword")}
              error={data?.errors.currentPassword}
              autoComplete="current-password"
            />
            <PasswordInput
              name="newPassword"
              label={t("account.newPassword")}
              error={data?.errors.newPassword}
              autoComplete="new-password"
            />
            <Button type="submit">{t("account.changePassword")}</Button>
          </Stack>
        </Form>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
