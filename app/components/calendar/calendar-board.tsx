/**
 * The FullCalendar part of the calendar page. Loaded only in the browser, after hydration (the
 * route imports it lazily): FullCalendar measures the DOM and injects its own stylesheet, neither
 * of which exists during server rendering.
 */
import type {
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
} from "@fullcalendar/core";
import zhCnLocale from "@fullcalendar/core/locales/zh-cn";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { Draggable, type DropArg } from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { useEffect, useMemo, useRef } from "react";
import { ComplianceFlagIcon } from "~/components/compliance/review-flag";
import type { ComplianceFlag } from "~/modules/compliance/review/review-types";
import { calendarDay, calendarTimeOfDay, droppedSlotInstant, toCalendarWall } from "./calendar-time";
import { SlotStatusIcon } from "./status-marks";

export type CalendarViewName = "month" | "week" | "list";

const FC_VIEWS: Record<CalendarViewName, string> = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  list: "listWeek",
};

function viewName(fcView: string): CalendarViewName {
  return fcView.startsWith("dayGrid") ? "month" : fcView.startsWith("list") ? "list" : "week";
}

export interface BoardSlot {
  id: number;
  /** ISO instant (UTC) from the server. */
  publishAt: string;
  title: string;
  channelName: string;
  color: string;
  status: string;
  /** The status in the reader's language (a tooltip, and spelled out in list view). */
  statusLabel: string;
  editable: boolean;
  /** The piece's compliance mark and its text in the reader's language, or null. */
  flag: { kind: ComplianceFlag; label: string } | null;
}

export interface BoardMarker {
  id: string;
  period: "day" | "week";
  /** How many channel rules the marker stands for. */
  count: number;
  /** ISO instants (UTC): the marked period. */
  start: string;
  end: string;
  kind: "gap" | "excess";
  label: string;
}

export interface SlotDrop {
  slotId: number;
  /** The new instant, computed in the studio's zone (time of day kept for a day-only drop). */
  publishAt: Date;
  revert: () => void;
}

export interface PieceDrop {
  pieceId: number;
  /** "YYYY-MM-DD" in the studio's zone. */
  day: string;
  /** "HH:mm" when the drop named a time (week view), null for a day (month view). */
  time: string | null;
}

export interface CalendarBoardProps {
  slots: BoardSlot[];
  markers: BoardMarker[];
  view: CalendarViewName;
  /** "YYYY-MM-DD": a day inside the period to show. */
  date: string;
  lang: "zh" | "en";
  timeZone: string;
  narrow: boolean;
  canSchedule: boolean;
  /** The side list whose `.backlog-item` elements can be dragged onto the calendar. */
  backlog: HTMLElement | null;
  onRangeChange(view: CalendarViewName, date: string): void;
  onSlotClick(slotId: number): void;
  onSlotDrop(drop: SlotDrop): void;
  onPieceDrop(drop: PieceDrop): void;
  /** Texts of the cadence marks (the page translates them). */
  labels: {
    gap(count: number): string;
    gapShort(count: number): string;
    excess(count: number): string;
    excessShort(count: number): string;
  };
}

/** Dark text on light channel colours, white on dark ones. */
function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return "#fff";
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? "#1a1b1e" : "#fff";
}

function SlotContent({ arg }: { arg: EventContentArg }) {
  const { status, statusLabel, channelName, pieceTitle, flag } = arg.event.extendedProps as {
    status: string;
    statusLabel: string;
    channelName: string;
    pieceTitle: string;
    flag: BoardSlot["flag"];
  };
  const inList = arg.view.type.startsWith("list");
  return (
    <div
      className="slot-event"
      data-testid="slot-event"
      data-slot-id={arg.event.id}
      data-status={status}
      title={`${statusLabel} · ${channelName} · ${pieceTitle}${flag ? ` · ${flag.label}` : ""}`}
    >
      <SlotStatusIcon status={status} />
      {flag ? <ComplianceFlagIcon flag={flag.kind} label={flag.label} /> : null}
      {arg.timeText && !inList ? <span className="slot-time">{arg.timeText}</span> : null}
      <span className="slot-title">
        {channelName} · {pieceTitle}
      </span>
      {inList ? <span className="slot-status-text">{statusLabel}</span> : null}
    </div>
  );
}

/** "缺 2" / "超 1" beside a day's number (month) or name (week). */
function CadenceBadges({
  counts,
  labels,
}: {
  counts: { gap: number; excess: number } | undefined;
  labels: CalendarBoardProps["labels"];
}) {
  if (!counts) return null;
  return (
    <>
      {counts.gap ? (
        <span className="day-cadence" title={labels.gap(counts.gap)} data-testid="day-gap">
          {labels.gapShort(counts.gap)}
        </span>
      ) : null}
      {counts.excess ? (
        <span className="day-cadence is-excess" title={labels.excess(counts.excess)}>
          {labels.excessShort(counts.excess)}
        </span>
      ) : null}
    </>
  );
}

