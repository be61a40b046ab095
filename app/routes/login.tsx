import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RouteError } from "~/components/route-error";
import { useActionReply } from "~/components/use-action-reply";
import { commitSessionToken, findActor } from "~/lib/auth.server";
import { parseForm, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { clientAddress, refuseCrossSite, safeRedirectPath } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { loginSchema } from "~/modules/auth/schemas";
import { signIn } from "~/modules/auth/sign-in.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page; a signed-in visitor goes straight to the studio.
  if (await findActor(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Another site must not sign a visitor in (into the attacker's account) behind their back.
  refuseCrossSite(request);
  const parsed = parseForm(loginSchema, await readForm(request));
  // A wrong password answers 200 with the form shown again, as before; throttling answers 429.
  if (!parsed.ok) return reply(request, parsed, { failureStatus: 200 });
  const { db, now } = getStudio();
  const result = await signIn({
    db,
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientAddress(request, context),
    userAgent: request.headers.get("user-agent") ?? undefined,
    now: now(),
  });
  if (!result.ok) {
    if (result.status !== 429) return reply(request, result, { failureStatus: 200 });
    const seconds = Math.ceil((result.retryAfterMs ?? 60_000) / 1000);
    return reply(request, result, { headers: { "Retry-After": String(seconds) } });
  }
  // Only same-origin paths: an open redirect would let a link send people elsewhere after sign-in.
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await commitSessionToken(result.sessionToken) },
  });
}

export default function Login() {
  const signedIn = useActionReply();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors = signedIn.fieldErrors;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-default-hover)">
      <Paper withBorder shadow="md" p="xl" radius="md" w="100%" maw={400}>
        <Title order={2} mb={4}>
          {t("app.name")}
        </Title>
        <Text c="dimmed" size="sm" mb="lg">
          {t("app.tagline")}
        </Text>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <Stack>
            {errors._form ? <Alert color="red">{errors._form}</Alert> : null}
            <TextInput
              name="email"
              type="email"
              label={t("login.email")}
              autoComplete="username"
              error={errors.email}
              required
            />
            <PasswordInput
              name="password"
              label={t("login.password")}
              autoComplete="current-password"
              error={errors.password}
              required
            />
            <Button type="submit" loading={navigation.state !== "idle"} fullWidth>
              {t("login.submit")}
            </Button>
            <Text size="xs" c="dimmed">
              {t("login.hint")}
            </Text>
          </Stack>
        </Form>
      </Paper>
    </Center>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
