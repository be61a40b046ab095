import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useNavigate, useNavigation } from "@remix-run/react";
import { IconDownload } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../error-alert";
import { IntentForm } from "~/components/intent-form";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { DataTable } from "~/components/data-table";
import { useIdleRevalidate } from "~/components/use-idle-revalidate";
import { formatBytes, formatShortDateTime } from "~/lib/dates";

export interface BuildView {
  id: number;
  profile: string;
  pages: number;
  bytes: number;
  sha256: string;
  current: boolean;
  createdAt: string;
  downloadUrl: string;
}

export interface JobView {
  id: number;
  profile: string;
  status: string;
  progress: number;
  progressNote: string | null;
  error: string | null;
}

const ACTIVE = new Set(["queued", "running"]);

/** Follows running build jobs through GET /api/v1/jobs/{id} every second; reloads the page data when one ends. */
function useLiveJobs(jobs: JobView[]): JobView[] {
  const [live, setLive] = useState<Record<number, JobView>>({});
  const revalidate = useIdleRevalidate();
  const activeIds = jobs.filter((j) => ACTIVE.has(j.status)).map((j) => j.id);
  const key = activeIds.join(",");
  useEffect(() => {
    if (!key) return;
    let stopped = false;
    const ids = key.split(",").map(Number);
    const poll = async () => {
      const answers = await Promise.all(
        ids.map((id) =>
          fetch(`/api/v1/jobs/${id}`, { headers: { Accept: "application/json" } })
            .then((r) => (r.ok ? (r.json() as Promise<JobView>) : null))
            .catch(() => null),
        ),
      );
      if (stopped) return;
      setLive((prev) => ({
        ...prev,
        ...Object.fromEntries(answers.filter((a): a is JobView => a !== null).map((a) => [a.id, a])),
      }));
      if (answers.some((a) => a && !ACTIVE.has(a.status))) revalidate();
    };
    const timer = setInterval(poll, 1000);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return jobs.map((j) => (live[j.id] && ACTIVE.has(j.status) ? { ...j, ...live[j.id] } : j));
}

export function BuildPanel(props: {
  bookId: number;
  builds: BuildView[];
  jobs: JobView[];
  pages: { latest: number | null; target: number };
  canBuild: boolean;
  buildProblem: string | null;
  printBlockedReason: string | null;
  actionError?: string | null;
}) {
  const { t } = useTranslation();
  const timeZone = useStudioTimeZone();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const jobs = useLiveJobs(props.jobs);
  const [selected, setSelected] = useState<number[]>([]);
  const busy = (profile: string) =>
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "build" &&
    navigation.formData?.get("profile") === profile;
  const shownJobs = jobs.filter(
    (j, i) => ACTIVE.has(j.status) || (i === 0 && (j.status === "failed" || j.status === "cancelled")),
  );
  const statusLabel = (s: string) =>
    t(
      s === "queued"
        ? "ebooks.buildQueued"
        : s === "running"
          ? "ebooks.buildRunning"
          : s === "failed"
            ? "ebooks.buildFailed"
            : s === "cancelled"
              ? "ebooks.buildCancelled"
              : "ebooks.buildDone",
    );

  return (
    <Card withBorder data-testid="build-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("ebooks.builds")}</Title>
        <Text
          fw={700}
          size="lg"
          data-testid="pages-vs-target"
          c={props.pages.latest && props.pages.latest > props.pages.target ? "orange" : undefined}
        >
          {props.pages.latest
            ? t("ebooks.pagesOf", { pages: props.pages.latest, target: props.pages.target })
            : `${t("ebooks.noBuildYet")} / ${props.pages.target}`}
        </Text>
      </Group>
      {props.pages.latest ? (
        <Progress
          value={Math.min(100, (props.pages.latest / props.pages.target) * 100)}
          color={props.pages.latest > props.pages.target ? "orange" : "indigo"}
          size="sm"
          mb="sm"
        />
      ) : null}
      <ErrorAlert error={props.actionError} mb="sm" data-testid="build-error" />
      {props.canBuild ? (
        <Stack gap="xs" mb="sm">
          {props.buildProblem ? (
            <Alert color="orange" title={t("ebooks.buildBlocked")} data-testid="build-problem">
              {props.buildProblem}
            </Alert>
          ) : null}
          <IntentForm intent="build">
            <Group gap="xs">
              <Button
                type="submit"
                name="profile"
                value="screen"
                loading={busy("screen")}
                data-testid="build-screen"
              >
                {t("ebooks.buildScreen")}
              </Button>
              <Tooltip
                label={props.printBlockedReason ?? ""}
                disabled={!props.printBlockedReason}
                multiline
                w={280}
              >
                <Button
                  type="submit"
                  name="profile"
                  value="print"
                  variant="light"
                  loading={busy("print")}
                  data-testid="build-print"
                >
                  {t("ebooks.buildPrint")}
                </Button>
              </Tooltip>
            </Group>
          </IntentForm>
          {props.printBlockedReason ? (
            <Text size="xs" c="dimmed" data-testid="print-blocked">
              {t("ebooks.printBlocked")}：{props.printBlockedReason}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {shownJobs.map((job) => (
        <Stack key={job.id} gap={4} mb="sm" data-testid={`build-job-${job.id}`} data-status={job.status}>
          <Group justify="space-between">
            <Text size="sm">
              #{job.id} {t(`ebooks.profile_${job.profile}`)} · {statusLabel(job.status)}
              {job.progressNote && ACTIVE.has(job.status) ? ` · ${job.progressNote}` : ""}
            </Text>
            <Text size="sm" c="dimmed">
              {t("ebooks.progress", { percent: Math.round(job.progress * 100) })}
            </Text>
          </Group>
          {ACTIVE.has(job.status) ? <Progress value={job.progress * 100} animated striped /> : null}
          {job.error ? (
            <Text size="sm" c="red">
              {job.error}
            </Text>
          ) : null}
        </Stack>
      ))}
      {props.builds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("ebooks.noBuilds")}
        </Text>
      ) : (
        <>
          <DataTable
            minWidth={360}
            data-testid="builds-table"
            verticalSpacing={4}
            fz="sm"
            style={{ whiteSpace: "nowrap" }}
            columns={[
              "",
              t("ebooks.profile"),
              t("ebooks.pages"),
              t("ebooks.size"),
              t("ebooks.createdAt"),
              "",
            ]}
          >
            {props.builds.map((b) => (
              <Table.Tr key={b.id} data-testid={`build-row-${b.id}`}>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={`#${b.id}`}
                    checked={selected.includes(b.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((prev) =>
                        on
                          ? [...prev.filter((id) => id !== b.id), b.id].slice(-2)
                          : prev.filter((id) => id !== b.id),
                      );
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={b.profile === "print" ? "grape" : "blue"} span>
                    #{b.id} {t(`ebooks.profile_${b.profile}`)}
                  </Text>
                  {b.current ? null : (
                    <Text size="xs" c="dimmed">
                      {t("ebooks.outdated")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {b.pages} / {props.pages.target}
                </Table.Td>
                <Table.Td>{formatBytes(b.bytes)}</Table.Td>
                <Table.Td>{formatShortDateTime(b.createdAt, timeZone)}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={b.downloadUrl}
                    size="sm"
                    aria-label={`${t("ebooks.download")} #${b.id}`}
                    data-testid={`download-${b.id}`}
                  >
                    <IconDownload size={16} />
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Group mt="xs" justify="space-between">
            <Text size="xs" c="dimmed">
              {t("ebooks.compareHint")}
            </Text>
            <Button
              size="xs"
              variant="default"
              disabled={selected.length !== 2}
              onClick={() =>
                navigate(
                  `/ebooks/${props.bookId}/compare?a=${Math.min(...selected)}&b=${Math.max(...selected)}`,
                )
              }
              data-testid="compare-builds"
            >
              {t("ebooks.compare")}
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
