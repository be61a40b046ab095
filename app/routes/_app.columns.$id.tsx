import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  ColorInput,
  FileButton,
  Grid,
  Group,
  Image,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { IconPlus, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "~/components/error-alert";
import { ColumnProgress } from "~/components/media/column-progress";
import { useFieldProps } from "~/components/field-props";
import { AddByTitleForm } from "~/components/add-by-title-form";
import { IntentForm } from "~/components/intent-form";
import { DeleteIntentButton } from "~/components/shared/delete-intent-button";
import { RouteError } from "~/components/route-error";
import { StatusBadge } from "~/components/status-badge";
import { useActionReply } from "~/components/use-action-reply";
import { requireActor } from "~/lib/auth.server";
import { formatBytes, formatDuration } from "~/lib/dates";
import { parseId } from "~/lib/forms.server";
import { dispatchIntent, intentsFor } from "~/lib/intents";
import { reply } from "~/lib/reply.server";
import { getStudio, type Studio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { getColumn } from "~/modules/columns/get-column.server";
import { updateColumnSchema } from "~/modules/columns/schemas";
import { updateColumn } from "~/modules/columns/update-column.server";
import { acceptColumnAsset } from "~/modules/media/accept-column-asset.server";
import { checkColumnUpload } from "~/modules/media/check-column-upload.server";
import { createEpisode } from "~/modules/media/create-episode.server";
import { deleteColumnAsset } from "~/modules/media/delete-column-asset.server";
import { maxUploadBytes } from "~/modules/media/media-store.server";
import {
  COLUMN_ASSET_ROLES,
  columnAssetActionSchema,
  createEpisodeSchema,
} from "~/modules/media/page-schemas";
import { receiveMultipartUpload } from "~/modules/media/receive-multipart-upload.server";
import { MIX_CATEGORIES } from "~/modules/pieces/status-machine";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "columns.read");
  const found = getColumn({ db: getStudio().db, columnId: parseId(params.id) });
  if (!found) throw json({ message: "栏目不存在。" }, { status: 404 });
  return {
    ...found,
    canManage: can(actor.roles, "columns.manage"),
    canCreate: can(actor.roles, "pieces.create"),
  };
}

type ColumnIntentContext = { base: { db: Studio["db"]; columnId: number; now: Date }; dataDir: string };
const intent = intentsFor<ColumnIntentContext>();

const INTENTS = {
  update: intent({
    capability: "columns.manage",
    schema: updateColumnSchema,
    run: ({ base, actor, input }) => updateColumn({ ...base, actor, input }),
    notice: "media.saved",
  }),
  "new-episode": intent({
    capability: "pieces.create",
    schema: createEpisodeSchema,
    run: ({ base, actor, input }) => {
      const created = createEpisode({ ...base, actor, title: input.title });
      return created.ok ? redirect(`/episodes/${created.pieceId}`) : created;
    },
  }),
  "asset-delete": intent({
    capability: "columns.manage",
    schema: columnAssetActionSchema,
    run: ({ base, dataDir, actor, input }) =>
      deleteColumnAsset({ ...base, dataDir, actor, assetId: input.assetId }),
  }),
};

