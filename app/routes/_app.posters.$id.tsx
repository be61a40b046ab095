import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Grid,
  Group,
  MultiSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  FormReplyAlerts,
  PosterSizeSelect,
  PosterTemplateSelect,
} from "~/components/posters/poster-form-parts";
import { PosterPreview } from "~/components/posters/poster-preview";
import { RouteError } from "~/components/route-error";
import { SaveButton } from "~/components/shared/editor-save";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { failureResponse, parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { posterNotFound } from "~/modules/posters/find-poster.server";
import { getPosterPage } from "~/modules/posters/get-poster.server";
import { posterTemplate, type PosterTemplateKey } from "~/modules/posters/render/poster-catalog";
import { requestPosterRender } from "~/modules/posters/request-poster-render.server";
import { posterFormSchema, posterRenderFormSchema } from "~/modules/posters/schemas";
import { updatePoster } from "~/modules/posters/update-poster.server";
import { useRevalidateWhile } from "~/components/use-idle-revalidate";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "pieces.read");
  const page = getPosterPage({
    db: getStudio().db,
    pieceId: parseId(params.id),
    actor,
    publicBase: resolvePublicBase(request.url),
  });
  if (!page) throw failureResponse(request, posterNotFound());
  return json(page);
}

type PosterIntentContext = { base: { db: Studio["db"]; pieceId: number; now: Date }; dataDir: string };
const intent = intentsFor<PosterIntentContext>();

const INTENTS = {
  save: intent({
    capability: "pieces.edit",
    schema: posterFormSchema,
    run: ({ base, actor, input }) => updatePoster({ ...base, actor, input }),
    notice: "posterPages.saved",
  }),
  render: intent({
    capability: "renders.create",
    schema: posterRenderFormSchema,
    run: ({ base, dataDir, actor, input, request }) =>
      requestPosterRender({ ...base, dataDir, actor, input, publicBase: resolvePublicBase(request.url) }),
    notice: "posterPages.renderQueued",
  }),
};

// The uploads post to their own route (posters.$id.upload.ts), so this body is a small form.
export async function action({ request, params }: ActionFunctionArgs) {
  const { db, config, now } = getStudio();
  const base = { db, pieceId: parseId(params.id), now: now() };
  return dispatchIntent(request, INTENTS, {
    context: { base, dataDir: config.dataDir },
    capability: "pieces.read",
  });
}

type FieldKey = "headline" | "subline" | "offer" | "validFrom" | "validTo";

function UploadForm({ pieceId, kind }: { pieceId: number; kind: "photo" | "finished" }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const answer = useActionReply({ intent: `upload-${kind}`, fetcher });
  return (
    <fetcher.Form
      method="post"
      action={`/posters/${pieceId}/upload?kind=${kind}`}
      encType="multipart/form-data"
    >
      <Stack gap={6}>
        <Group align="flex-end" wrap="wrap">
          <FileInput
            name="file"
            accept="image/png,image/jpeg"
            label={t(kind === "photo" ? "posterPages.uploadPhoto" : "posterPages.finishedImage")}
            description={t(kind === "photo" ? "posterPages.photoHint" : "posterPages.finishedHint")}
            error={answer.error}
            w={{ base: "100%", sm: 340 }}
            data-testid={`upload-${kind}`}
          />
          <Button type="submit" variant="light" loading={fetcher.state !== "idle"}>
            {t("posterPages.upload")}
          </Button>
        </Group>
        {answer.notice ? (
          <Text c="green" size="sm">
            {answer.notice}
          </Text>
        ) : null}
      </Stack>
    </fetcher.Form>
  );
}

