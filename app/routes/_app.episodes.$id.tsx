import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { IconSend } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { FootagePanel } from "~/components/media/footage-panel";
import { RenderPanel } from "~/components/media/render-panel";
import { ScriptEditor } from "~/components/media/script-editor";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { StatusBadge } from "~/components/status-badge";
import { requireActor } from "~/lib/auth.server";
import { parseForm, parseId } from "~/lib/forms.server";
import type { FieldErrors } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { saveScriptFormSchema } from "~/modules/media/episode-script";
import { getEpisode } from "~/modules/media/get-episode.server";
import {
  deleteEpisodeClip,
  deleteRenderVersion,
  moveEpisodeClip,
  recheckEpisodeClip,
} from "~/modules/media/manage-media.server";
import { maxUploadBytes } from "~/modules/media/media-store.server";
import { clipActionSchema, renderActionSchema, requestRenderSchema } from "~/modules/media/page-schemas";
import { requestRender } from "~/modules/media/request-render.server";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";
import { availableTransitions } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? t("common.pageTitle", { title: data.episode.title }) : t("app.name") }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const { db } = getStudio();
  const found = getEpisode({ db, pieceId: parseId(params.id), actor });
  if (!found.ok) throw json({ message: found.message }, { status: found.status });
  const { ok: _ok, ...episode } = found;
  return {
    ...episode,
    canSubmit: availableTransitions(found.episode, actor).includes("submit"),
    maxUploadBytes: maxUploadBytes(),
  };
}

type ActionResult = { ok: boolean; intent: string; error?: string; errors?: FieldErrors };
const answer = (body: ActionResult, status = 200) => json(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const pieceId = parseId(params.id);
  const { db, config, now } = getStudio();
  switch (intent) {
    case "save-script": {
      const actor = await requireActor(request, "pieces.edit");
      const parsed = parseForm(saveScriptFormSchema, form);
      if (!parsed.ok)
        return answer(
          { ok: false, intent, errors: parsed.errors, error: Object.values(parsed.errors)[0] },
          400,
        );
      const result = saveEpisodeScript({ db, actor, pieceId, input: parsed.data, now: now() });
      return result.ok
        ? answer({ ok: true, intent })
        : answer({ ok: false, intent, error: result.message }, result.status);
    }
    case "clip-recheck": {
      // A clip whose check failed or was cancelled is checked again by a new job.
      const actor = await requireActor(request, "media.upload");
      const parsed = parseForm(clipActionSchema, form);
      if (!parsed.ok) return answer({ ok: false, intent, error: Object.values(parsed.errors)[0] }, 400);
      const result = recheckEpisodeClip({ db, actor, pieceId, assetId: parsed.data.assetId, now: now() });
      return result.ok
        ? answer({ ok: true, intent })
        : answer({ ok: false, intent, error: result.message }, result.status);
    }
    case "clip-up":
    case "clip-down":
    case "clip-delete": {
      const actor = await requireActor(request, "media.upload");
      const parsed = parseForm(clipActionSchema, form);
      if (!parsed.ok) return answer({ ok: false, intent, error: Object.values(parsed.errors)[0] }, 400);
      const result =
        intent === "clip-delete"
          ? await deleteEpisodeClip({
              db,
              dataDir: config.dataDir,
              actor,
              pieceId,
              assetId: parsed.data.assetId,
              now: now(),
            })
          : moveEpisodeClip({
              db,
              actor,
              pieceId,
              assetId: parsed.data.assetId,
              direction: intent === "clip-up" ? "up" : "down",
              now: now(),
            });
      return result.ok
        ? answer({ ok: true, intent })
        : answer({ ok: false, intent, error: result.message }, result.status);
    }
    case "render": {
      const actor = await requireActor(request, "renders.create");
      const parsed = parseForm(requestRenderSchema, form);
      if (!parsed.ok)
        return answer(
          { ok: false, intent, errors: parsed.errors, error: Object.values(parsed.errors)[0] },
          400,
        );
      const result = requestRender({
        db,
        dataDir: config.dataDir,
        actor,
        pieceId,
        input: parsed.data,
        now: now(),
      });
      return result.ok
        ? answer({ ok: true, intent })
        : answer(
            {
              ok: false,
              intent,
              error: result.message,
              errors: result.field ? { [result.field]: result.message } : undefined,
            },
            result.status,
          );
    }
    case "render-delete": {
      const actor = await requireActor(request, "renders.create");
      const parsed = parseForm(renderActionSchema, form);
      if (!parsed.ok) return answer({ ok: false, intent, error: Object.values(parsed.errors)[0] }, 400);
      const result = await deleteRenderVersion({
        db,
        dataDir: config.dataDir,
        actor,
        pieceId,
        renderId: parsed.data.renderId,
        now: now(),
      });
      return result.ok
        ? answer({ ok: true, intent })
        : answer({ ok: false, intent, error: result.message }, result.status);
    }
    case "submit": {
      // The state machine checks the role and the script gate; the route only requires a reader.
      const actor = await requireActor(request, "pieces.read");
      const result = transitionPiece({ db, actor, pieceId, action: "submit", now: now() });
      return result.ok
        ? answer({ ok: true, intent })
        : answer({ ok: false, intent, error: result.message }, result.status);
    }
    default:
      await requireActor(request, "columns.read");
      return answer({ ok: false, intent, error: "未知的操作。" }, 400);
  }
}

export default function EpisodePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { episode, column } = data;
  const pageError = actionData && !actionData.ok && actionData.intent !== "render" ? actionData.error : null;
  return (
    <Stack>
      <div>
        <Group gap="xs">
          <Badge variant="outline">{t("kinds.episode")}</Badge>
          <StatusBadge status={episode.status} />
          {episode.mixCategory ? <Badge variant="light">{episode.mixCategory}</Badge> : null}
        </Group>
        <Title order={2} mt={6} data-testid="episode-title">
          {episode.title}
        </Title>
        <Group gap="md">
          <Anchor component={Link} to={`/columns/${column.id}`} size="sm">
            {t("media.episodeOf", { name: column.name })}
          </Anchor>
          <Text size="sm" c="dimmed">
            {episode.ownerName}
          </Text>
          <Anchor component={Link} to={`/pieces/${episode.id}`} size="sm">
            {t("media.workflow")}
          </Anchor>
        </Group>
      </div>
      {pageError ? (
        <Alert color="red" data-testid="episode-error">
          {pageError}
        </Alert>
      ) : null}
      {actionData?.ok && actionData.intent === "submit" ? (
        <Alert color="green">{t("media.submitted")}</Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <ScriptEditor
              version={episode.version}
              lines={data.lines}
              column={column}
              readOnly={!data.canEdit}
            />
            {data.canSubmit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="submit" />
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconSend size={16} />}
                  loading={navigation.formData?.get("intent") === "submit"}
                  data-testid="submit-episode"
                >
                  {t("media.submit")}
                </Button>
              </Form>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <FootagePanel
              episodeId={episode.id}
              clips={data.clips}
              canEdit={data.canEdit}
              maxBytes={data.maxUploadBytes}
            />
            <RenderPanel
              durationSeconds={column.durationSeconds}
              job={data.renderJob}
              versions={data.versions}
              canRender={data.canRender}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