/** A brand asset streamed to disk by the media module's parser, under the upload cap (not readForm's). */
async function uploadAsset(request: Request, { base, dataDir }: ColumnIntentContext) {
  const actor = await requireActor(request, "columns.manage");
  const allowed = checkColumnUpload({ db: base.db, actor, columnId: base.columnId });
  if (!allowed.ok) return reply(request, allowed, { intent: "asset-upload" });
  const maxBytes = maxUploadBytes();
  const received = await receiveMultipartUpload(request, { dataDir, relDir: allowed.relDir, maxBytes });
  const result = await acceptColumnAsset({
    ...base,
    dataDir,
    actor,
    role: String(received.form.get("role") ?? ""),
    saved: received.saved,
    originalName: received.originalName,
    maxBytes,
  });
  return reply(request, result, { intent: "asset-upload" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, config, now } = getStudio();
  const context = { base: { db, columnId: parseId(params.id), now: now() }, dataDir: config.dataDir };
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return uploadAsset(request, context);
  return dispatchIntent(request, INTENTS, { context, capability: "columns.read" });
}

const RENDER_COLORS: Record<string, string> = {
  none: "gray",
  queued: "gray",
  rendering: "blue",
  rendered: "teal",
  failed: "red",
};

const COLOR_FIELDS = ["primaryColor", "accentColor", "textColor"] as const;

function AssetUpload({ role }: { role: string }) {
  const submit = useSubmit();
  const { t } = useTranslation();
  const accept =
    role === "logo"
      ? "image/png,image/jpeg"
      : role === "intro" || role === "outro"
        ? "video/*,image/png,image/jpeg"
        : "audio/*";
  return (
    <FileButton
      accept={accept}
      onChange={(file) => {
        if (!file) return;
        const body = new FormData();
        body.append("role", role);
        body.append("file", file);
        submit(body, { method: "post", encType: "multipart/form-data" });
      }}
    >
      {(props) => (
        <Button
          {...props}
          size="compact-sm"
          variant="light"
          leftSection={<IconUpload size={14} />}
          data-testid={`asset-upload-${role}`}
        >
          {t("media.upload")}
        </Button>
      )}
    </FileButton>
  );
}

export default function ColumnPage() {
  const { column, episodes, assets, channels, canManage, canCreate } = useLoaderData<typeof loader>();
  const page = useActionReply();
  const settings = useActionReply({ intent: "update" });
  const newEpisode = useActionReply({ intent: "new-episode" });
  const navigation = useNavigation();
  const { t } = useTranslation();
  const field = useFieldProps("media", column, settings.fieldErrors);
  // A refusal from the studio (not a field left empty) is said at the top, whichever form it was.
  const pageError = page.reply?.code ? page.error : null;
  const busy = (intent: string) =>
    navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  return (
    <Stack>
      <div>
        <Group gap="xs">
          <Badge variant="light">{column.mixCategory}</Badge>
          <Badge variant="outline" color="gray">
            {t("media.secondsEach", { count: column.durationSeconds })}
          </Badge>
        </Group>
        <Title order={2} mt={6} data-testid="column-name">
          {column.name}
        </Title>
        <Text size="sm" c="dimmed">
          {column.description}
        </Text>
        <ColumnProgress column={column} mt="sm" maw={520} />
      </div>
      <ErrorAlert error={pageError} data-testid="column-error" />
      {settings.notice ? <Alert color="green">{settings.notice}</Alert> : null}
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t("media.episodes")}</Title>
        </Group>
        {canCreate ? (
          <AddByTitleForm
            intent="new-episode"
            label={t("media.newEpisodeTitle")}
            maxLength={120}
            style={{ flex: "1 1 220px" }}
            error={newEpisode.fieldError("title")}
            groupProps={{ gap: "sm", mb: "md", wrap: "wrap" }}
            button={
              <Button
                type="submit"
                leftSection={<IconPlus size={16} />}
                loading={busy("new-episode")}
                data-testid="new-episode"
              >
                {t("media.newEpisode")}
              </Button>
            }
          />
        ) : null}
        {episodes.length === 0 ? <Text c="dimmed">{t("media.noEpisodes")}</Text> : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {episodes.map((e) => (
            <Card key={e.id} withBorder padding="sm" data-testid="episode-card">
              <Group wrap="nowrap" align="start" gap="sm">
                {e.thumbnailUrl ? (
                  <Image src={e.thumbnailUrl} alt="" w={54} h={96} fit="cover" radius="sm" />
                ) : null}
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/episodes/${e.id}`} size="sm" fw={600} lineClamp={2}>
                    {e.title}
                  </Anchor>
                  <Group gap={4} mt={4}>
                    <StatusBadge status={e.status} />
                    <Badge
                      size="sm"
                      variant="light"
                      color={RENDER_COLORS[e.renderState]}
                      data-testid="episode-render-state"
                    >
                      {t(`media.renderStates.${e.renderState}`)}
                      {e.renderProgress !== null ? ` ${Math.round(e.renderProgress * 100)}%` : ""}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {e.ownerName} · {t("media.clipsCount", { count: e.clips })} ·{" "}
                    {t("media.versionsCount", { count: e.versions })}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t("media.settings")}
            </Title>
            {!canManage ? (
              <Text size="sm" c="dimmed" mb="sm">
                {t("media.readOnlySettings")}
              </Text>
            ) : null}
            <IntentForm intent="update" fields={{ version: column.version }} key={column.version}>
              <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput {...field("name")} maxLength={40} required />
                  <Select {...field("mixCategory")} data={[...MIX_CATEGORIES]} allowDeselect={false} />
                  <NumberInput {...field("episodeTarget")} min={1} max={1000} />
                  <NumberInput {...field("durationSeconds")} min={6} max={600} />
                  <NumberInput {...field("viewsTargetPerEpisode")} min={1} thousandSeparator="," />
                  <NumberInput
                    {...field("readingSpeedCps", "readingSpeed")}
                    min={1}
                    max={10}
                    step={0.5}
                    decimalScale={1}
                  />
                  <Select
                    {...field("defaultChannelId", "defaultChannel")}
                    data={channels.map((c) => ({ value: String(c.id), label: c.name }))}
                    defaultValue={column.defaultChannelId ? String(column.defaultChannelId) : null}
                    clearable
                  />
                  {COLOR_FIELDS.map((name) => (
                    <ColorInput key={name} {...field(name)} format="hex" />
                  ))}
                </SimpleGrid>
                <TextInput {...field("outroLine")} maxLength={40} required mt="sm" />
                <Textarea {...field("description")} maxLength={500} autosize minRows={2} mt="sm" />
                {canManage ? (
                  <Button type="submit" mt="md" loading={busy("update")} data-testid="save-column">
                    {t("media.save")}
                  </Button>
                ) : null}
              </fieldset>
            </IntentForm>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={4} mb={4}>
              {t("media.brandAssets")}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t("media.brandHint")}
            </Text>
            <Stack gap="sm">
              {COLUMN_ASSET_ROLES.map((role) => {
                const asset = assets.find((a) => a.role === role);
                return (
                  <Card key={role} withBorder padding="xs" data-testid={`asset-${role}`}>
                    <Group justify="space-between" wrap="nowrap" align="start">
                      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                        {asset && role === "logo" ? (
                          <Image src={`/media/${asset.id}`} alt="" w={40} h={40} fit="contain" />
                        ) : null}
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600}>
                            {t(`media.roles.${role}`)}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1} style={{ wordBreak: "break-all" }}>
                            {asset
                              ? `${asset.originalName} · ${asset.kind === "image" ? `${asset.width}×${asset.height}` : formatDuration(asset.durationSeconds, { secondsBelowMinute: true })} · ${formatBytes(asset.bytes)}`
                              : t("media.none")}
                          </Text>
                        </div>
                      </Group>
                      {canManage ? (
                        <Group gap={4} wrap="nowrap">
                          <AssetUpload role={role} />
                          {asset ? (
                            <DeleteIntentButton
                              intent="asset-delete"
                              fields={{ assetId: asset.id }}
                              label={t("media.delete")}
                              size="sm"
                            />
                          ) : null}
                        </Group>
                      ) : null}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
