import { Alert, Button, Card, PasswordInput, Stack, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationPreferencesSection } from "~/components/notifications/notification-preferences";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { useShellUser } from "./_app";
import { readSessionToken, requireActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
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
  if (!parsed.ok) return reply(request, parsed);
  const { db, now } = getStudio();
  // Every other session of this person ends with the old password; this one stays signed in.
  const keepSessionToken = await readSessionToken(request);
  const result = await changePassword({ db, actor, ...parsed.data, keepSessionToken, now: now() });
  return result.ok ? redirect("/") : reply(request, result);
}

export default function Account() {
  const changed = useActionReply();
  const { t } = useTranslation();
  const user = useShellUser();
  return (
    <Stack maw={420}>
      <Title order={2}>{t("account.title")}</Title>
      {user.mustChangePassword ? (
        <Alert color="orange" data-testid="must-change-password">
          {t("account.mustChange")}
        </Alert>
      ) : null}
      <Card withBorder>
        <Form method="post">
          <Stack>
            {changed.formError ? <Alert color="red">{changed.formError}</Alert> : null}
            <PasswordInput
              name="currentPassword"
              label={t("account.currentPassword")}
              error={changed.fieldError("currentPassword")}
              autoComplete="current-password"
            />
            <PasswordInput
              name="newPassword"
              label={t("account.newPassword")}
              error={changed.fieldError("newPassword")}
              autoComplete="new-password"
            />
            <Button type="submit">{t("account.changePassword")}</Button>
          </Stack>
        </Form>
      </Card>
      <NotificationPreferencesSection />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
