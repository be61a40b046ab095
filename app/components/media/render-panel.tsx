import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useNavigation } from "@remix-run/react";
import { IconDownload, IconMovie, IconPlayerStop } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { IntentForm } from "~/components/intent-form";
import { DeleteIntentButton } from "~/components/shared/delete-intent-button";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { useActionReply } from "~/components/use-action-reply";
import { formatBytes, formatDateTime, formatDuration } from "~/lib/dates";
import type { JobDto } from "~/modules/jobs/job-dto";
import type { RenderVersionDto } from "~/modules/media/media-dto";
import { useIdleRevalidate } from "~/components/use-idle-revalidate";

interface RenderPanelProps {
  durationSeconds: number;
  job: JobDto | null;
  versions: RenderVersionDto[];
  canRender: boolean;
}

const JOB_COLORS: Record<string, string> = {
  queued: "gray",
  running: "blue",
  succeeded: "teal",
  failed: "red",
  cancelled: "dark",
};
const active = (job: JobDto | null) => job !== null && (job.status === "queued" || job.status === "running");

/** What a finished render reports: clips it left out first, then lines that did not fit. */
function renderWarnings(job: JobDto): string[] {
  const warnings = job.status === "succeeded" ? job.result?.warnings : undefined;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === "string") : [];
}

/** Polls the render job every second while it runs: progress, ETA, cancel; then the versions list. */
export function RenderPanel({ durationSeconds, job: initialJob, versions, canRender }: RenderPanelProps) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const revalidate = useIdleRevalidate();
  const navigation = useNavigation();
  const rendered = useActionReply({ intent: "render" });
  const [job, setJob] = useState<JobDto | null>(initialJob);
  const [cancelError, setCancelError] = useState<string | null>(null);

  useEffect(() => setJob(initialJob), [initialJob]);

  const jobId = job?.id;
  const running = active(job);
  const warnings = job ? renderWarnings(job) : [];
  useEffect(() => {
    if (!running || jobId === undefined) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/v1/jobs/${jobId}`, { headers: { Accept: "application/json" } }).catch(
        () => null,
      );
      if (stopped || !res?.ok) return;
      const next = (await res.json()) as JobDto;
      setJob(next);
      if (!active(next)) revalidate();
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, jobId, revalidate]);

  const cancel = async () => {
    if (!job) return;
    setCancelError(null);
    const res = await fetch(`/api/v1/jobs/${job.id}/cancel`, { method: "POST" });
    if (res.ok) setJob((await res.json()) as JobDto);
    else
      setCancelError(
        ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
          t("media.uploadFailed"),
      );
  };

  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {t("media.render")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("media.renderHint")}
      </Text>
      {canRender ? (
        <IntentForm intent="render">
          <Group align="end" gap="sm">
            <NumberInput
              name="coverAtSecond"
              label={t("media.coverAt")}
              description={t("media.coverAtHint")}
              min={0}
              max={durationSeconds - 0.5}
              step={0.5}
              decimalScale={1}
              w={180}
              error={rendered.fieldError("coverAtSecond")}
            />
            <Button
              type="submit"
              leftSection={<IconMovie size={16} />}
              loading={navigation.formData?.get("intent") === "render"}
              disabled={running}
              data-testid="start-render"
            >
              {t("media.startRender")}
            </Button>
          </Group>
        </IntentForm>
      ) : (
        <Text size="sm" c="dimmed">
          {t("media.noRenderRight")}
        </Text>
      )}
      {rendered.error ? (
        <Alert color="red" mt="sm" data-testid="render-error">
          {rendered.error}
        </Alert>
      ) : null}
      {job ? (
        <Stack gap={4} mt="md" data-testid="render-job">
          <Group justify="space-between">
            <Group gap={6}>
              <Badge
                color={JOB_COLORS[job.status] ?? "gray"}
                variant="light"
                data-testid="render-job-status"
                data-status={job.status}
              >
                {t(`media.jobStates.${job.status}`)}
              </Badge>
              {job.attempts > 1 ? (
                <Text size="xs" c="dimmed">
                  {t("media.attempt", { n: job.attempts })}
                </Text>
              ) : null}
            </Group>
            {running && canRender ? (
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={14} />}
                onClick={cancel}
                data-testid="cancel-render"
              >
                {t("media.cancelRender")}
              </Button>
            ) : null}
          </Group>
          {running ? (
            <>
              <Progress
                value={job.progress * 100}
                animated={job.status === "running"}
                data-testid="render-progress"
              />
              <Text size="xs" c="dimmed">
                {Math.round(job.progress * 100)}%
                {job.etaSeconds !== null && job.status === "running"
                  ? ` · ${t("media.eta", { count: job.etaSeconds })}`
                  : ""}
              </Text>
            </>
          ) : null}
          {warnings.length > 0 ? (
            <Alert color="orange" title={t("media.renderNotes")} data-testid="render-warnings">
              <Stack gap={2}>
                {warnings.map((w) => (
                  <Text key={w} size="sm">
                    {w}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : null}
          {job.status === "failed" && job.error ? (
            <Text size="sm" c="red">
              {job.error}
            </Text>
          ) : null}
          {cancelError ? (
            <Text size="sm" c="red">
              {cancelError}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <Title order={5} mt="lg" mb="xs">
        {t("media.versions")}
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("media.noVersions")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="render-versions">
          {versions.map((v) => (
            <Card key={v.id} withBorder padding="xs" data-testid="render-version">
              <Card.Section>
                <Anchor href={v.videoUrl} target="_blank">
                  <Image src={v.thumbnailUrl} alt={t("media.cover")} h={160} fit="contain" bg="dark" />
                </Anchor>
              </Card.Section>
              <Group gap={6} mt={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t("media.version", { n: v.number })}
                </Text>
                {v.current ? null : (
                  <Badge
                    size="sm"
                    color="orange"
                    variant="light"
                    title={t("approvals.renderOutdatedHint")}
                    data-testid="render-outdated"
                  >
                    {t("approvals.renderOutdated")}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {formatDuration(v.durationSeconds, { secondsBelowMinute: true })} · {formatBytes(v.bytes)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.createdAt, timeZone)}
              </Text>
              <Group gap={4} mt={6} wrap="nowrap">
                <Button
                  component="a"
                  href={`${v.videoUrl}?download=1`}
                  size="compact-xs"
                  variant="light"
                  leftSection={<IconDownload size={12} />}
                >
                  {t("media.download")}
                </Button>
                {canRender ? (
                  <DeleteIntentButton
                    intent="render-delete"
                    fields={{ renderId: v.id }}
                    label={t("media.deleteVersion")}
                    confirmText={t("media.confirmDelete")}
                  />
                ) : null}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
