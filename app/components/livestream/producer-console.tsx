import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NumberInput,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  type ButtonProps,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { memo, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHead } from "~/components/data-table";
import { formatNumber } from "~/lib/dates";
import { ADJUST_STEP_MS } from "~/modules/livestream/livestream-rules";
import type { RunOfShowBlock } from "~/modules/livestream/run-of-show";
import { computePosition, formatClock } from "~/modules/livestream/show-position";
import { blockOffsetMs, type ShowAction, type ShowState } from "~/modules/livestream/show-state";
import { CtaQrCode } from "./cta-qr-code";
import { blockLabel, type ShowViewProps } from "./show-view-types";
import { StreamClosedNotice } from "./stream-closed-notice";
import { useBlocksFreshness } from "./use-blocks-freshness";
import { useShowClock } from "./use-show-clock";

export type ProducerConsoleProps = ShowViewProps & {
  /** The script's workflow status; a show goes live only from an approved script. */
  scriptStatus?: string;
  /** Editors and admins may go live from a script that is not approved, with a reason. */
  canOverride?: boolean;
  /** False for an editor, who opens the console only to take the show live with a reason. */
  canDrive?: boolean;
};

const APPROVED_SCRIPT = ["approved", "scheduled", "published"];

/**
 * Ending cannot be undone, so it asks first, and it sits apart from the timing keys (+30 秒) that a
 * producer presses often, not next to them.
 */
function EndShowKey({ disabled, onEnd }: { disabled: boolean; onEnd: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        color="red"
        variant="outline"
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="console-end"
      >
        {t("livestream.screen.end")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("approvals.endTitle")} centered>
        <Text size="sm">{t("approvals.endBody")}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)} data-testid="console-end-cancel">
            {t("approvals.cancel")}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setOpen(false);
              onEnd();
            }}
            data-testid="console-end-confirm"
          >
            {t("approvals.endConfirm")}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** Going live from a script that is not approved: a written reason, audited with the start. */