export default function CalendarBoard(props: CalendarBoardProps) {
  const ref = useRef<FullCalendar>(null);
  const { slots, markers, view, date, timeZone, backlog, canSchedule } = props;
  // Callbacks change on every render of the page; FullCalendar keeps the first ones it saw.
  const handlers = useRef(props);
  handlers.current = props;
  const slotsById = useMemo(() => new Map(slots.map((slot) => [String(slot.id), slot])), [slots]);
  const slotsRef = useRef(slotsById);
  slotsRef.current = slotsById;

  const events = useMemo<EventInput[]>(
    () => [
      ...slots.map((slot) => ({
        id: String(slot.id),
        start: toCalendarWall(slot.publishAt, timeZone),
        title: `${slot.channelName} · ${slot.title}`,
        allDay: false,
        backgroundColor: slot.color,
        borderColor: slot.status === "failed" || slot.status === "unconfirmed" ? undefined : slot.color,
        textColor: textOn(slot.color),
        startEditable: slot.editable,
        durationEditable: false,
        classNames: [`slot-status-${slot.status}`],
        extendedProps: {
          status: slot.status,
          statusLabel: slot.statusLabel,
          channelName: slot.channelName,
          pieceTitle: slot.title,
          flag: slot.flag,
        },
      })),
      ...markers.map((marker) => ({
        id: marker.id,
        start: toCalendarWall(marker.start, timeZone),
        end: toCalendarWall(marker.end, timeZone),
        // Whole days: a marker belongs to the day cells, not to an hour of them.
        allDay: true,
        display: "background",
        title: marker.label,
        classNames: [`cadence-${marker.kind}`],
      })),
    ],
    [slots, markers, timeZone],
  );

  // Day markers also become a count beside the day's number in month view.
  const dayCounts = useMemo(() => {
    const counts = new Map<string, { gap: number; excess: number }>();
    for (const marker of markers) {
      if (marker.period !== "day") continue;
      const day = toCalendarWall(marker.start, timeZone).slice(0, 10);
      const seen = counts.get(day) ?? { gap: 0, excess: 0 };
      seen[marker.kind] += marker.count;
      counts.set(day, seen);
    }
    return counts;
  }, [markers, timeZone]);

  // The page's URL decides what is shown; follow it when it changes from outside (back button).
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    const wanted = FC_VIEWS[view];
    const [shownStart, shownEnd] = [api.view.currentStart, api.view.currentEnd].map(calendarDay);
    if (api.view.type !== wanted) api.changeView(wanted, date);
    else if (date < shownStart || date >= shownEnd) api.gotoDate(date);
  }, [view, date]);

  // Pieces in the side list become draggable events.
  useEffect(() => {
    if (!backlog || !canSchedule) return;
    const draggable = new Draggable(backlog, {
      itemSelector: ".backlog-item",
      eventData: (el) => ({
        title: el.getAttribute("data-title") ?? "",
        duration: "00:30",
        // The slot is created by the server after the channel is chosen, not by FullCalendar.
        create: false,
      }),
    });
    return () => draggable.destroy();
  }, [backlog, canSchedule]);

  const nowWall = () => toCalendarWall(Date.now(), timeZone);

  return (
    <div
      className={`studio-calendar${props.narrow ? " is-narrow" : ""}`}
      data-testid="calendar"
      data-view={view}
    >
      <FullCalendar
        ref={ref}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        timeZone="UTC"
        now={nowWall}
        locale={props.lang === "zh" ? zhCnLocale : "en"}
        firstDay={1}
        initialView={FC_VIEWS[view]}
        initialDate={date}
        headerToolbar={
          props.narrow
            ? { left: "prev,next", center: "title", right: "today" }
            : { left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,listWeek" }
        }
        buttonText={
          props.lang === "zh"
            ? { today: "今天", month: "月", week: "周", list: "列表" }
            : { today: "Today", month: "Month", week: "Week", list: "List" }
        }
        height={view === "week" ? 720 : "auto"}
        scrollTime="08:00:00"
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        slotLabelFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        defaultTimedEventDuration="00:30"
        // A slot is an instant drawn half an hour tall; one at 23:45 must not also appear on the
        // next day in month and list views because its drawn half hour crosses midnight.
        nextDayThreshold="01:00:00"
        eventDisplay="block"
        dayMaxEvents={props.narrow ? 2 : 4}
        nowIndicator
        editable={canSchedule}
        droppable={canSchedule}
        eventDurationEditable={false}
        events={events}
        // `true` keeps FullCalendar's own rendering (background events, other views' headers).
        eventContent={(arg) => (arg.event.display === "background" ? true : <SlotContent arg={arg} />)}
        dayCellContent={(arg) =>
          arg.view.type.startsWith("dayGrid") ? (
            <>
              <CadenceBadges counts={dayCounts.get(calendarDay(arg.date))} labels={props.labels} />
              {arg.dayNumberText}
            </>
          ) : (
            true
          )
        }
        dayHeaderContent={(arg) =>
          arg.view.type.startsWith("timeGrid") ? (
            <>
              {arg.text} <CadenceBadges counts={dayCounts.get(calendarDay(arg.date))} labels={props.labels} />
            </>
          ) : (
            true
          )
        }
        datesSet={(arg: DatesSetArg) =>
          handlers.current.onRangeChange(viewName(arg.view.type), calendarDay(arg.view.currentStart))
        }
        eventClick={(arg: EventClickArg) => {
          arg.jsEvent.preventDefault();
          const slot = slotsRef.current.get(arg.event.id);
          if (slot) handlers.current.onSlotClick(slot.id);
        }}
        eventDrop={(arg: EventDropArg) => {
          const slot = slotsRef.current.get(arg.event.id);
          if (!slot || !arg.event.start) return arg.revert();
          handlers.current.onSlotDrop({
            slotId: slot.id,
            publishAt: droppedSlotInstant({
              newStart: arg.event.start,
              oldInstant: slot.publishAt,
              dayOnly: arg.view.type.startsWith("dayGrid") || arg.event.allDay,
              timeZone,
            }),
            revert: arg.revert,
          });
        }}
        drop={(arg: DropArg) => {
          const pieceId = Number(arg.draggedEl.getAttribute("data-piece-id"));
          if (!Number.isInteger(pieceId) || pieceId <= 0) return;
          handlers.current.onPieceDrop({
            pieceId,
            day: calendarDay(arg.date),
            time: arg.allDay ? null : calendarTimeOfDay(arg.date),
          });
        }}
      />
    </div>
  );
}
