import { Card, Grid, Group, Loader, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { IconSettings } from "@tabler/icons-react";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { IconLink } from "~/components/icon-link";
import { BacklogList } from "~/components/calendar/backlog-list";
import type {
  BoardMarker,
  CalendarViewName,
  PieceDrop,
  SlotDrop,
} from "~/components/calendar/calendar-board";
import { CalendarFilters } from "~/components/calendar/calendar-filters";
import { addDays, visibleDays } from "~/components/calendar/calendar-time";
import calendarCss from "~/components/calendar/calendar.css";
import { CampaignBanner } from "~/components/calendar/campaign-banner";
import { CreateSlotModal, type SlotDraft } from "~/components/calendar/create-slot-modal";
import { GapsPanel } from "~/components/calendar/gaps-panel";
import { MixPanel } from "~/components/calendar/mix-panel";
import { NoticeProvider, useNotify } from "~/components/calendar/notices";
import { SlotDrawer } from "~/components/calendar/slot-drawer";
import { CalendarLegend } from "~/components/calendar/status-marks";
import { useHydrated } from "~/components/calendar/use-hydrated";
import { RouteError } from "~/components/route-error";
import { useStudioTimeZone } from "~/components/studio-time-zone";
import { pageTitleMeta } from "~/lib/page-meta";
import { isActionReply } from "~/lib/action-reply";
import { requireActor } from "~/lib/auth.server";
import { formatDateTime, formatInstant, isCalendarDate, toWallClockInput } from "~/lib/dates";
import { fieldErrors } from "~/lib/forms.server";
import { getStudio } from "~/lib/studio.server";
import { can } from "~/modules/auth/permissions";
import { MOVABLE_SLOT_STATUSES, type BacklogPieceDto, type GapDto } from "~/modules/calendar/calendar-types";
import { getCalendar } from "~/modules/calendar/get-calendar.server";
import { calendarQuerySchema } from "~/modules/calendar/schemas";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { listPieceOptions } from "~/modules/pieces/list-piece-options.server";

// FullCalendar measures the DOM and injects its stylesheet: it is loaded in the browser only.
const CalendarBoard = lazy(() => import("~/components/calendar/calendar-board"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];
export const meta = pageTitleMeta("calendar.title");

const VIEWS = ["month", "week", "list"] as const;

function isView(value: string | null): value is CalendarViewName {
  return (VIEWS as readonly string[]).includes(value ?? "");
}

/**
 * One read of the visible range: the URL names the view and a day (`?view=week&date=2026-12-14`)
 * and the filters (`channel`, `columnId`, `campaignId`, `ownerId`), so a link shows the same
 * calendar to whoever opens it. Without a view the page picks month (wide) or list (a phone) in
 * the browser; the data of the month covers both.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "calendar.read");
  const { db, config, now } = getStudio();
  const timeZone = config.timeZone;
  const params = new URL(request.url).searchParams;
  const viewParam = params.get("view");
  const view = isView(viewParam) ? viewParam : null;
  const today = toWallClockInput(now(), timeZone, "date");
  const dateParam = params.get("date") ?? "";
  const day = isCalendarDate(dateParam) ? dateParam : today;
  const days = visibleDays(view ?? "month", day);
  const query = calendarQuerySchema(timeZone).safeParse({
    from: days.from,
    to: days.to,
    channel: params.get("channel") ?? undefined,
    columnId: params.get("columnId") ?? undefined,
    campaignId: params.get("campaignId") ?? undefined,
    ownerId: params.get("ownerId") ?? undefined,
  });
  if (!query.success) {
    const [field, message] = Object.entries(fieldErrors(query.error))[0] ?? ["", ""];
    throw json({ message: `${field}: ${message}` }, { status: 400 });
  }
  const { from, to, channel, columnId, campaignId, ownerId } = query.data;
  const calendar = getCalendar({
    db,
    dataKey: config.dataKey,
    now: now(),
    timeZone,
    from,
    to,
    filters: { channelKeys: channel, columnId, campaignId, ownerId },
    publicBase: resolvePublicBase(request.url),
  });
  return {
    ...calendar,
    view,
    day,
    today,
    anchor: days.anchor,
    options: listPieceOptions({ db }),
    user: {
      id: actor.id,
      roles: actor.roles,
      canSchedule: can(actor.roles, "calendar.schedule"),
      canResend: can(actor.roles, "publishing.resend"),
      canManageChannels: can(actor.roles, "channels.manage"),
    },
  };
}

export default function CalendarPage() {
  return (
    <NoticeProvider>
      <CalendarScreen />
    </NoticeProvider>
  );
}

function CalendarScreen() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const timeZone = useStudioTimeZone();
  const hydrated = useHydrated();
  const notify = useNotify();
  const revalidator = useRevalidator();
  const [params, setParams] = useSearchParams();
  const markerLabels = useMemo(
    () => ({
      gap: (count: number) => t("calendar.gaps.markerGap", { count }),
      gapShort: (count: number) => t("calendar.gaps.gap", { missing: count }),
      excess: (count: number) => t("calendar.gaps.markerExcess", { count }),
      excessShort: (count: number) => t("calendar.gaps.excess", { extra: count }),
    }),
    [t],
  );
  // Undefined until the browser has measured the screen; the board waits for it.
  const narrow = useMediaQuery("(max-width: 48em)", undefined, { getInitialValueInEffect: true });
  const [backlogEl, setBacklogEl] = useState<HTMLDivElement | null>(null);
  // Side panels: open beside the calendar on a wide screen, folded above it on a phone.
  const [folds, setFolds] = useState<Record<string, boolean>>({});
  const isOpen = (panel: string) => folds[panel] ?? narrow === false;
  const toggle = (panel: string) => setFolds({ ...folds, [panel]: !isOpen(panel) });
  const [draft, setDraft] = useState<SlotDraft | null>(null);
  const [openSlotId, setOpenSlotId] = useState<number | null>(null);

  const view: CalendarViewName = data.view ?? (narrow ? "list" : "month");
  const date = data.view ? data.anchor : narrow ? data.day : data.anchor;
  const slotsById = useMemo(() => new Map(data.slots.map((slot) => [slot.id, slot])), [data.slots]);
  const piecesById = useMemo(() => {
    const pieces = new Map<number, BacklogPieceDto>(data.unscheduled.map((p) => [p.id, p]));
    for (const gap of data.gaps) for (const p of gap.suggestions) pieces.set(p.id, p);
    return pieces;
  }, [data.unscheduled, data.gaps]);

  const boardSlots = useMemo(
    () =>
      data.slots.map((slot) => ({
        id: slot.id,
        publishAt: slot.publishAt,
        title: slot.pieceTitle,
        channelName: slot.channelName,
        color: slot.channelColor,
        status: slot.status,
        statusLabel: t(`calendar.slotStatuses.${slot.status}`),
        editable: data.user.canSchedule && MOVABLE_SLOT_STATUSES.includes(slot.status),
        flag: slot.complianceFlag
          ? { kind: slot.complianceFlag, label: t(`review.calendarFlags.${slot.complianceFlag}`) }
          : null,
      })),
    [data.slots, data.user.canSchedule, t],
  );

  // Day and week periods are drawn behind their cells; a month-long marker would cover the grid,
  // so month rules are listed beside the calendar only.
  const markers = useMemo<BoardMarker[]>(() => {
    const grouped = new Map<string, BoardMarker>();
    for (const gap of data.gaps) {
      if (gap.period === "month") continue;
      const id = `${gap.kind}:${gap.periodStart}:${gap.periodEnd}`;
      const seen = grouped.get(id);
      if (seen) seen.count += 1;
      else
        grouped.set(id, {
          id,
          period: gap.period,
          start: gap.periodStart,
          end: gap.periodEnd,
          kind: gap.kind,
          label: "",
          count: 1,
        });
    }
    return [...grouped.values()].map((marker) => ({
      ...marker,
      label: t(marker.kind === "gap" ? "calendar.gaps.markerGap" : "calendar.gaps.markerExcess", {
        count: marker.count,
      }),
    }));
  }, [data.gaps, t]);

  const onRangeChange = useCallback(
    (nextView: CalendarViewName, nextDate: string) => {
      if (nextView === data.view && nextDate === data.anchor) return;
      if (!data.view && nextView === view && nextDate === visibleDays(view, date).anchor) return;
      const next = new URLSearchParams(params);
      next.set("view", nextView);
      next.set("date", nextDate);
      // The first choice (month or list by screen width) replaces the bare URL; later ones stack.
      setParams(next, { replace: !data.view, preventScrollReset: true });
    },
    [data.view, data.anchor, view, date, params, setParams],
  );

  // From a week to its month, or from a month to this week when today is in it (else its first).
  const switchView = (next: CalendarViewName) => {
    const first = `${data.month}-01`;
    onRangeChange(next, next === "month" || !data.today.startsWith(data.month) ? first : data.today);
  };

  const onSlotDrop = useCallback(
    async ({ slotId, publishAt, revert }: SlotDrop) => {
      const slot = slotsById.get(slotId);
      if (!slot) return revert();
      const body = new URLSearchParams({
        intent: "move",
        version: String(slot.version),
        publishAt: publishAt.toISOString(),
      });
      try {
        const response = await fetch(`/calendar/slots/${slotId}`, { method: "POST", body });
        const answer: unknown = await response.json();
        if (isActionReply(answer) && answer.ok) {
          notify({
            color: "green",
            message: t("calendar.move.moved", { at: formatDateTime(publishAt, timeZone) }),
          });
        } else {
          // The server said no: the slot goes back where it was, and the reason is shown.
          revert();
          const reason = isActionReply(answer) ? answer.error : null;
          notify({
            color: "red",
            message: reason ? t("calendar.move.refused", { reason }) : t("calendar.move.failed"),
          });
        }
      } catch {
        revert();
        notify({ color: "red", message: t("calendar.move.failed") });
      }
      revalidator.revalidate();
    },
    [slotsById, notify, t, timeZone, revalidator],
  );

  const onPieceDrop = useCallback(
    ({ pieceId, day, time }: PieceDrop) => {
      const piece = piecesById.get(pieceId);
      if (piece) setDraft({ piece, day, time });
    },
    [piecesById],
  );

  const fillGap = (gap: GapDto, piece: BacklogPieceDto) => {
    const at = gap.suggestedAt ?? gap.periodStart;
    setDraft({
      piece,
      day: formatInstant(at, timeZone, "YYYY-MM-DD"),
      time: gap.suggestedAt ? formatInstant(at, timeZone, "HH:mm") : null,
      channelKey: gap.channelKey,
    });
  };

  const openSlot = openSlotId !== null ? (slotsById.get(openSlotId) ?? null) : null;
  const openChannel = openSlot ? (data.channels.find((c) => c.id === openSlot.channelId) ?? null) : null;
  const lang = i18n.language === "en" ? "en" : "zh";

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2}>{t("calendar.title")}</Title>
        <IconLink to="/channels" icon={<IconSettings size={16} />}>
          {t("calendar.channelsTitle")}
        </IconLink>
      </Group>
      <CampaignBanner campaign={data.campaign} month={data.month} />
      <CalendarFilters
        options={{
          channels: data.channels,
          columns: data.options.columns,
          campaigns: data.options.campaigns,
          owners: data.options.owners,
        }}
      />
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, lg: 9 }} order={{ base: 2, lg: 1 }}>
          {narrow ? (
            // FullCalendar's own view buttons would need a second toolbar row on a phone.
            <SegmentedControl
              fullWidth
              size="xs"
              mb="xs"
              value={view}
              onChange={(next) => switchView(next as CalendarViewName)}
              data={VIEWS.map((v) => ({ value: v, label: t(`calendar.views.${v}`) }))}
              data-testid="calendar-view-switch"
            />
          ) : null}
          <Card withBorder padding="xs">
            {hydrated && narrow !== undefined ? (
              <Suspense fallback={<BoardLoading />}>
                <CalendarBoard
                  slots={boardSlots}
                  markers={markers}
                  view={view}
                  date={date}
                  lang={lang}
                  timeZone={timeZone}
                  narrow={narrow}
                  canSchedule={data.user.canSchedule}
                  backlog={backlogEl}
                  onRangeChange={onRangeChange}
                  onSlotClick={setOpenSlotId}
                  onSlotDrop={onSlotDrop}
                  onPieceDrop={onPieceDrop}
                  labels={markerLabels}
                />
              </Suspense>
            ) : (
              <BoardLoading />
            )}
          </Card>
          <Card withBorder padding="xs" mt="sm">
            <CalendarLegend channels={data.channels} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="sm">
            <BacklogList
              pieces={data.unscheduled}
              canSchedule={data.user.canSchedule}
              opened={isOpen("backlog")}
              onToggle={() => toggle("backlog")}
              onContainer={setBacklogEl}
              onSchedule={(piece) =>
                // The day in view, or tomorrow when that day is today or past (a time must lie ahead).
                setDraft({
                  piece,
                  day: data.day > data.today ? data.day : addDays(data.today, 1),
                  time: null,
                })
              }
            />
            <MixPanel mix={data.mix} opened={isOpen("mix")} onToggle={() => toggle("mix")} />
            <GapsPanel
              gaps={data.gaps}
              canSchedule={data.user.canSchedule}
              onFill={fillGap}
              opened={isOpen("gaps")}
              onToggle={() => toggle("gaps")}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <CreateSlotModal draft={draft} channels={data.channels} onClose={() => setDraft(null)} />
      <SlotDrawer
        slot={openSlot}
        channel={openChannel}
        user={{
          id: data.user.id,
          roles: data.user.roles,
          canSchedule: data.user.canSchedule,
          canResend: data.user.canResend,
        }}
        onClose={() => setOpenSlotId(null)}
      />
    </Stack>
  );
}

function BoardLoading() {
  const { t } = useTranslation();
  return (
    <Group justify="center" py="xl" data-testid="calendar-loading">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        {t("calendar.loadingCalendar")}
      </Text>
    </Group>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
