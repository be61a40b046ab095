import { ActionIcon, Alert, Badge, Box, Group, Paper, Slider, Stack, Switch, Text } from "@mantine/core";
import { useIsomorphicEffect } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TooltipIcon } from "~/components/tooltip-icon";
import { computePosition, formatClock } from "~/modules/livestream/show-position";
import type { ShowAction } from "~/modules/livestream/show-state";
import { CtaQrCode } from "./cta-qr-code";
import { advanceReadingPosition, initialReadingPosition } from "./reading-pace";
import { blockLabel, type ShowViewProps } from "./show-view-types";
import { StreamClosedNotice } from "./stream-closed-notice";
import { useBlocksFreshness } from "./use-blocks-freshness";
import { useShowClock } from "./use-show-clock";

export interface TeleprompterProps extends ShowViewProps {
  /** Lines the host reads while a red-envelope round runs; the UI strings have defaults. */
  redEnvelopeLines?: string[];
}

interface PrompterSettings {
  fontSize: number;
  lineHeight: number;
  mirrorH: boolean;
  mirrorV: boolean;
}

const SETTINGS_KEY = "livestream.teleprompter.settings";
const DEFAULT_SETTINGS: PrompterSettings = { fontSize: 56, lineHeight: 1.6, mirrorH: false, mirrorV: false };
const MIN_FONT = 24;
const MAX_FONT = 160;
/** The host's eyes rest a third of the way down, close to the camera lens. */
const READING_LINE = 0.3;

function usePrompterSettings() {
  const [settings, setSettings] = useState<PrompterSettings>(DEFAULT_SETTINGS);
  // Per device, not per user: the glass rig and the phone need different sizes.
  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(SETTINGS_KEY);
      if (saved) setSettings({ ...DEFAULT_SETTINGS, ...(JSON.parse(saved) as Partial<PrompterSettings>) });
    } catch {
      // Private mode or a corrupt value: the defaults are fine.
    }
  }, []);
  const update = useCallback((patch: Partial<PrompterSettings>) => {
    setSettings((prev) => {
      const next = { ...prev, ...patch };
      next.fontSize = Math.min(MAX_FONT, Math.max(MIN_FONT, next.fontSize));
      try {
        window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled; the setting still applies to this session.
      }
      return next;
    });
  }, []);
  return [settings, update] as const;
}

/** Keeps the tablet from dimming mid-show; the lock is dropped when the tab hides, so re-take it. */
function useWakeLock() {
  useEffect(() => {
    if (typeof navigator === "undefined" || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = () => {
      if (document.visibilityState !== "visible") return;
      navigator.wakeLock
        .request("screen")
        .then((l) => {
          if (disposed) void l.release();
          else lock = l;
        })
        .catch(() => {
          // Battery saver or no user gesture yet; the screen may dim, nothing else breaks.
        });
    };
    acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      disposed = true;
      document.removeEventListener("visibilitychange", acquire);
      void lock?.release();
    };
  }, []);
}

