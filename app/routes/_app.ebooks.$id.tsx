import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { IconExternalLink, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "~/components/error-alert";
import { PieceHeading } from "~/components/piece-heading";
import { ApprovalHoldNote } from "~/components/approval-hold-note";
import { getApprovalHold } from "~/modules/pieces/approval-hold.server";
import { BookMetadataFields } from "~/components/ebooks/book-metadata-fields";
import { BuildPanel } from "~/components/ebooks/build-panel";
import { ChapterList } from "~/components/ebooks/chapter-list";
import { DeleteForm } from "~/components/ebooks/delete-form";
import previewCss from "~/components/ebooks/ebook-preview.css";
import { SignoffPanel } from "~/components/ebooks/signoff-panel";
import { IntentForm } from "~/components/intent-form";
import { RouteError } from "~/components/route-error";
import { EditorColumns } from "~/components/shared/editor-columns";
import { SaveButton } from "~/components/shared/editor-save";
import { useActionReply } from "~/components/use-action-reply";
import { metaTranslator } from "~/i18n/i18n";
import { requireActor } from "~/lib/auth.server";
import { formatBytes, toWallClockInput } from "~/lib/dates";
import { parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { addChapter } from "~/modules/ebooks/add-chapter.server";
import { addSection } from "~/modules/ebooks/add-section.server";
import { deleteBookImage } from "~/modules/ebooks/delete-book-image.server";
import { deleteChapter } from "~/modules/ebooks/delete-chapter.server";
import { deleteSection } from "~/modules/ebooks/delete-section.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { recordSignoff } from "~/modules/ebooks/record-signoff.server";
import { reorderChapters } from "~/modules/ebooks/reorder-chapters.server";
import { reorderSections } from "~/modules/ebooks/reorder-sections.server";
import { requestBuild } from "~/modules/ebooks/request-build.server";
import {
  addChapterSchema,
  addSectionSchema,
  deleteChapterSchema,
  deleteImageSchema,
  deleteSectionSchema,
  recordSignoffSchema,
  reorderChaptersSchema,
  reorderSectionsSchema,
  requestBuildSchema,
  updateBookSchema,
} from "~/modules/ebooks/schemas";
import { updateBook } from "~/modules/ebooks/update-book.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: previewCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("common.pageTitle", { title: data?.book.title ?? t("kinds.ebook") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "ebooks.read");
  const page = getBookPage({
    db: getStudio().db,
    pieceId: parseId(params.id),
    actor,
    publicBase: resolvePublicBase(request.url),
  });
  if (!page) throw json({ message: "这本书不存在。" }, { status: 404 });
  const { now, config } = getStudio();
  // The sign-off form's default review date: today where the studio is.
  return {
    ...page,
    today: toWallClockInput(now(), config.timeZone, "date"),
    approvalHold: getApprovalHold({ db: getStudio().db, pieceId: parseId(params.id) }),
  };
}

type BookIntentContext = { base: { db: Studio["db"]; pieceId: number; now: Date } };
const intent = intentsFor<BookIntentContext>();

const INTENTS = {
  "update-book": intent({
    capability: "ebooks.edit",
    schema: updateBookSchema,
    run: ({ base, actor, input }) => updateBook({ ...base, actor, input }),
    notice: "ebooks.saved",
  }),
  "add-section": intent({
    capability: "ebooks.edit",
    schema: addSectionSchema,
    run: ({ base, actor, input }) => addSection({ ...base, actor, title: input.title }),
  }),
  "delete-section": intent({
    capability: "ebooks.edit",
    schema: deleteSectionSchema,
    run: ({ base, actor, input }) => deleteSection({ ...base, actor, sectionId: input.sectionId }),
  }),
  "reorder-sections": intent({
    capability: "ebooks.edit",
    schema: reorderSectionsSchema,
    run: ({ base, actor, input }) => reorderSections({ ...base, actor, sectionIds: input.sectionIds }),
  }),
  "add-chapter": intent({
    capability: "ebooks.edit",
    schema: addChapterSchema,
    run: ({ base, actor, input }) => addChapter({ ...base, actor, ...input }),
  }),
  "delete-chapter": intent({
    capability: "ebooks.edit",
    schema: deleteChapterSchema,
    run: ({ base, actor, input }) => deleteChapter({ ...base, actor, chapterId: input.chapterId }),
  }),
  "reorder-chapters": intent({
    capability: "ebooks.edit",
    schema: reorderChaptersSchema,
    run: ({ base, actor, input }) => reorderChapters({ ...base, actor, ...input }),
  }),
  "delete-image": intent({
    capability: "ebooks.edit",
    schema: deleteImageSchema,
    run: ({ base, actor, input }) => deleteBookImage({ ...base, actor, imageId: input.imageId }),
  }),
  build: intent({
    capability: "ebooks.build",
    schema: requestBuildSchema,
    run: ({ base, actor, input, request }) =>
      requestBuild({ ...base, actor, profile: input.profile, publicBaseUrl: resolvePublicBase(request.url) }),
    data: (queued) => ({ jobId: queued.job.id }),
  }),
  signoff: intent({
    capability: "ebooks.signoff",
    schema: recordSignoffSchema,
    run: ({ base, actor, input }) => recordSignoff({ ...base, actor, input }),
  }),
};

// The image upload posts to its own route (ebooks.$id.images.ts), so this body is a small form.
export async function action({ request, params }: ActionFunctionArgs) {
  const { db, now } = getStudio();
  const base = { db, pieceId: parseId(params.id), now: now() };
  return dispatchIntent(request, INTENTS, { context: { base }, capability: "ebooks.read" });
}

const STRUCTURE_INTENTS = [
  "add-section",
  "delete-section",
  "reorder-sections",
  "add-chapter",
  "delete-chapter",
  "reorder-chapters",
];

export default function BookPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const upload = useFetcher();
  const { t } = useTranslation();
  const { book } = data;
  const structure = useActionReply({ intent: STRUCTURE_INTENTS });
  const meta = useActionReply({ intent: "update-book" });
  const build = useActionReply({ intent: "build" });
  const signoff = useActionReply({ intent: "signoff" });
  const images = useActionReply({ intent: "delete-image" });
  const uploaded = useActionReply({ fetcher: upload });

  return (
    <Stack>
      <PieceHeading
        kind={book.kind}
        status={book.status}
        details={`${book.trim} · ${book.ownerName}`}
        title={book.title}
        titleTestId="book-heading"
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/pieces/${book.id}`} variant="default" size="xs">
              {t("ebooks.workflow")}
            </Button>
            {book.isPublic ? (
              <Button
                component="a"
                href={`/p/${book.slug}`}
                target="_blank"
                rel="noopener"
                variant="subtle"
                size="xs"
                rightSection={<IconExternalLink size={14} />}
                data-testid="public-page-link"
              >
                {t("ebooks.publicPage")}
              </Button>
            ) : (
              <Text size="xs" c="dimmed" data-testid="public-page-pending">
                {t("ebooks.publicOnlyWhenPublished")}
              </Text>
            )}
          </Group>
        }
      >
        {book.subtitle ? (
          <Text c="dimmed" size="sm">
            {book.subtitle}
          </Text>
        ) : null}
      </PieceHeading>
      <ApprovalHoldNote hold={data.approvalHold} />
      {!data.can.edit ? (
        <Text size="sm" c="dimmed">
          {t("ebooks.readOnly")}
        </Text>
      ) : null}
      <EditorColumns
        sideFirst
        main={
          <>
            <Card withBorder>
              <Title order={4}>{t("ebooks.structure")}</Title>
              {data.can.edit ? (
                <Text size="xs" c="dimmed" mb="sm">
                  {t("ebooks.structureHint")}
                </Text>
              ) : null}
              <ErrorAlert error={structure.error} mb="sm" data-testid="structure-error" />
              <ChapterList bookId={book.id} sections={data.sections} canEdit={data.can.edit} />
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("ebooks.images")}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t("ebooks.imagesHint")}
              </Text>
              <ErrorAlert error={images.error} mb="sm" />
              {data.can.edit ? (
                <upload.Form method="post" action={`/ebooks/${book.id}/images`} encType="multipart/form-data">
                  <Group align="end" gap="xs" wrap="nowrap">
                    <FileInput
                      name="file"
                      accept="image/png,image/jpeg"
                      placeholder={t("ebooks.chooseFile")}
                      error={uploaded.error ?? undefined}
                      style={{ flex: 1 }}
                      clearable
                      data-testid="image-file"
                    />
                    <Button
                      type="submit"
                      variant="light"
                      leftSection={<IconUpload size={16} />}
                      loading={upload.state !== "idle"}
                    >
                      {t("ebooks.uploadImage")}
                    </Button>
                  </Group>
                </upload.Form>
              ) : null}
              {data.images.length === 0 ? (
                <Text size="sm" c="dimmed" mt="sm">
                  {t("ebooks.noImages")}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 2, sm: 3 }} mt="sm">
                  {data.images.map((image) => (
                    <Card key={image.id} withBorder padding={6}>
                      <Image src={image.url} alt={image.name} h={90} fit="contain" />
                      <Group justify="space-between" wrap="nowrap" gap={4} mt={4}>
                        <div style={{ minWidth: 0 }}>
                          <Text size="xs" truncate>
                            {image.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {image.width}×{image.height} · {formatBytes(image.bytes)}
                          </Text>
                        </div>
                        {data.can.edit ? (
                          <DeleteForm
                            intent="delete-image"
                            field="imageId"
                            id={image.id}
                            label={t("ebooks.deleteImage")}
                          />
                        ) : null}
                      </Group>
                    </Card>
                  ))}
                </SimpleGrid>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("ebooks.metadata")}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t("ebooks.metadataHint")}
              </Text>
              {meta.notice ? (
                <Alert color="green" mb="sm">
                  {meta.notice}
                </Alert>
              ) : null}
              <ErrorAlert error={meta.formError} mb="sm" />
              <IntentForm intent="update-book" fields={{ version: book.version }} key={book.version}>
                <Stack gap="xs">
                  <BookMetadataFields
                    values={{ ...book, title: book.title }}
                    errors={meta.fieldErrors}
                    readOnly={!data.can.edit}
                  />
                  <SaveButton
                    canEdit={data.can.edit}
                    busy={navigation.formData?.get("intent") === "update-book"}
                    label={t("ebooks.save")}
                    testId="save-book"
                  />
                </Stack>
              </IntentForm>
            </Card>
          </>
        }
        side={
          <>
            <BuildPanel
              bookId={book.id}
              builds={data.builds}
              jobs={data.jobs}
              pages={{ latest: data.pages.latest, target: data.pages.target }}
              canBuild={data.can.build}
              buildProblem={data.buildProblem}
              printBlockedReason={data.printBlockedReason}
              actionError={build.error}
            />
            <SignoffPanel
              state={data.signoff.state}
              reason={data.signoff.reason}
              list={data.signoff.list}
              canSignoff={data.can.signoff}
              currentBuilds={data.builds.filter((b) => b.current)}
              printQr={data.printQr}
              errors={signoff.fieldErrors}
              defaultDate={data.today}
            />
            <Anchor component={Link} to="/ebooks" size="sm">
              ← {t("ebooks.listTitle")}
            </Anchor>
          </>
        }
      />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