export default function PosterPage() {
  const { poster, canEdit, canRender, consultants } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const saved = useActionReply({ intent: "save" });
  const rendered = useActionReply({ intent: "render" });
  const navigation = useNavigation();
  const [template, setTemplate] = useState(poster.template as PosterTemplateKey);
  const [size, setSize] = useState(poster.size);
  const [fields, setFields] = useState<Record<string, string>>(poster.fields);
  useEffect(() => {
    setTemplate(poster.template as PosterTemplateKey);
    setSize(poster.size);
    setFields(poster.fields);
  }, [poster.version, poster.template, poster.size, poster.fields]);

  const busy = poster.renders.some((r) => r.state === "queued" || r.state === "running");
  useRevalidateWhile(busy, 1500);

  const spec = posterTemplate(template);
  const query = new URLSearchParams({ template, size });
  // Every field, cleared ones too: a field the query leaves out is drawn with its saved copy.
  for (const field of spec.fields) query.set(field.key, fields[field.key] ?? "");
  const previewSrc = `/posters/${poster.id}/preview?${query.toString()}`;

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{poster.title}</Title>
        <Group gap="xs">
          <Badge variant="light">{t(`statuses.${poster.status}`)}</Badge>
          <Anchor href={`/posters/${poster.id}/print`}>{t("posterPages.printPdf")}</Anchor>
        </Group>
      </Group>
      {!canEdit ? <Alert color="gray">{t("posterPages.readOnly")}</Alert> : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Form method="post">
              <input type="hidden" name="version" value={poster.version} />
              <input type="hidden" name="intent" value="save" />
              <Stack gap="sm">
                <FormReplyAlerts answer={saved} />
                <TextInput
                  name="title"
                  label={t("posterPages.posterTitle")}
                  defaultValue={poster.title}
                  key={`title-${poster.version}`}
                  disabled={!canEdit}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <PosterTemplateSelect
                    value={template}
                    onChange={(value) => value && setTemplate(value as PosterTemplateKey)}
                    disabled={!canEdit}
                  />
                  <PosterSizeSelect
                    value={size}
                    onChange={(value) => value && setSize(value)}
                    disabled={!canEdit}
                  />
                </SimpleGrid>
                {spec.fields.map((field) => (
                  <TextInput
                    key={field.key}
                    name={field.key}
                    label={t(`posters.fields.${field.key}`)}
                    description={`${[...(fields[field.key] ?? "")].length} / ${field.maxChars}`}
                    required={field.required}
                    placeholder={field.key.startsWith("valid") ? "2026-12-31" : undefined}
                    value={fields[field.key] ?? ""}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setFields((current) => ({ ...current, [field.key as FieldKey]: value }));
                    }}
                    error={saved.fieldError(field.key)}
                    disabled={!canEdit}
                    data-testid={`field-${field.key}`}
                  />
                ))}
                <SaveButton
                  canEdit={canEdit}
                  busy={navigation.state === "submitting"}
                  label={t("posterPages.save")}
                  testId="save-poster"
                />
              </Stack>
            </Form>
          </Paper>
          {canEdit ? (
            <Paper withBorder p="md" mt="md">
              <Stack gap="md">
                {spec.usesPhoto ? <UploadForm pieceId={poster.id} kind="photo" /> : null}
                <UploadForm pieceId={poster.id} kind="finished" />
              </Stack>
            </Paper>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t("posterPages.preview")}
            </Title>
            <PosterPreview src={previewSrc} />
            <Text size="xs" c="dimmed" mt="xs" style={{ wordBreak: "break-all" }}>
              {t("posterPages.qrAddress")}: {poster.qr.url}
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
      {canRender ? (
        <Paper withBorder p="md">
          <Form method="post">
            <input type="hidden" name="intent" value="render" />
            <Stack gap="sm">
              <Title order={4}>{t("posterPages.variants")}</Title>
              <Text size="sm" c="dimmed">
                {t("posterPages.variantsHint")}
              </Text>
              {rendered.notice ? <Alert color="green">{rendered.notice}</Alert> : null}
              {rendered.error ? (
                <Alert color="red" data-testid="render-error">
                  {rendered.error}
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  name="consultants"
                  label={t("posterPages.consultants")}
                  data={consultants.map((c) => ({ value: String(c.id), label: c.name }))}
                  searchable
                  clearable
                />
                <Textarea name="venues" label={t("posterPages.venues")} autosize minRows={2} />
              </SimpleGrid>
              <Button
                type="submit"
                w="fit-content"
                loading={navigation.state === "submitting"}
                data-testid="render-poster"
              >
                {t("posterPages.render")}
              </Button>
            </Stack>
          </Form>
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("posterPages.versions")}
        </Title>
        {poster.renders.length === 0 ? <Text c="dimmed">{t("posterPages.noVersions")}</Text> : null}
        <Stack gap="sm">
          {poster.renders.map((render) => (
            <Paper key={render.id} withBorder p="sm" data-testid="poster-version">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>{t("posterPages.version", { number: render.number })}</Text>
                  <Badge
                    color={render.state === "done" ? "green" : render.state === "failed" ? "red" : "blue"}
                    variant="light"
                  >
                    {t(`posterPages.states.${render.state}`)}
                  </Badge>
                  {render.source === "upload" ? (
                    <Text size="sm" c="dimmed">
                      {t("posterPages.fromUpload")}
                    </Text>
                  ) : null}
                </Group>
                <Group gap="sm">
                  {render.imageUrl ? (
                    <Anchor href={`${render.imageUrl}?download=1`}>{t("posterPages.download")}</Anchor>
                  ) : null}
                  {render.zipUrl ? (
                    <Anchor href={render.zipUrl}>{t("posterPages.downloadZip")}</Anchor>
                  ) : null}
                </Group>
              </Group>
              {render.state === "queued" || render.state === "running" ? (
                <Progress value={(render.job?.progress ?? 0) * 100} mt="xs" animated />
              ) : null}
              {render.state === "failed" && render.job?.error ? (
                <Text c="red" size="sm">
                  {render.job.error}
                </Text>
              ) : null}
              {render.variants.length > 0 ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {render.variants.map((v) => `${v.label}（${v.source}）`).join("、")}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