export function Teleprompter(props: TeleprompterProps) {
  const { blocks, onCommand } = props;
  const { t } = useTranslation();
  // The stream's URLs and first snapshot come as the screen's props.
  const clock = useShowClock(props);
  const [settings, updateSettings] = usePrompterSettings();
  const [fullscreen, setFullscreen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const markerRef = useRef<HTMLSpanElement>(null);
  useWakeLock();

  const state = clock.state;
  useBlocksFreshness(state, blocks.length, props.onBlocksStale);
  const position = state ? computePosition(state, blocks, clock.serverNow) : null;
  const block = position?.block ?? blocks[0] ?? null;
  const chars = Array.from(block?.text ?? "");

  // Reading point, advanced per frame at the pace the remaining time needs.
  const reading = useRef<{ key: string; pos: number; at: number } | null>(null);
  const key = `${state?.showId}:${position?.blockIndex}:${state?.blockStartedAt}`;
  if (position && state && (state.status === "running" || state.status === "paused")) {
    const prev = reading.current;
    if (!prev || prev.key !== key) {
      reading.current = {
        key,
        pos: initialReadingPosition(chars.length, position.elapsedMs, position.durationMs),
        at: clock.serverNow,
      };
    } else if (state.status === "running") {
      const dt = Math.max(0, clock.serverNow - prev.at);
      reading.current = {
        key,
        pos: advanceReadingPosition(prev.pos, chars.length, position.remainingMs, dt),
        at: clock.serverNow,
      };
    } else {
      reading.current = { ...prev, at: clock.serverNow };
    }
  } else {
    reading.current = null;
  }
  const readChars = Math.floor(reading.current?.pos ?? 0);

  // Interpolate inside the current line so the scroll glides instead of stepping line by line.
  useIsomorphicEffect(() => {
    const viewport = viewportRef.current;
    const scroller = scrollerRef.current;
    const marker = markerRef.current;
    if (!viewport || !scroller || !marker) return;
    const lineHeightPx = settings.fontSize * settings.lineHeight;
    const width = Math.max(1, scroller.clientWidth);
    const y = marker.offsetTop + (marker.offsetLeft / width) * lineHeightPx;
    scroller.style.transform = `translateY(${Math.round(viewport.clientHeight * READING_LINE - y)}px)`;
  });

  const send = useCallback(
    async (action: ShowAction) => {
      if (!onCommand) return;
      const result = await onCommand(action);
      if (result.ok) {
        if (result.state)
          clock.applySnapshot({ state: result.state, serverNow: result.serverNow ?? clock.serverNow });
      } else {
        setNotice(result.message);
      }
    },
    [onCommand, clock],
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const latest = useRef({ status: state?.status, send, updateSettings, fontSize: settings.fontSize });
  latest.current = { status: state?.status, send, updateSettings, fontSize: settings.fontSize };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)))
        return;
      const l = latest.current;
      if (event.key === "+" || event.key === "=") l.updateSettings({ fontSize: l.fontSize + 4 });
      else if (event.key === "-" || event.key === "_") l.updateSettings({ fontSize: l.fontSize - 4 });
      else if (event.key === " " || event.key === "ArrowLeft" || event.key === "ArrowRight") {
        // Driving the show is the producer's right; without onCommand these keys do nothing.
        if (!onCommand) return;
        event.preventDefault();
        if (event.key === "ArrowLeft") void l.send({ type: "previous" });
        else if (event.key === "ArrowRight") void l.send({ type: "next" });
        else if (l.status === "running") void l.send({ type: "pause" });
        else if (l.status === "paused") void l.send({ type: "resume" });
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCommand]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else
      void rootRef.current?.requestFullscreen?.().catch(() => setNotice(t("livestream.screen.fullscreen")));
  };

  const countdownColor = position?.overrun ? "#ff4d4f" : position?.warning ? "#faad14" : "#ffffff";
  const countdown = !position
    ? "--:--"
    : position.overrun
      ? `+${formatClock(position.overrunMs)}`
      : formatClock(position.remainingMs);
  const round = position?.redEnvelope.active ?? null;
  const lines = props.redEnvelopeLines?.length
    ? props.redEnvelopeLines
    : (t("livestream.screen.redEnvelopeLines", { returnObjects: true }) as string[]);
  const roundLine = round
    ? lines[Math.floor((round.totalMs - round.remainingMs) / 10_000) % lines.length]
    : null;
  const mirror = `scale(${settings.mirrorH ? -1 : 1}, ${settings.mirrorV ? -1 : 1})`;

  return (
    <Box
      ref={rootRef}
      data-testid="teleprompter"
      data-status={state?.status ?? "idle"}
      data-block-index={position?.blockIndex ?? 0}
      data-block-count={blocks.length}
      data-version={state?.version ?? 0}
      bg="black"
      c="white"
      style={{
        height: "100dvh",
        minHeight: 320,
        display: "flex",
        flexDirection: "column",
        overflow: "hidden",
      }}
    >
      {clock.closed ? (
        <Box bg="red.9" px="md" py={6} role="alert" data-testid="stream-closed-banner">
          <Text fw={700} size="sm">
            <StreamClosedNotice />
          </Text>
        </Box>
      ) : (
        clock.stale && (
          <Box bg="red.8" px="md" py={6} role="status" data-testid="stale-banner">
            <Text fw={700} size="sm">
              {t("livestream.screen.stale")}
            </Text>
          </Box>
        )
      )}
      <Group justify="space-between" align="center" px="md" py="xs" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0, flex: "1 1 240px" }}>
          <Group gap="xs">
            <Badge
              color={state?.status === "running" ? "green" : state?.status === "paused" ? "yellow" : "gray"}
              variant="filled"
            >
              {t(`livestream.liveStatuses.${state?.status ?? "idle"}`)}
            </Badge>
            {position?.overrun && (
              <Badge color="red" variant="filled">
                {t("livestream.screen.overrun")}
              </Badge>
            )}
          </Group>
          <Text
            fw={700}
            style={{ fontSize: "clamp(16px, 2.4vw, 28px)" }}
            lineClamp={1}
            data-testid="prompter-block"
          >
            {block ? blockLabel(block, t) : ""}
          </Text>
        </Stack>
        <Text
          suppressHydrationWarning
          fw={800}
          aria-live="off"
          data-testid="prompter-countdown"
          style={{
            fontSize: "clamp(48px, 11vw, 150px)",
            lineHeight: 1,
            color: countdownColor,
            fontVariantNumeric: "tabular-nums",
          }}
        >
          {countdown}
        </Text>
        <Group gap={6} wrap="wrap" justify="flex-end" style={{ flex: "1 1 200px" }}>
          <TooltipIcon
            size="lg"
            variant="default"
            label={t("livestream.screen.smaller")}
            onClick={() => updateSettings({ fontSize: settings.fontSize - 4 })}
          >
            A-
          </TooltipIcon>
          <TooltipIcon
            size="lg"
            variant="default"
            label={t("livestream.screen.bigger")}
            onClick={() => updateSettings({ fontSize: settings.fontSize + 4 })}
          >
            A+
          </TooltipIcon>
          <Box w={110} visibleFrom="sm">
            <Text size="xs">{t("livestream.screen.lineHeight")}</Text>
            <Slider
              min={1.1}
              max={2.4}
              step={0.1}
              value={settings.lineHeight}
              onChange={(v) => updateSettings({ lineHeight: v })}
              label={null}
            />
          </Box>
          {(["mirrorH", "mirrorV"] as const).map((mirror) => (
            <Switch
              key={mirror}
              size="sm"
              color="gray"
              label={t(`livestream.screen.${mirror}`)}
              checked={settings[mirror]}
              onChange={(e) => updateSettings({ [mirror]: e.currentTarget.checked })}
            />
          ))}
          <ActionIcon
            size="lg"
            variant="default"
            onClick={toggleFullscreen}
            aria-label={t(fullscreen ? "livestream.screen.exitFullscreen" : "livestream.screen.fullscreen")}
          >
            {fullscreen ? "⤡" : "⤢"}
          </ActionIcon>
        </Group>
      </Group>

      {round && (
        <Paper
          bg="red.9"
          c="yellow.2"
          mx="md"
          p="sm"
          radius="md"
          role="alert"
          data-testid="prompter-red-envelope"
        >
          <Group justify="space-between" wrap="wrap">
            <Text fw={800} style={{ fontSize: "clamp(20px, 3vw, 36px)" }}>
              {t("livestream.screen.redEnvelopeTitle", {
                n: round.n,
                max: state?.redEnvelope.maxRounds ?? 3,
              })}
            </Text>
            <Text
              suppressHydrationWarning
              fw={800}
              style={{ fontSize: "clamp(32px, 6vw, 72px)", fontVariantNumeric: "tabular-nums" }}
            >
              {formatClock(round.remainingMs)}
            </Text>
          </Group>
          <Text fw={700} style={{ fontSize: "clamp(20px, 3.4vw, 44px)" }}>
            {roundLine}
          </Text>
        </Paper>
      )}

      <Box ref={viewportRef} style={{ position: "relative", flex: 1, overflow: "hidden", transform: mirror }}>
        <Box
          ref={scrollerRef}
          data-testid="prompter-text"
          px={{ base: "md", sm: "xl" }}
          style={{
            position: "relative",
            fontSize: settings.fontSize,
            lineHeight: settings.lineHeight,
            fontWeight: 600,
            whiteSpace: "pre-wrap",
            wordBreak: "break-all",
            willChange: "transform",
          }}
        >
          {state?.status === "ended" ? (
            t("livestream.screen.ended")
          ) : chars.length === 0 ? (
            t("livestream.screen.emptyText")
          ) : (
            <>
              <span style={{ opacity: 0.4 }}>{chars.slice(0, readChars).join("")}</span>
              <span ref={markerRef} />
              <span>{chars.slice(readChars).join("")}</span>
            </>
          )}
        </Box>
        {/* The reading line: where the host's eyes should be. */}
        <Box
          style={{
            position: "absolute",
            left: 0,
            right: 0,
            top: `${READING_LINE * 100}%`,
            borderTop: "2px solid rgba(250,173,20,0.5)",
            pointerEvents: "none",
          }}
        />
        {block?.kind === "cta" && block.ctaUrl && (
          <Box style={{ position: "absolute", right: 16, bottom: 16 }}>
            <CtaQrCode url={block.ctaUrl} caption={t("livestream.screen.scanToJoin")} size={160} />
          </Box>
        )}
      </Box>

      <Box px="md" py="xs" bg="dark.8">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text c="gray.4" style={{ fontSize: "clamp(14px, 2vw, 22px)", minWidth: 0, flex: 1 }} lineClamp={2}>
            {position?.nextBlock
              ? t("livestream.screen.nextUp", {
                  label: `${blockLabel(position.nextBlock, t)} · ${position.nextBlock.text}`,
                })
              : t("livestream.screen.nextNone")}
          </Text>
          <Text c="gray.6" size="xs" visibleFrom="sm">
            {state?.status === "idle" ? `${t("livestream.screen.waiting")} · ` : ""}
            {t(onCommand ? "livestream.screen.keysHint" : "livestream.screen.keysHintLocal")}
          </Text>
        </Group>
      </Box>
      {notice && (
        <Alert
          color="red"
          variant="filled"
          style={{ position: "fixed", bottom: 16, left: 16, right: 16, zIndex: 10 }}
        >
          {notice}
        </Alert>
      )}
    </Box>
  );
}
