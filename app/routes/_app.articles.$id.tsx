import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import phoneCss from "~/components/articles/article-phone.css";
import { PhonePreview } from "~/components/articles/phone-preview";
import { ComplianceTextarea } from "~/components/compliance/compliance-textarea";
import { RouteError } from "~/components/route-error";
import { EditorColumns } from "~/components/shared/editor-columns";
import { EditorHeading } from "~/components/shared/editor-heading";
import { SaveButton, SaveReplyAlerts } from "~/components/shared/editor-save";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatBytes, formatNumber } from "~/lib/dates";
import { notFound, parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor, NO_FIELDS } from "~/lib/intents";
import { reply } from "~/lib/reply.server";
import { readSmallUpload } from "~/lib/small-upload.server";
import { getStudio, type Studio } from "~/lib/studio.server";
import { countArticleChars } from "~/modules/articles/article-markdown";
import { checkArticleRules } from "~/modules/articles/article-rules";
import { listArticleChannels } from "~/modules/articles/article-rows.server";
import { coverUploadRefusal, isMultipart } from "~/modules/articles/cover-upload";
import { getArticle } from "~/modules/articles/get-article.server";
import { BODY_MAX } from "~/modules/pieces/schemas";
import { COVER_MAX_BYTES, updateArticleSchema } from "~/modules/articles/schemas";
import { updateArticle } from "~/modules/articles/update-article.server";
import { uploadArticleCover } from "~/modules/articles/upload-article-cover.server";
import { availableTransitions, canEditPiece } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: phoneCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.article.title ?? ""} · ${metaTranslator(matches)("articles.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const { db } = getStudio();
  const article = getArticle({ db, pieceId: parseId(params.id) });
  if (!article) throw notFound(request, "article");
  return {
    article,
    channels: listArticleChannels(db),
    canEdit: canEditPiece(article, actor),
    canSubmit: availableTransitions(article, actor).includes("submit"),
  };
}

type Context = { base: { db: Studio["db"]; pieceId: number; now: Date }; timeZone: string };
const intent = intentsFor<Context>();

const INTENTS = {
  save: intent({
    capability: "pieces.edit",
    schema: ({ timeZone }) => updateArticleSchema(timeZone),
    run: ({ base, actor, input }) => updateArticle({ ...base, actor, input }),
    notice: "articles.saved",
  }),
  // The channel's rules are a gate of the status machine: the same refusal as the API's.
  submit: intent({
    capability: "pieces.submit",
    schema: NO_FIELDS,
    run: ({ base, actor }) => transitionPiece({ ...base, actor, action: "submit" }),
    notice: "articles.submitted",
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, now, config } = getStudio();
  const pieceId = parseId(params.id);
  // The cover form posts the file here through its own fetcher; every other form is an intent.
  if (isMultipart(request)) {
    const actor = await requireActor(request, "pieces.edit");
    const upload = await readSmallUpload(request, { maxBytes: COVER_MAX_BYTES });
    if (!upload.ok) return reply(request, coverUploadRefusal(upload.reason), { intent: "cover" });
    const bytes = Buffer.from(await upload.file.arrayBuffer());
    const result = await uploadArticleCover({
      db,
      dataDir: config.dataDir,
      actor,
      pieceId,
      bytes,
      now: now(),
    });
    return reply(request, result, { intent: "cover", notice: "articles.coverUploaded" });
  }
  const context = { base: { db, pieceId, now: now() }, timeZone: config.timeZone };
  return dispatchIntent(request, INTENTS, { context, capability: "pieces.read" });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function CoverCard({ article, canEdit }: { article: Loaded["article"]; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useFetcher();
  const uploaded = useActionReply({ fetcher: upload, intent: "cover" });
  const cover = article.cover;
  return (
    <Card withBorder data-testid="article-cover">
      <Title order={5} mb="xs">
        {t("articles.cover")}
      </Title>
      {cover ? (
        <Stack gap={4} mb="xs">
          <img src={cover.url} alt="" style={{ maxWidth: "100%", maxHeight: 160, objectFit: "contain" }} />
          <Text size="xs" c="dimmed">
            {t("articles.coverSize", {
              width: cover.width,
              height: cover.height,
              size: formatBytes(cover.bytes),
            })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="xs">
          {t("articles.coverNone")}
        </Text>
      )}
      {canEdit ? (
        <upload.Form method="post" encType="multipart/form-data">
          <Group align="end" wrap="wrap">
            <FileInput
              name="file"
              accept="image/png,image/jpeg"
              description={t("articles.coverHelp")}
              error={uploaded.error ?? undefined}
              style={{ flex: "1 1 220px" }}
              data-testid="cover-file"
            />
            <Button
              type="submit"
              variant="light"
              loading={upload.state !== "idle"}
              data-testid="cover-upload"
            >
              {t("articles.coverUpload")}
            </Button>
          </Group>
          {uploaded.notice ? (
            <Text size="sm" c="green" mt={4}>
              {uploaded.notice}
            </Text>
          ) : null}
        </upload.Form>
      ) : null}
    </Card>
  );
}

export default function ArticleEditor() {
  const { article, channels, canEdit, canSubmit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const saved = useActionReply({ intent: "save" });
  const submitted = useActionReply({ intent: "submit" });
  const navigation = useNavigation();
  const [title, setTitle] = useState(article.title);
  const [body, setBody] = useState(article.body);
  const [channelKey, setChannelKey] = useState<string | null>(article.channel?.key ?? null);
  const deferred = useDeferredValue(body);
  const channel = channels.find((c) => c.key === channelKey) ?? null;
  const count = useMemo(() => countArticleChars(deferred), [deferred]);
  const problems = useMemo(
    () =>
      checkArticleRules(
        deferred,
        channel
          ? {
              channelName: channel.name,
              minChars: channel.minChars,
              testimonialRequired: channel.testimonialRequired,
            }
          : null,
      ),
    [deferred, channel],
  );
  const busy = navigation.state === "submitting";
  const short = channel?.minChars != null && count < channel.minChars;
  const insertTestimonial = () =>
    setBody((b) => `${b.replace(/\s*$/, "")}${b.trim() ? "\n\n" : ""}${t("articles.testimonialTemplate")}\n`);

  return (
    <Stack>
      <EditorHeading
        back={{ to: "/articles", label: t("articles.back") }}
        title={article.title}
        status={article.status}
        action={
          <Anchor component={Link} to={`/pieces/${article.id}`} size="sm">
            {t("articles.openPiece")}
          </Anchor>
        }
      />
      <EditorColumns
        from="lg"
        sideGap="xs"
        main={
          <>
            <Card withBorder>
              <Form method="post">
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="version" value={article.version} />
                {/* The piece's other fields travel unchanged, so saving here never clears them. */}
                <input type="hidden" name="campaignId" value={article.campaignId ?? ""} />
                <input type="hidden" name="mixCategory" value={article.mixCategory ?? ""} />
                <input type="hidden" name="dueAt" value={article.dueAt ?? ""} />
                <Stack gap="xs">
                  <SaveReplyAlerts
                    notice={saved.notice}
                    error={saved.formError}
                    staleHint={t("articles.staleHint")}
                    errorTestId="article-error"
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      name="title"
                      label={t("articles.titleLabel")}
                      value={title}
                      onChange={(e) => setTitle(e.currentTarget.value)}
                      error={saved.fieldError("title")}
                      readOnly={!canEdit}
                      maxLength={120}
                      required
                      data-testid="article-title"
                    />
                    <Select
                      name="channel"
                      label={t("articles.channelLabel")}
                      value={channelKey}
                      onChange={setChannelKey}
                      data={channels.map((c) => ({ value: c.key, label: c.name }))}
                      error={saved.fieldError("channel")}
                      readOnly={!canEdit}
                      clearable
                      data-testid="article-channel"
                    />
                  </SimpleGrid>
                  <Group justify="space-between" align="center" wrap="wrap" gap="xs">
                    <Badge
                      size="lg"
                      variant="light"
                      color={short ? "red" : channel?.minChars != null ? "green" : "gray"}
                      data-testid="article-count"
                    >
                      {channel?.minChars != null
                        ? t("articles.charCountMin", {
                            n: formatNumber(count),
                            min: formatNumber(channel.minChars),
                          })
                        : t("articles.charCount", { n: formatNumber(count) })}
                    </Badge>
                    {canEdit ? (
                      <Button
                        variant="subtle"
                        size="xs"
                        onClick={insertTestimonial}
                        data-testid="insert-testimonial"
                      >
                        {t("articles.insertTestimonial")}
                      </Button>
                    ) : null}
                  </Group>
                  <ComplianceTextarea
                    showClean
                    name="body"
                    label={t("articles.editor")}
                    description={t("articles.editorHelp")}
                    value={body}
                    onChange={(e) => setBody(e.currentTarget.value)}
                    error={saved.fieldError("body")}
                    readOnly={!canEdit}
                    autosize
                    minRows={14}
                    maxRows={32}
                    maxLength={BODY_MAX}
                    data-testid="article-body"
                  />
                  <Text size="xs" c="dimmed">
                    {t("articles.charRule")}
                  </Text>
                  <SaveButton
                    canEdit={canEdit}
                    busy={busy}
                    label={t("articles.save")}
                    readOnlyText={t("articles.readOnly")}
                    testId="save-article"
                  />
                </Stack>
              </Form>
            </Card>
            <Card withBorder data-testid="article-rules">
              <Title order={5} mb={4}>
                {t("articles.rulesTitle")}
              </Title>
              {channel ? (
                <Text size="xs" c="dimmed" mb={4}>
                  {channel.name}
                  {channel.minChars != null
                    ? ` · ${t("articles.minRule", { min: formatNumber(channel.minChars) })}`
                    : ""}
                  {channel.testimonialRequired ? ` · ${t("articles.testimonialRule")}` : ""}
                </Text>
              ) : null}
              {problems.length > 0 ? (
                <List size="sm" spacing={2}>
                  {problems.map((p, i) => (
                    <List.Item key={i} c="red" data-testid="article-problem">
                      {t(`errors.${p.code}`, p.params)}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c={channel ? "green" : "dimmed"}>
                  {channel
                    ? channel.minChars != null || channel.testimonialRequired
                      ? t("articles.rulesOk", { channel: channel.name })
                      : t("articles.rulesNone")
                    : t("articles.rulesNone")}
                </Text>
              )}
              {canSubmit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="submit" />
                  <Button type="submit" mt="sm" variant="light" loading={busy} data-testid="submit-article">
                    {t("articles.submit")}
                  </Button>
                </Form>
              ) : null}
              {submitted.error ? (
                <Alert color="red" mt="sm" data-testid="submit-error">
                  {submitted.error}
                </Alert>
              ) : null}
              {submitted.notice ? (
                <Alert color="green" mt="sm">
                  {submitted.notice}
                </Alert>
              ) : null}
            </Card>
            <CoverCard article={article} canEdit={canEdit} />
          </>
        }
        side={
          <>
            <Title order={5}>{t("articles.preview")}</Title>
            <Text size="xs" c="dimmed">
              {t("articles.previewHelp")}
            </Text>
            <PhonePreview
              title={title}
              markdown={deferred}
              coverUrl={article.cover?.url ?? null}
              meta={`${channel?.name ?? ""} · ${article.ownerName ?? ""}`}
            />
          </>
        }
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
