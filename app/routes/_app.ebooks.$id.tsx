import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconExternalLink, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { BookMetadataFields } from "~/components/ebooks/book-metadata-fields";
import { BuildPanel } from "~/components/ebooks/build-panel";
import { ChapterList } from "~/components/ebooks/chapter-list";
import { DeleteForm } from "~/components/ebooks/delete-form";
import previewCss from "~/components/ebooks/ebook-preview.css";
import { SignoffPanel } from "~/components/ebooks/signoff-panel";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { StatusBadge } from "~/components/status-badge";
import { requireActor } from "~/lib/auth.server";
import { formatBytes, toWallClockInput } from "~/lib/dates";
import { parseForm, parseId, type FieldErrors } from "~/lib/forms.server";
import type { Failure } from "~/lib/result";
import { parseMultipartFormData } from "~/lib/multipart.server";
import { getStudio } from "~/lib/studio.server";
import {
  addChapter,
  addSection,
  deleteChapter,
  deleteSection,
  reorderChapters,
  reorderSections,
} from "~/modules/ebooks/edit-book-structure.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { recordSignoff } from "~/modules/ebooks/record-signoff.server";
import { requestBuild } from "~/modules/ebooks/request-build.server";
import {
  addChapterSchema,
  addSectionSchema,
  deleteChapterSchema,
  deleteImageSchema,
  deleteSectionSchema,
  IMAGE_MAX_BYTES,
  recordSignoffSchema,
  reorderChaptersSchema,
  reorderSectionsSchema,
  requestBuildSchema,
  updateBookSchema,
} from "~/modules/ebooks/schemas";
import { updateBook } from "~/modules/ebooks/update-book.server";
import { deleteBookImage, uploadBookImage } from "~/modules/ebooks/upload-book-image.server";

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
  return { ...page, today: toWallClockInput(now(), config.timeZone, "date") };
}

type ActionReply = {
  intent: string;
  ok: boolean;
  error: string | null;
  errors: FieldErrors | null;
  jobId?: number;
};

function reply(
  intent: string,
  result: { ok: true; jobId?: number } | Failure | { ok: false; errors: FieldErrors },
) {
  if (result.ok)
    return json<ActionReply>({ intent, ok: true, error: null, errors: null, jobId: result.jobId });
  if ("errors" in result)
    return json<ActionReply>(
      { intent, ok: false, error: Object.values(result.errors)[0] ?? null, errors: result.errors },
      { status: 400 },
    );
  return json<ActionReply>(
    { intent, ok: false, error: result.message, errors: { [result.field ?? "_form"]: result.message } },
    { status: result.status },
  );
}

async function uploadAction(request: Request, pieceId: number) {
  const actor = await requireActor(request, "ebooks.edit");
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  // Refused before the body is read: nothing is stored.
  if (declared > IMAGE_MAX_BYTES + 64 * 1024)
    return reply("upload-image", {
      ok: false,
      status: 413,
      code: "too_large",
      message: `图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB。`,
      field: "file",
    });
  let form: FormData;
  try {
    form = await parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: IMAGE_MAX_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return reply("upload-image", {
        ok: false,
        status: 413,
        code: "too_large",
        message: `图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB。`,
        field: "file",
      });
    throw error;
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    return reply("upload-image", {
      ok: false,
      status: 400,
      code: "no_file",
      message: "请选择要上传的图片。",
      field: "file",
    });
  const { db, config, now } = getStudio();
  const result = await uploadBookImage({
    db,
    dataDir: config.dataDir,
    actor,
    pieceId,
    fileName: file.name,
    bytes: Buffer.from(await file.arrayBuffer()),
    now: now(),
  });
  return reply("upload-image", result);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const pieceId = parseId(params.id);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return uploadAction(request, pieceId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { db, now } = getStudio();
  const base = { db, pieceId, now: now() };
  switch (intent) {
    case "update-book": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(updateBookSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, updateBook({ ...base, actor, input: parsed.data }));
    }
    case "add-section": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(addSectionSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, addSection({ ...base, actor, title: parsed.data.title }));
    }
    case "delete-section": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(deleteSectionSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, deleteSection({ ...base, actor, sectionId: parsed.data.sectionId }));
    }
    case "reorder-sections": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(reorderSectionsSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, reorderSections({ ...base, actor, sectionIds: parsed.data.sectionIds }));
    }
    case "add-chapter": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(addChapterSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, addChapter({ ...base, actor, ...parsed.data }));
    }
    case "delete-chapter": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(deleteChapterSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, deleteChapter({ ...base, actor, chapterId: parsed.data.chapterId }));
    }
    case "reorder-chapters": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(reorderChaptersSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, reorderChapters({ ...base, actor, ...parsed.data }));
    }
    case "delete-image": {
      const actor = await requireActor(request, "ebooks.edit");
      const parsed = parseForm(deleteImageSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, deleteBookImage({ ...base, actor, imageId: parsed.data.imageId }));
    }
    case "build": {
      const actor = await requireActor(request, "ebooks.build");
      const parsed = parseForm(requestBuildSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      const result = requestBuild({
        ...base,
        actor,
        profile: parsed.data.profile,
        publicBaseUrl: resolvePublicBase(request.url),
      });
      return reply(intent, result.ok ? { ok: true, jobId: result.job.id } : result);
    }
    case "signoff": {
      const actor = await requireActor(request, "ebooks.signoff");
      const parsed = parseForm(recordSignoffSchema, form);
      if (!parsed.ok) return reply(intent, parsed);
      return reply(intent, recordSignoff({ ...base, actor, input: parsed.data }));
    }
    default: {
      await requireActor(request, "ebooks.read");
      return reply(intent, {
        ok: false,
        status: 400,
        code: "unknown_intent",
        message: "未知的操作。",
        field: "intent",
      });
    }
  }
}

