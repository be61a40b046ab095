import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { IconCopy, IconSend } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "~/components/error-alert";
import { PieceHeading } from "~/components/piece-heading";
import { ApprovalHoldNote } from "~/components/approval-hold-note";
import { CommentsPanel } from "~/components/comments/comments-panel";
import { IntentForm } from "~/components/intent-form";
import { FootagePanel } from "~/components/media/footage-panel";
import { RenderPanel } from "~/components/media/render-panel";
import { ScriptEditor } from "~/components/media/script-editor";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor, NO_FIELDS } from "~/lib/intents";
import { getStudio, type Studio } from "~/lib/studio.server";
import { saveScriptFormSchema, shortScriptFitSchema } from "~/modules/media/episode-script";
import { getEpisode } from "~/modules/media/get-episode.server";
import { duplicateEpisode } from "~/modules/media/duplicate-episode.server";
import { can } from "~/modules/auth/permissions";
import { getApprovalHold } from "~/modules/pieces/approval-hold.server";
import { HELD_STATUSES } from "~/modules/pieces/approval-hold";
import { deleteEpisodeClip } from "~/modules/media/delete-episode-clip.server";
import { deleteRenderVersion } from "~/modules/media/delete-render-version.server";
import { maxUploadBytes } from "~/modules/media/media-store.server";
import { moveEpisodeClip } from "~/modules/media/move-episode-clip.server";
import { clipActionSchema, renderActionSchema, requestRenderSchema } from "~/modules/media/page-schemas";
import { recheckEpisodeClip } from "~/modules/media/recheck-episode-clip.server";
import { requestRender } from "~/modules/media/request-render.server";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";
import { setShortScriptFit } from "~/modules/media/set-short-script-fit.server";
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
    canDuplicate: can(actor.roles, "pieces.create"),
    approvalHold: getApprovalHold({ db, pieceId: found.episode.id }),
    maxUploadBytes: maxUploadBytes(),
  };
}

type EpisodeIntentContext = { base: { db: Studio["db"]; pieceId: number; now: Date }; dataDir: string };
const intent = intentsFor<EpisodeIntentContext>();

const moveClip = (direction: "up" | "down") =>
  intent({
    capability: "media.upload",
    schema: clipActionSchema,
    run: ({ base, actor, input }) => moveEpisodeClip({ ...base, actor, assetId: input.assetId, direction }),
  });

const INTENTS = {
  "save-script": intent({
    capability: "pieces.edit",
    schema: saveScriptFormSchema,
    run: ({ base, actor, input }) => saveEpisodeScript({ ...base, actor, input }),
    notice: "media.scriptSaved",
  }),
  // Pad a short script to the column's length or shorten the video; it changes the render.
  "script-fit": intent({
    capability: "pieces.edit",
    schema: shortScriptFitSchema,
    run: ({ base, actor, input }) => setShortScriptFit({ ...base, actor, input }),
    notice: "media.fit.saved",
  }),
  // A clip whose check failed or was cancelled is checked again by a new job.
  "clip-recheck": intent({
    capability: "media.upload",
    schema: clipActionSchema,
    run: ({ base, actor, input }) => recheckEpisodeClip({ ...base, actor, assetId: input.assetId }),
  }),
  "clip-up": moveClip("up"),
  "clip-down": moveClip("down"),
  "clip-delete": intent({
    capability: "media.upload",
    schema: clipActionSchema,
    run: ({ base, dataDir, actor, input }) =>
      deleteEpisodeClip({ ...base, dataDir, actor, assetId: input.assetId }),
  }),
  render: intent({
    capability: "renders.create",
    schema: requestRenderSchema,
    run: ({ base, dataDir, actor, input }) => requestRender({ ...base, dataDir, actor, input }),
  }),
  "render-delete": intent({
    capability: "renders.create",
    schema: renderActionSchema,
    run: ({ base, dataDir, actor, input }) =>
      deleteRenderVersion({ ...base, dataDir, actor, renderId: input.renderId }),
  }),
  // The state machine checks the role and the script gate; the route only requires a reader.
  submit: intent({
    capability: "pieces.read",
    schema: NO_FIELDS,
    run: ({ base, actor }) => transitionPiece({ ...base, actor, action: "submit" }),
    notice: "media.submitted",
  }),
  // A new draft from this script (not its footage or renders), opened at once.
  duplicate: intent({
    capability: "pieces.create",
    schema: NO_FIELDS,
    run: ({ base, actor }) => {
      const made = duplicateEpisode({ ...base, actor });
      return made.ok ? redirect(`/episodes/${made.pieceId}`) : made;
    },
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, config, now } = getStudio();
  const context = { base: { db, pieceId: parseId(params.id), now: now() }, dataDir: config.dataDir };
  return dispatchIntent(request, INTENTS, { context, capability: "columns.read" });
}

/** Intents whose refusals are shown at their own button and fields, not in the page's banner. */
const AT_TARGET = ["render", "submit"];

export default function EpisodePage() {
  const data = useLoaderData<typeof loader>();
  const page = useActionReply();
  const submitted = useActionReply({ intent: "submit" });
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { episode, column } = data;
  // The render form and 提交审核 say their own failures where the user acted (the submit's also at the
  // script lines it names); every other form's are said at the top.
  const pageError = !AT_TARGET.includes(page.reply?.intent ?? "") ? page.error : null;
  return (
    <Stack>
      <PieceHeading
        kind="episode"
        status={episode.status}
        badges={episode.mixCategory ? <Badge variant="light">{episode.mixCategory}</Badge> : null}
        title={episode.title}
        titleTestId="episode-title"
      >
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
          {data.canDuplicate ? (
            <IntentForm intent="duplicate">
              <Button
                type="submit"
                size="compact-sm"
                variant="subtle"
                leftSection={<IconCopy size={14} />}
                title={t("approvals.duplicateHint")}
                loading={navigation.formData?.get("intent") === "duplicate"}
                data-testid="duplicate-episode"
              >
                {t("approvals.duplicate")}
              </Button>
            </IntentForm>
          ) : null}
        </Group>
      </PieceHeading>
      <ApprovalHoldNote hold={data.approvalHold} />
      <ErrorAlert error={pageError} data-testid="episode-error" />
      {submitted.notice ? <Alert color="green">{submitted.notice}</Alert> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <ScriptEditor
              version={episode.version}
              lines={data.lines}
              column={column}
              readOnly={!data.canEdit}
              shortScriptFit={episode.shortScriptFit}
              approved={HELD_STATUSES.includes(episode.status)}
            />
            {data.canSubmit ? (
              <IntentForm intent="submit" showError>
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconSend size={16} />}
                  loading={navigation.formData?.get("intent") === "submit"}
                  data-testid="submit-episode"
                >
                  {t("media.submit")}
                </Button>
              </IntentForm>
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
            {/* The reviewers' line comments, beside the script the owner is editing. */}
            <CommentsPanel pieceId={episode.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
