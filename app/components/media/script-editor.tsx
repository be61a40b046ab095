import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useFetcher } from "@remix-run/react";
import { IconArrowDown, IconArrowUp, IconLock, IconPlus, IconTrash } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ScanFeedback } from "~/components/compliance/compliance-textarea";
import { FindingsList } from "~/components/compliance/findings-list";
import {
  HighlightedTextarea,
  type HighlightedTextareaHandle,
} from "~/components/compliance/highlighted-textarea";
import { useComplianceScanParts } from "~/components/compliance/use-compliance-scan";
import { useActionReply, useTargetError } from "~/components/use-action-reply";
import type { Finding } from "~/modules/compliance/compliance-types";
import {
  checkScript,
  fittedSeconds,
  shortBySeconds,
  type EpisodeScriptLine,
  type ShortScriptFit,
} from "~/modules/media/episode-script";
import { SHORTEN_TAIL_SECONDS } from "~/modules/media/render-plan";

interface ScriptEditorProps {
  version: number;
  lines: EpisodeScriptLine[];
  column: { durationSeconds: number; outroLine: string; readingSpeedCps: number };
  readOnly: boolean;
  /** What a script shorter than the column does (saved with the episode). */
  shortScriptFit: ShortScriptFit;
  /** The episode is approved or scheduled: changing the choice sends it back for review. */
  approved?: boolean;
}

const emptyLine = (): EpisodeScriptLine => ({ voiceover: "", caption: "", shotNote: "", seconds: 3 });

/** A gap this long before the outro is seen and heard (a frame or two of slack is not). */
const SHORT_SCRIPT_WARN_SECONDS = 1;

