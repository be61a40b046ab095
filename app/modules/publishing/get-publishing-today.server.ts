import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { endOfDay, startOfWeek } from "~/lib/dates";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { GapDto, Publisher, SlotStatus } from "../calendar/calendar-types";
import { listGaps } from "../calendar/list-gaps.server";
import { getPublishBundle } from "./publish-bundle.server";
import { seesAllPublishing } from "./publishing-access";
import type { PublishingSlotDto, PublishingTodayDto } from "./publishing-types";
import { graceEnds } from "./slot-rows.server";

/** How far back the home page looks for slots that still need a decision. */
const ATTENTION_DAYS = 14;
const ATTENTION_LIMIT = 50;
const GAPS_LIMIT = 12;
const DAY_MS = 24 * 60 * 60_000;

const columns = {
  slot: schema.slots,
  channel: schema.channels,
  piece: {
    id: schema.pieces.id,
    kind: schema.pieces.kind,
    title: schema.pieces.title,
    slug: schema.pieces.slug,
  },
  operatorName: schema.users.name,
};

type Row = {
  slot: typeof schema.slots.$inferSelect;
  channel: typeof schema.channels.$inferSelect;
  piece: { id: number; kind: string; title: string; slug: string };
  operatorName: string | null;
};

/** Slots with their channel, piece and the channel's operator, as the home page lists them. */
function slotsWhere(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(schema.slots)
    .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .leftJoin(schema.users, eq(schema.users.id, schema.channels.operatorId))
    .where(where);
}

function lastDetails(db: Db, slotIds: number[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (slotIds.length === 0) return out;
  const rows = db
    .select({ slotId: schema.publishAttempts.slotId, detail: schema.publishAttempts.detail })
    .from(schema.publishAttempts)
    .where(inArray(schema.publishAttempts.slotId, slotIds))
    .orderBy(desc(schema.publishAttempts.startedAt), desc(schema.publishAttempts.id))
    .all();
  for (const row of rows) if (!out.has(row.slotId)) out.set(row.slotId, row.detail);
  return out;
}

function toDto(row: Row, lastDetail: string | null): PublishingSlotDto {
  const { slot, channel, piece } = row;
  return {
    slotId: slot.id,
    version: slot.version,
    pieceId: piece.id,
    pieceTitle: piece.title,
    pieceKind: piece.kind,
    channelKey: channel.key,
    channelName: channel.name,
    channelColor: channel.color,
    publisher: (channel.publisher === "webhook" ? "webhook" : "manual") as Publisher,
    operatorId: channel.operatorId,
    operatorName: row.operatorName,
    status: slot.status as SlotStatus,
    heldReason: slot.heldReason,
    publishAt: slot.publishAt.toISOString(),
    dueBy: graceEnds(slot, channel).toISOString(),
    lastDetail,
  };
}

/**
 * The home page's publishing section: the manual hand-offs waiting for this person (the channel's
 * operator; editors also get the channels nobody operates), the slots that need a decision
 * (missed, unconfirmed, failed, held: editors see all channels, an operator their own), and, for
 * editors, this week's open cadence gaps from the calendar.
 */
export function getPublishingToday(options: {
  db: Db;
  /** For the calendar's gaps (their channels carry webhook secret hints). */
  dataKey: Buffer;
  actor: Actor;
  now: Date;
  timeZone: string;
  /** The public base URL, for the tracked links in the bundles. */
  base: string;
}): PublishingTodayDto {
  const { db, actor, now, timeZone } = options;
  const editor = seesAllPublishing(actor.roles);
  const mine: SQL | undefined = editor
    ? or(eq(schema.channels.operatorId, actor.id), isNull(schema.channels.operatorId))
    : eq(schema.channels.operatorId, actor.id);

  const taskRows: Row[] = slotsWhere(
    db,
    and(
      eq(schema.slots.status, "queued"),
      isNull(schema.slots.heldReason),
      eq(schema.channels.publisher, "manual"),
      lte(schema.slots.publishAt, endOfDay(now, timeZone)),
      mine,
    ),
  )
    .orderBy(asc(schema.slots.publishAt), asc(schema.slots.id))
    .all();

  const attentionRows: Row[] = slotsWhere(
    db,
    and(
      or(
        inArray(schema.slots.status, ["missed", "unconfirmed", "failed"]),
        and(eq(schema.slots.status, "queued"), isNotNull(schema.slots.heldReason)),
      ),
      gte(schema.slots.publishAt, new Date(now.getTime() - ATTENTION_DAYS * DAY_MS)),
      editor ? undefined : eq(schema.channels.operatorId, actor.id),
    ),
  )
    .orderBy(desc(schema.slots.publishAt), desc(schema.slots.id))
    .limit(ATTENTION_LIMIT)
    .all();

  const details = lastDetails(
    db,
    [...taskRows, ...attentionRows].map((r) => r.slot.id),
  );
  const canSeeGaps = can(actor.roles, "calendar.schedule");
  let gaps: GapDto[] = [];
  if (canSeeGaps) {
    const from = startOfWeek(now, timeZone);
    // Half a day past seven keeps the next Monday even across a daylight-saving change.
    const to = startOfWeek(new Date(from.getTime() + 7.5 * DAY_MS), timeZone);
    gaps = listGaps({ db, dataKey: options.dataKey, now, timeZone, from, to })
      .filter((gap) => gap.kind === "gap" && !gap.past)
      .slice(0, GAPS_LIMIT);
  }
  return {
    tasks: taskRows.map((row) => ({
      ...toDto(row, details.get(row.slot.id) ?? null),
      bundle: getPublishBundle({
        db,
        piece: row.piece,
        channelKey: row.channel.key,
        caption: row.slot.caption,
        base: options.base,
      }),
    })),
    attention: attentionRows.map((row) => toDto(row, details.get(row.slot.id) ?? null)),
    gaps,
    canResend: can(actor.roles, "publishing.resend"),
    canSeeGaps,
  };
}