function OverrideStartKey({ disabled, onStart }: { disabled: boolean; onStart: (reason: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <>
      <Button
        color="orange"
        variant="light"
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="console-override"
      >
        {t("approvals.overrideOpen")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("approvals.overrideTitle")} centered>
        <Textarea
          label={t("approvals.overrideReason")}
          description={t("approvals.overrideReasonHint")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
          data-testid="console-override-reason"
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t("approvals.cancel")}
          </Button>
          <Button
            color="orange"
            onClick={() => {
              setOpen(false);
              onStart(reason);
            }}
            data-testid="console-override-submit"
          >
            {t("approvals.overrideSubmit")}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

interface RunListProps {
  blocks: RunOfShowBlock[];
  currentIndex: number;
  offsets: ShowState["blockOffsetsMs"];
  canJump: boolean;
  busy: boolean;
  onJump: (blockIndex: number) => void;
  t: TFunction;
}

/** Memoised: the console re-renders for its clock, the list only when the show moves. */
const RunList = memo(function RunList({
  blocks,
  currentIndex,
  offsets,
  canJump,
  busy,
  onJump,
  t,
}: RunListProps) {
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="sm" data-testid="run-list">
      <TableHead
        columns={[
          "#",
          t("livestream.screen.runOfShow"),
          { label: t("livestream.screen.planned"), ta: "right" },
          "",
        ]}
      />
      <Table.Tbody>
        {blocks.map((block, i) => {
          const offset = (offsets[String(i)] ?? 0) / 1000;
          const current = i === currentIndex;
          return (
            <Table.Tr
              key={block.id}
              bg={current ? "blue.1" : undefined}
              aria-current={current ? "step" : undefined}
            >
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={current ? 700 : 400} lineClamp={1}>
                  {blockLabel(block, t)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatClock(block.plannedSeconds * 1000)}
                {offset !== 0 && (
                  <Text span size="xs" c={offset > 0 ? "orange" : "teal"}>
                    {" "}
                    {offset > 0 ? "+" : ""}
                    {offset}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {current ? (
                  <Badge size="sm">{t("livestream.screen.current")}</Badge>
                ) : (
                  canJump && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={busy}
                      onClick={() => onJump(i)}
                      data-testid={`jump-${i}`}
                    >
                      {t("livestream.screen.jump")}
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
});

export function ProducerConsole(props: ProducerConsoleProps) {
  const { blocks, onCommand } = props;
  const { t } = useTranslation();
  // The stream's URLs and first snapshot come as the screen's props.
  const clock = useShowClock({ ...props, frameIntervalMs: 100 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [online, setOnline] = useState<number | string>("");
  const { applySnapshot } = clock;
  // Read at reply time; a dependency on it would rebuild the callbacks every frame.
  const serverNowRef = useRef(clock.serverNow);
  serverNowRef.current = clock.serverNow;

  const send = useCallback(
    async (action: ShowAction) => {
      if (!onCommand) return;
      setBusy(true);
      try {
        const result = await onCommand(action);
        if (result.ok) {
          setError(null);
          if (result.state)
            applySnapshot({ state: result.state, serverNow: result.serverNow ?? serverNowRef.current });
          if (action.type === "setOnline") setOnline("");
        } else {
          setError(result.message);
        }
      } catch {
        setError(t("livestream.screen.commandFailed"));
      } finally {
        setBusy(false);
      }
    },
    [onCommand, applySnapshot, t],
  );
  const jump = useCallback((blockIndex: number) => void send({ type: "jump", blockIndex }), [send]);

  const state = clock.state;
  useBlocksFreshness(state, blocks.length, props.onBlocksStale);
  if (!state) {
    return (
      <Alert color="gray" data-testid="producer-console">
        {t("livestream.screen.waiting")}
      </Alert>
    );
  }
  const position = computePosition(state, blocks, clock.serverNow);
  const live = state.status === "running" || state.status === "paused";
  const re = state.redEnvelope;
  const ready = Boolean(onCommand) && !busy;
  const canDrive = ready && props.canDrive !== false;
  const offsetSeconds = blockOffsetMs(state, position.blockIndex) / 1000;
  const countdownColor = position.overrun ? "red" : position.warning ? "orange" : undefined;
  // One key of the console: it sends one command; `disabled` adds to "this person may not drive now".
  const commandKey = (action: ShowAction, label: string, testId: string, props: ButtonProps = {}) => (
    <Button
      {...props}
      disabled={!canDrive || props.disabled}
      onClick={() => void send(action)}
      data-testid={testId}
    >
      {t(label)}
    </Button>
  );
  const ended = state.status === "ended";
  const scriptApproved = !props.scriptStatus || APPROVED_SCRIPT.includes(props.scriptStatus);

  return (
    <Stack
      gap="md"
      data-testid="producer-console"
      data-status={state.status}
      data-block-index={position.blockIndex}
      data-version={state.version}
    >
      {clock.closed ? (
        <Alert color="red" variant="filled" role="alert" data-testid="stream-closed-banner">
          <StreamClosedNotice />
        </Alert>
      ) : (
        clock.stale && (
          <Alert color="red" variant="filled" role="status" data-testid="stale-banner">
            {t("livestream.screen.stale")}
          </Alert>
        )
      )}
      {error && (
        <Alert
          color="red"
          title={t("livestream.screen.commandFailed")}
          withCloseButton
          onClose={() => setError(null)}
          data-testid="console-error"
        >
          {error}
        </Alert>
      )}
      {state.status === "idle" && !scriptApproved && (
        <Alert color="orange" title={t("approvals.notApprovedTitle")} data-testid="console-not-approved">
          {t("approvals.notApprovedBody")}
        </Alert>
      )}
      {props.canDrive === false && (
        <Alert color="blue" data-testid="console-watch-only">
          {t("approvals.consoleWatchOnly")}
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Badge
                    color={
                      state.status === "running" ? "green" : state.status === "paused" ? "yellow" : "gray"
                    }
                  >
                    {t(`livestream.liveStatuses.${state.status}`)}
                  </Badge>
                  <Title order={3} lineClamp={2} data-testid="console-block">
                    {position.block ? blockLabel(position.block, t) : ""}
                  </Title>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {position.nextBlock
                      ? t("livestream.screen.nextUp", { label: blockLabel(position.nextBlock, t) })
                      : t("livestream.screen.nextNone")}
                  </Text>
                  {offsetSeconds !== 0 && (
                    <Text size="xs" c="orange">
                      {t("livestream.screen.adjusted", {
                        delta: `${offsetSeconds > 0 ? "+" : ""}${offsetSeconds}`,
                      })}
                    </Text>
                  )}
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text
                    suppressHydrationWarning
                    fw={800}
                    fz={56}
                    lh={1}
                    c={countdownColor}
                    data-testid="console-countdown"
                    style={{ fontVariantNumeric: "tabular-nums" }}
                  >
                    {position.overrun
                      ? `+${formatClock(position.overrunMs)}`
                      : formatClock(position.remainingMs)}
                  </Text>
                  <Text suppressHydrationWarning size="sm" c="dimmed">
                    {t("livestream.screen.showRemaining")} {formatClock(position.showRemainingMs)}
                  </Text>
                </Stack>
              </Group>
              <Progress
                mt="sm"
                color={countdownColor ?? "blue"}
                value={
                  position.durationMs > 0
                    ? Math.min(100, (position.elapsedMs / position.durationMs) * 100)
                    : 100
                }
              />
              <Group mt="md" gap="xs" wrap="wrap">
                {state.status === "idle" &&
                  commandKey({ type: "start" }, "livestream.screen.start", "console-start", {
                    color: "green",
                  })}
                {state.status === "idle" && !scriptApproved && props.canOverride && (
                  <OverrideStartKey
                    disabled={!ready}
                    onStart={(overrideReason) => void send({ type: "start", overrideReason })}
                  />
                )}
                {state.status === "running" &&
                  commandKey({ type: "pause" }, "livestream.screen.pause", "console-pause", {
                    color: "yellow",
                  })}
                {state.status === "paused" &&
                  commandKey({ type: "resume" }, "livestream.screen.resume", "console-resume", {
                    color: "green",
                  })}
                {commandKey({ type: "previous" }, "livestream.screen.previous", "console-previous", {
                  variant: "default",
                  disabled: !live || position.blockIndex === 0,
                })}
                {commandKey({ type: "next" }, "livestream.screen.next", "console-next", {
                  disabled: !live || !position.nextBlock,
                })}
                {commandKey(
                  { type: "adjust", deltaMs: -ADJUST_STEP_MS },
                  "livestream.screen.removeTime",
                  "console-minus30",
                  { variant: "default", disabled: ended },
                )}
                {commandKey(
                  { type: "adjust", deltaMs: ADJUST_STEP_MS },
                  "livestream.screen.addTime",
                  "console-plus30",
                  { variant: "default", disabled: ended },
                )}
              </Group>
              {live && (
                <Group
                  justify="flex-end"
                  mt="lg"
                  pt="sm"
                  style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
                >
                  <EndShowKey disabled={!canDrive} onEnd={() => void send({ type: "end" })} />
                </Group>
              )}
            </Card>

            <Card withBorder padding="md">
              <Group align="flex-end" wrap="wrap" gap="md">
                <NumberInput
                  label={t("livestream.screen.online")}
                  value={online}
                  onChange={setOnline}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  placeholder={formatNumber(state.onlineCount)}
                  w={180}
                  data-testid="console-online-input"
                />
                <Button
                  disabled={!canDrive || online === ""}
                  onClick={() =>
                    void send({
                      type: "setOnline",
                      count: typeof online === "number" ? online : Number(online),
                    })
                  }
                  data-testid="console-online-submit"
                >
                  {t("livestream.screen.updateOnline")}
                </Button>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t("livestream.screen.peak")}
                  </Text>
                  <Text fw={700} fz="xl" data-testid="console-peak">
                    {formatNumber(state.peakOnline)}
                  </Text>
                </Stack>
                <Text size="sm" c="dimmed">
                  {t("livestream.screen.roundsLeft", { count: position.redEnvelope.roundsLeft })}
                </Text>
              </Group>
            </Card>

            {position.redEnvelope.active ? (
              <Card
                withBorder
                padding="md"
                bg="red.0"
                role="status"
                data-testid="console-red-envelope-active"
              >
                <Group justify="space-between">
                  <Text fw={700} c="red.8">
                    {t("livestream.screen.redEnvelopeTitle", {
                      n: position.redEnvelope.active.n,
                      max: re.maxRounds,
                    })}{" "}
                    · {t("livestream.screen.redEnvelopeRunning")}
                  </Text>
                  <Text
                    suppressHydrationWarning
                    fw={800}
                    fz={32}
                    c="red.8"
                    style={{ fontVariantNumeric: "tabular-nums" }}
                  >
                    {formatClock(position.redEnvelope.active.remainingMs)}
                  </Text>
                </Group>
                <Progress
                  mt="xs"
                  color="red"
                  value={
                    (position.redEnvelope.active.remainingMs / position.redEnvelope.active.totalMs) * 100
                  }
                />
              </Card>
            ) : (
              !ended &&
              state.peakOnline >= re.threshold &&
              re.roundsFired < re.maxRounds && (
                <Card withBorder padding="md" bg="red.0" data-testid="console-red-envelope">
                  <Group justify="space-between" wrap="wrap">
                    <Text fw={700} c="red.8">
                      {t("livestream.screen.redEnvelopeArmed", { threshold: re.threshold })}
                    </Text>
                    <Button
                      color="red"
                      disabled={!canDrive || !position.redEnvelope.armed}
                      onClick={() => void send({ type: "fireRedEnvelope" })}
                      data-testid="console-fire"
                    >
                      {t("livestream.screen.fireRound", { n: re.roundsFired + 1, max: re.maxRounds })}
                    </Button>
                  </Group>
                </Card>
              )
            )}

            {position.block?.kind === "cta" && position.block.ctaUrl && (
              <Group>
                <CtaQrCode
                  url={position.block.ctaUrl}
                  caption={t("livestream.screen.scanToJoin")}
                  size={140}
                />
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding={0}>
            <Box px="md" py="xs">
              <Title order={4}>{t("livestream.screen.runOfShow")}</Title>
            </Box>
            <ScrollArea h={560}>
              <RunList
                blocks={blocks}
                currentIndex={position.blockIndex}
                offsets={state.blockOffsetsMs}
                canJump={Boolean(onCommand) && live}
                busy={busy}
                onJump={jump}
                t={t}
              />
            </ScrollArea>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
