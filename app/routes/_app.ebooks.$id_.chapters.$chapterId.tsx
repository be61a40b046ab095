import { Anchor, Box, Card, Grid, Group, List, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChapterCommentsPanel } from "~/components/comments/chapter-comments-panel";
import { ComplianceTextarea } from "~/components/compliance/compliance-textarea";
import previewCss from "~/components/ebooks/ebook-preview.css";
import { RouteError } from "~/components/route-error";
import { EditorHeading } from "~/components/shared/editor-heading";
import { SaveButton, SaveReplyAlerts } from "~/components/shared/editor-save";
import { textChanged, UnsavedChangesGuard } from "~/components/shared/unsaved-changes";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { notFound, parseForm, parseId, readForm } from "~/lib/forms.server";
import { reply } from "~/lib/reply.server";
import { getStudio } from "~/lib/studio.server";
import { listComments } from "~/modules/comments/list-comments.server";
import { getChapterPage } from "~/modules/ebooks/get-chapter-page.server";
import { renderMarkdownPreviewHtml } from "~/modules/ebooks/markdown-preview";
import { CHAPTER_MARKDOWN_MAX, updateChapterSchema } from "~/modules/ebooks/schemas";
import { updateChapter } from "~/modules/ebooks/update-chapter.server";
import { validateChapterMarkdown } from "~/modules/ebooks/validate-chapter-markdown";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: previewCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: `${data?.chapter.title ?? metaTranslator(matches)("ebooks.chapters")} · ${data?.book.title ?? ""}`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const { db } = getStudio();
  const pieceId = parseId(params.id);
  const chapterId = parseId(params.chapterId);
  const page = getChapterPage({ db, pieceId, chapterId, actor });
  // This chapter's comment threads only; the rest of the book's are counted, not listed.
  const comments = page ? listComments({ db, actor, pieceId, chapterId, status: "all" }) : null;
  if (!page || !comments) throw notFound(request, "chapter");
  return { ...page, comments };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "ebooks.edit");
  const pieceId = parseId(params.id);
  const chapterId = parseId(params.chapterId);
  // A 100,000-character chapter is ~900 KB url-encoded: inside readForm's 1 MiB.
  const parsed = parseForm(updateChapterSchema, await readForm(request));
  if (!parsed.ok) return reply(request, parsed);
  const { db, now } = getStudio();
  const result = updateChapter({ db, actor, pieceId, chapterId, input: parsed.data, now: now() });
  return reply(request, result, { notice: "ebooks.saved" });
}

export default function ChapterEditor() {
  const { book, chapter, sections, images, canEdit, comments, previous, next } =
    useLoaderData<typeof loader>();
  const saved = useActionReply();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [markdown, setMarkdown] = useState(chapter.markdown);
  const [title, setTitle] = useState(chapter.title);
  const deferred = useDeferredValue(markdown);
  const imageUrls = useMemo(() => new Map(images.map((i) => [i.name, i.url])), [images]);
  const html = useMemo(
    () => renderMarkdownPreviewHtml(deferred, { imageUrl: (name) => imageUrls.get(name) ?? null }),
    [deferred, imageUrls],
  );
  const problems = useMemo(
    () => validateChapterMarkdown(deferred, (name) => (imageUrls.has(name) ? "image" : "missing")),
    [deferred, imageUrls],
  );
  const errors = saved.fieldErrors;
  const saving = navigation.state === "submitting";
  const dirty = canEdit && (textChanged(markdown, chapter.markdown) || textChanged(title, chapter.title));
  const chapterUrl = (id: number) => `/ebooks/${book.id}/chapters/${id}`;

  return (
    <Stack>
      <EditorHeading
        back={{ to: `/ebooks/${book.id}`, label: book.title, testId: "back-to-book" }}
        title={t("ebooks.chapterEditor")}
        action={
          <Group gap="md" wrap="wrap">
            {previous ? (
              <Anchor component={Link} to={chapterUrl(previous.id)} size="sm" data-testid="previous-chapter">
                {t("ebooks.previousChapter", { title: previous.title })}
              </Anchor>
            ) : null}
            {next ? (
              <Anchor component={Link} to={chapterUrl(next.id)} size="sm" data-testid="next-chapter">
                {t("ebooks.nextChapter", { title: next.title })}
              </Anchor>
            ) : null}
          </Group>
        }
      />
      <UnsavedChangesGuard dirty={dirty} />
      <Form method="post">
        <input type="hidden" name="version" value={chapter.version} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder>
              <Stack gap="xs">
                <SaveReplyAlerts
                  notice={saved.notice}
                  error={saved.formError}
                  staleHint={t("ebooks.staleHint")}
                  errorTestId="chapter-error"
                />
                <Group grow align="start">
                  <TextInput
                    name="title"
                    label={t("ebooks.chapterTitle")}
                    value={title}
                    onChange={(e) => setTitle(e.currentTarget.value)}
                    error={errors.title}
                    readOnly={!canEdit}
                    maxLength={80}
                    required
                    data-testid="chapter-title"
                  />
                  <Select
                    name="sectionId"
                    label={t("ebooks.section")}
                    defaultValue={String(chapter.sectionId)}
                    allowDeselect={false}
                    data={sections.map((s) => ({ value: String(s.id), label: s.title }))}
                    error={errors.sectionId}
                    readOnly={!canEdit}
                  />
                </Group>
                <ComplianceTextarea
                  className="ebook-markdown"
                  showClean
                  name="markdown"
                  label={t("ebooks.markdown")}
                  description={t("ebooks.editorHelp")}
                  value={markdown}
                  onChange={(e) => setMarkdown(e.currentTarget.value)}
                  error={errors.markdown}
                  readOnly={!canEdit}
                  autosize
                  minRows={16}
                  maxRows={40}
                  maxLength={CHAPTER_MARKDOWN_MAX}
                  data-testid="chapter-markdown"
                />
                <SaveButton
                  canEdit={canEdit}
                  busy={saving}
                  label={t("ebooks.save")}
                  readOnlyText={t("ebooks.readOnly")}
                  testId="save-chapter"
                />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack>
              <Card withBorder data-testid="chapter-problems">
                <Title order={5} mb={4}>
                  {t("ebooks.problemsTitle")}
                </Title>
                {problems.length === 0 ? (
                  <Text size="sm" c="green">
                    {t("ebooks.noProblems")}
                  </Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {problems.map((p, i) => (
                      <List.Item key={i} c="red" data-line={p.line}>
                        <Text span fw={600} size="sm">
                          {t("ebooks.line", { line: p.line })}
                        </Text>
                        ：{p.message}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">
                  {t("ebooks.preview")}
                </Title>
                <Title order={3} mb="sm">
                  {title}
                </Title>
                {/* The preview HTML is built from escaped text only (no raw HTML in the dialect). */}
                <Box
                  className="ebook-preview"
                  data-testid="chapter-preview"
                  dangerouslySetInnerHTML={{ __html: html }}
                />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Form>
      {/* The reviewers' comments on this chapter's paragraphs, below the chapter being edited
          (outside the save form: the panel posts to the comments API itself). */}
      <ChapterCommentsPanel
        // A panel per chapter: its reloads never stand in for another chapter's list.
        key={chapter.id}
        comments={comments}
        pageUrl={chapterUrl(chapter.id)}
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