const STRUCTURE_INTENTS = new Set([
  "add-section",
  "delete-section",
  "reorder-sections",
  "add-chapter",
  "delete-chapter",
  "reorder-chapters",
]);

export default function BookPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { book } = data;
  const errorFor = (intents: string[]) =>
    reply && !reply.ok && intents.includes(reply.intent) ? reply : null;
  const structureError = reply && !reply.ok && STRUCTURE_INTENTS.has(reply.intent) ? reply.error : null;
  const metaReply = errorFor(["update-book"]);
  const uploadReply = reply?.intent === "upload-image" ? reply : null;

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Group gap="xs">
            <Badge variant="outline">{t(`kinds.${book.kind}`)}</Badge>
            <StatusBadge status={book.status} />
            <Text size="xs" c="dimmed">
              {book.trim} · {book.ownerName}
            </Text>
          </Group>
          <Title order={2} mt={6} data-testid="book-heading">
            {book.title}
          </Title>
          {book.subtitle ? (
            <Text c="dimmed" size="sm">
              {book.subtitle}
            </Text>
          ) : null}
        </div>
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
      </Group>
      {!data.can.edit ? (
        <Text size="sm" c="dimmed">
          {t("ebooks.readOnly")}
        </Text>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack>
            <Card withBorder>
              <Title order={4}>{t("ebooks.structure")}</Title>
              {data.can.edit ? (
                <Text size="xs" c="dimmed" mb="sm">
                  {t("ebooks.structureHint")}
                </Text>
              ) : null}
              {structureError ? (
                <Alert color="red" mb="sm" data-testid="structure-error">
                  {structureError}
                </Alert>
              ) : null}
              <ChapterList bookId={book.id} sections={data.sections} canEdit={data.can.edit} />
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("ebooks.images")}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t("ebooks.imagesHint")}
              </Text>
              {data.can.edit ? (
                <Form method="post" encType="multipart/form-data">
                  <input type="hidden" name="intent" value="upload-image" />
                  <Group align="end" gap="xs" wrap="nowrap">
                    <FileInput
                      name="file"
                      accept="image/png,image/jpeg"
                      placeholder={t("ebooks.chooseFile")}
                      error={uploadReply && !uploadReply.ok ? uploadReply.error : undefined}
                      style={{ flex: 1 }}
                      clearable
                      data-testid="image-file"
                    />
                    <Button
                      type="submit"
                      variant="light"
                      leftSection={<IconUpload size={16} />}
                      loading={navigation.formData?.get("intent") === "upload-image"}
                    >
                      {t("ebooks.uploadImage")}
                    </Button>
                  </Group>
                </Form>
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
              {reply?.intent === "update-book" && reply.ok ? (
                <Alert color="green" mb="sm">
                  {t("ebooks.saved")}
                </Alert>
              ) : null}
              {metaReply?.errors?._form ? (
                <Alert color="red" mb="sm">
                  {metaReply.errors._form}
                </Alert>
              ) : null}
              <Form method="post" key={book.version}>
                <input type="hidden" name="intent" value="update-book" />
                <input type="hidden" name="version" value={book.version} />
                <Stack gap="xs">
                  <BookMetadataFields
                    values={{ ...book, title: book.title }}
                    errors={metaReply?.errors}
                    readOnly={!data.can.edit}
                  />
                  {data.can.edit ? (
                    <Button
                      type="submit"
                      w="fit-content"
                      loading={navigation.formData?.get("intent") === "update-book"}
                      data-testid="save-book"
                    >
                      {t("ebooks.save")}
                    </Button>
                  ) : null}
                </Stack>
              </Form>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack>
            <BuildPanel
              bookId={book.id}
              builds={data.builds}
              jobs={data.jobs}
              pages={{ latest: data.pages.latest, target: data.pages.target }}
              canBuild={data.can.build}
              buildProblem={data.buildProblem}
              printBlockedReason={data.printBlockedReason}
              actionError={reply?.intent === "build" && !reply.ok ? reply.error : null}
            />
            <SignoffPanel
              state={data.signoff.state}
              reason={data.signoff.reason}
              list={data.signoff.list}
              canSignoff={data.can.signoff}
              currentBuilds={data.builds.filter((b) => b.current)}
              printQr={data.printQr}
              errors={reply?.intent === "signoff" && !reply.ok ? reply.errors : null}
              defaultDate={data.today}
            />
            <Anchor component={Link} to="/ebooks" size="sm">
              ← {t("ebooks.listTitle")}
            </Anchor>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