/** Ordered script lines with the running total and reading speed recomputed on every keystroke. */
export function ScriptEditor({
  version,
  lines: initial,
  column,
  readOnly,
  shortScriptFit,
  approved = false,
}: ScriptEditorProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const saved = useActionReply({ fetcher });
  // A refused 提交审核 names the lines at fault (`lines.<i>`): each says it under itself.
  const submitted = useTargetError("submit");
  const submitReply = useActionReply({ intent: "submit" }).reply;
  const fitFetcher = useFetcher();
  const fitReply = useTargetError("script-fit", fitFetcher);
  const pendingFit = fitFetcher.formData?.get("fit");
  const fit: ShortScriptFit = pendingFit === "pad" || pendingFit === "shorten" ? pendingFit : shortScriptFit;
  const [lines, setScriptLines] = useState<EpisodeScriptLine[]>(initial);
  // The refusal's line numbers describe the script as it was submitted: once it is edited they
  // may point at other lines, so the lines stop saying it (the button still does).
  const [editedAfter, setEditedAfter] = useState<unknown>(null);
  const setLines: typeof setScriptLines = (next) => {
    setEditedAfter(submitReply);
    setScriptLines(next);
  };
  const atLine = (name: string) =>
    submitReply && submitReply === editedAfter ? undefined : submitted.at(name);
  const check = checkScript(lines, column);
  const update = (i: number, patch: Partial<EpisodeScriptLine>) =>
    setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const move = (i: number, d: -1 | 1) =>
    setLines((ls) => {
      const next = [...ls];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });
  const over = check.overrunSeconds > 0;
  const shortBy = shortBySeconds(check);
  const fieldError = (i: number, field: string) =>
    saved.fieldError(`lines.${i}.${field}`) ?? atLine(`lines.${i}.${field}`);
  // One scan over every line's voice-over and caption; each field gets its own findings back.
  const scan = useComplianceScanParts(lines.flatMap((l) => [l.voiceover, l.caption]));
  const fields = useRef(new Map<string, HighlightedTextareaHandle>());
  const fieldRef = (key: string) => (handle: HighlightedTextareaHandle | null) => {
    if (handle) fields.current.set(key, handle);
    else fields.current.delete(key);
  };
  const findingCount = scan.findingsByPart.reduce((n, list) => n + list.length, 0);

  return (
    <Card withBorder data-scan-status={scan.status} data-testid="script-editor">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("media.script")}</Title>
        <Badge color={over ? "red" : "teal"} variant="light" data-testid="script-total">
          {check.totalSeconds} / {check.durationSeconds} {t("media.seconds")}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {readOnly ? t("media.readOnlyScript") : t("media.scriptHint")}
      </Text>
      <Progress
        value={Math.min(100, (check.totalSeconds / check.durationSeconds) * 100)}
        color={over ? "red" : "teal"}
        mb={4}
        aria-label="total"
      />
      <Text size="sm" c={over ? "red" : "dimmed"} mb="md" data-testid="script-total-label">
        {t("media.totalLabel", {
          intro: check.introSeconds,
          lines: check.linesSeconds,
          outro: check.outroSeconds,
          total: check.totalSeconds,
          duration: check.durationSeconds,
        })}{" "}
        ·{" "}
        {over
          ? t("media.overrun", { count: check.overrunSeconds })
          : t("media.remaining", { count: shortBy })}
      </Text>
      {/* Footage past the last line plays silent and uncaptioned before the outro: say so while it can be fixed. */}
      {!over && shortBy >= SHORT_SCRIPT_WARN_SECONDS ? (
        <Alert color="yellow" variant="light" mb="sm" data-testid="script-short" data-fit={fit}>
          <Text size="sm">{t("media.shortScript", { count: shortBy })}</Text>
          <Group gap="sm" mt="xs" wrap="wrap" align="center">
            <Text size="sm" fw={600}>
              {t("media.fit.label")}
            </Text>
            <SegmentedControl
              size="xs"
              color="orange"
              value={fit}
              disabled={readOnly}
              onChange={(value) =>
                fitFetcher.submit({ intent: "script-fit", fit: value }, { method: "post" })
              }
              data={[
                { value: "pad", label: t("media.fit.pad") },
                { value: "shorten", label: t("media.fit.shorten") },
              ]}
              aria-label={t("media.fit.label")}
              data-testid="script-fit"
            />
          </Group>
          <Text size="xs" c="dimmed" mt={4} data-testid="script-fit-hint">
            {fit === "pad"
              ? t("media.fit.padHint", { duration: check.durationSeconds, count: shortBy })
              : t("media.fit.shortenHint", {
                  tail: SHORTEN_TAIL_SECONDS,
                  seconds: fittedSeconds(check, "shorten"),
                  count: Math.round((check.durationSeconds - fittedSeconds(check, "shorten")) * 10) / 10,
                })}
          </Text>
          {approved && !readOnly ? (
            <Text size="xs" c="orange" mt={2}>
              {t("media.fit.approvedHint")}
            </Text>
          ) : null}
          {fitReply.error ? (
            <Text size="xs" c="red" mt={2} role="alert" data-testid="script-fit-error">
              {fitReply.at("fit") ?? fitReply.error}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <ScanFeedback status={scan.status} findings={[]} showClean={findingCount === 0} />
      <Stack gap="sm" mt="xs">
        {lines.map((line, i) => {
          const lc = check.lines[i];
          const voiceoverFindings = scan.findingsByPart[2 * i] ?? [];
          const captionFindings = scan.findingsByPart[2 * i + 1] ?? [];
          const inCaption = (f: Finding) => captionFindings.includes(f);
          const lineError = atLine(`lines.${i}`);
          return (
            <Card
              key={i}
              withBorder
              padding="sm"
              data-testid="script-line"
              data-invalid={lineError ? "true" : undefined}
              style={lineError ? { borderColor: "var(--mantine-color-red-6)" } : undefined}
            >
              <Group justify="space-between" mb={6} wrap="nowrap">
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {t("media.lineN", { n: i + 1 })}
                  </Text>
                  <Badge
                    size="sm"
                    variant="light"
                    color={lc.tooFast ? "red" : "gray"}
                    data-testid="line-speed"
                  >
                    {t("media.speed", { cps: Number.isFinite(lc.cps) ? lc.cps.toFixed(1) : "∞" })}
                  </Badge>
                  {lc.tooFast ? (
                    <Text size="xs" c="red">
                      {t("media.tooFast", { max: column.readingSpeedCps })}
                    </Text>
                  ) : null}
                </Group>
                {!readOnly ? (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t("media.moveUp")}>
                      <ActionIcon
                        variant="subtle"
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t("media.moveUp")}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("media.moveDown")}>
                      <ActionIcon
                        variant="subtle"
                        disabled={i === lines.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t("media.moveDown")}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("media.removeLine")}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
                        aria-label={t("media.removeLine")}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : null}
              </Group>
              <Group align="start" gap="sm" wrap="wrap">
                <HighlightedTextarea
                  ref={fieldRef(`${i}.voiceover`)}
                  highlights={voiceoverFindings}
                  style={{ flex: "3 1 260px" }}
                  label={t("media.voiceover")}
                  value={line.voiceover}
                  onChange={(e) => update(i, { voiceover: e.currentTarget.value })}
                  autosize
                  minRows={1}
                  maxLength={200}
                  readOnly={readOnly}
                  error={fieldError(i, "voiceover")}
                  data-testid="line-voiceover"
                />
                <NumberInput
                  style={{ flex: "0 0 96px" }}
                  label={t("media.seconds")}
                  value={line.seconds}
                  onChange={(v) => update(i, { seconds: typeof v === "number" ? v : Number(v) || 0 })}
                  min={0.5}
                  max={60}
                  step={0.5}
                  decimalScale={1}
                  readOnly={readOnly}
                  error={fieldError(i, "seconds")}
                  data-testid="line-seconds"
                />
              </Group>
              <Group align="start" gap="sm" wrap="wrap" mt={4}>
                <HighlightedTextarea
                  ref={fieldRef(`${i}.caption`)}
                  highlights={captionFindings}
                  singleLine
                  autosize
                  minRows={1}
                  style={{ flex: "1 1 200px" }}
                  label={t("media.caption")}
                  placeholder={t("media.captionPlaceholder")}
                  value={line.caption}
                  onChange={(e) => update(i, { caption: e.currentTarget.value })}
                  maxLength={60}
                  readOnly={readOnly}
                  error={fieldError(i, "caption")}
                  data-testid="line-caption"
                />
                <TextInput
                  style={{ flex: "1 1 200px" }}
                  label={t("media.shotNote")}
                  value={line.shotNote}
                  onChange={(e) => update(i, { shotNote: e.currentTarget.value })}
                  maxLength={200}
                  readOnly={readOnly}
                  error={fieldError(i, "shotNote")}
                />
              </Group>
              {lineError ? (
                <Text size="sm" c="red" mt={6} role="alert" data-testid="line-error">
                  {lineError}
                </Text>
              ) : null}
              {voiceoverFindings.length + captionFindings.length > 0 ? (
                <Box mt="xs">
                  <FindingsList
                    findings={[...voiceoverFindings, ...captionFindings]}
                    locate={(f) => t(inCaption(f) ? "media.caption" : "media.voiceover")}
                    onSelect={(f) =>
                      fields.current
                        .get(`${i}.${inCaption(f) ? "caption" : "voiceover"}`)
                        ?.select(f.start, f.end)
                    }
                  />
                </Box>
              ) : null}
            </Card>
          );
        })}
        <Card withBorder padding="sm" bg="var(--mantine-color-gray-light)" data-testid="outro-line">
          <Group gap={6} mb={4}>
            <IconLock size={14} />
            <Text size="sm" fw={600}>
              {t("media.outroLocked")}
            </Text>
            <Badge size="sm" variant="light" color={check.outro.tooFast ? "red" : "gray"}>
              {check.outroSeconds} {t("media.seconds")} ·{" "}
              {t("media.speed", { cps: check.outro.cps.toFixed(1) })}
            </Badge>
          </Group>
          <Text size="sm">{column.outroLine}</Text>
        </Card>
      </Stack>
      {saved.error ? (
        <Alert color="red" mt="sm" data-testid="script-error">
          {saved.error}
        </Alert>
      ) : null}
      {fetcher.state === "idle" && saved.notice ? (
        <Alert color="green" mt="sm" data-testid="script-saved">
          {saved.notice}
        </Alert>
      ) : null}
      {!readOnly ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="save-script" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="lines" value={JSON.stringify(lines)} />
          <Group mt="md" justify="space-between">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setLines((ls) => [...ls, emptyLine()])}
              data-testid="add-line"
            >
              {t("media.addLine")}
            </Button>
            <Button type="submit" loading={fetcher.state !== "idle"} data-testid="save-script">
              {t("media.saveScript")}
            </Button>
          </Group>
        </fetcher.Form>
      ) : null}
    </Card>
  );
}
