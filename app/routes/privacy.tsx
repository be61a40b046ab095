import { Alert, Button, Radio, Stack, Text, TextInput } from "@mantine/core";
import type { ActionFunctionArgs, LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import landingCss from "~/components/landing/landing.css";
import { LandingFrame } from "~/components/landing/landing-views";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { formatDateTime } from "~/lib/dates";
import { parseForm, readForm } from "~/lib/forms.server";
import { deletionRequestLimiter as limiter } from "~/lib/public-limits.server";
import { reply } from "~/lib/reply.server";
import { clientAddress } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { PRIVACY_NOTICE } from "~/modules/leads/privacy-notice";
import { deletionRequestSchema } from "~/modules/privacy/privacy-schemas";
import { requestDeletion, type DeletionRequestDto } from "~/modules/privacy/request-deletion.server";
import { fail } from "~/lib/result";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: landingCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("privacy.title") }];

/** Public (PIPL): the same request as POST /api/v1/deletion-requests, from a page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientAddress(request, context as { clientIp?: string });
  if (!limiter.take(ip)) {
    const seconds = limiter.retryAfterSeconds(ip);
    return reply(
      request,
      fail(429, "rate_limited", `请求太频繁，请 ${seconds} 秒后再试。`, { params: { seconds } }),
    );
  }
  const parsed = parseForm(deletionRequestSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed);
  const { db, config, now } = getStudio();
  const result = requestDeletion({ db, dataKey: config.dataKey, input: parsed.data, now: now() });
  return reply(
    request,
    result,
    result.ok ? { data: { request: result.request, created: result.created } } : {},
  );
}

export default function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const navigation = useNavigation();
  const answer = useActionReply<{ request: DeletionRequestDto; created: boolean }>();
  const done =
    answer.reply?.ok && answer.reply.request ? { ...answer.reply, request: answer.reply.request } : null;
  // The notice's first line is its title, shown as the card's heading.
  const notice = (i18n.language === "en" ? PRIVACY_NOTICE.textEn : PRIVACY_NOTICE.text)
    .split("\n")
    .slice(1)
    .join("\n");
  return (
    <LandingFrame>
      <main className="lp-main">
        <div className="lp-col">
          <section className="lp-card">
            <h1 className="lp-title">{t("privacy.title")}</h1>
            <p className="lp-lead">{t("privacy.intro")}</p>
            {done ? (
              <Alert color="teal" title={t("privacy.doneTitle")} data-testid="privacy-done">
                {t(done.created ? "privacy.doneBody" : "privacy.doneAlready", {
                  id: done.request.id,
                  phone: done.request.phoneMasked,
                  due: formatDateTime(done.request.dueAt, timeZone),
                })}
              </Alert>
            ) : (
              <Form method="post" replace>
                <Stack gap="md">
                  <TextInput
                    name="phone"
                    label={t("privacy.phone")}
                    placeholder={t("privacy.phonePlaceholder")}
                    inputMode="tel"
                    autoComplete="tel"
                    maxLength={20}
                    required
                    error={answer.fieldError("phone")}
                  />
                  <Radio.Group
                    name="kind"
                    label={t("privacy.kind")}
                    defaultValue="delete"
                    error={answer.fieldError("kind")}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="delete" label={t("privacy.kindDelete")} />
                      <Radio value="withdraw" label={t("privacy.kindWithdraw")} />
                    </Stack>
                  </Radio.Group>
                  {/* Hidden from people; a bot that fills every field is refused. */}
                  <input
                    type="text"
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    aria-hidden
                    style={{ position: "absolute", left: -10000 }}
                  />
                  {answer.formError ? (
                    <Text c="red" size="sm" role="alert">
                      {answer.formError}
                    </Text>
                  ) : null}
                  <Button type="submit" size="md" loading={navigation.state === "submitting"}>
                    {t("privacy.submit")}
                  </Button>
                </Stack>
              </Form>
            )}
          </section>
          <section className="lp-card" aria-labelledby="notice-title">
            <h2 id="notice-title" className="lp-title" style={{ fontSize: 18 }}>
              {t("privacy.noticeTitle")}
            </h2>
            <Text size="sm" style={{ whiteSpace: "pre-line" }} data-version={PRIVACY_NOTICE.version}>
              {notice}
            </Text>
          </section>
        </div>
      </main>
    </LandingFrame>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
