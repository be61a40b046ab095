/**
 * Rows of the calendar's tables as DTOs, shared by the read model and the use cases: slot rows
 * with their piece, owner and channel; channels with their operator and cadence rules.
 */
import { and, asc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { printTarget, resolvePublicBase, trackedLink, type PublicBase } from "../ebooks/public-url.server";
import type {
  CadencePeriod,
  CadenceRuleDto,
  ChannelDto,
  Publisher,
  SlotDto,
  SlotStatus,
} from "./calendar-types";

export const slotColumns = {
  id: schema.slots.id,
  pieceId: schema.slots.pieceId,
  pieceTitle: schema.pieces.title,
  pieceKind: schema.pieces.kind,
  pieceStatus: schema.pieces.status,
  pieceSlug: schema.pieces.slug,
  pieceMix: schema.pieces.mixCategory,
  columnMix: schema.columns.mixCategory,
  columnId: schema.pieces.columnId,
  campaignId: schema.pieces.campaignId,
  ownerId: schema.pieces.ownerId,
  ownerName: schema.users.name,
  channelId: schema.slots.channelId,
  channelKey: schema.channels.key,
  channelName: schema.channels.name,
  channelColor: schema.channels.color,
  publishAt: schema.slots.publishAt,
  caption: schema.slots.caption,
  status: schema.slots.status,
  heldReason: schema.slots.heldReason,
  liveUrl: schema.slots.liveUrl,
  publishedAt: schema.slots.publishedAt,
  version: schema.slots.version,
};

export function selectSlots(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(slotColumns)
    .from(schema.slots)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.slots.pieceId))
    .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
    .leftJoin(schema.users, eq(schema.users.id, schema.pieces.ownerId))
    .leftJoin(schema.columns, eq(schema.columns.id, schema.pieces.columnId))
    .where(where)
    .orderBy(asc(schema.slots.publishAt), asc(schema.slots.id));
}

export type SlotRow = ReturnType<ReturnType<typeof selectSlots>["all"]>[number];

export function slotsBetween(from: Date, to: Date): SQL {
  return and(gte(schema.slots.publishAt, from), lt(schema.slots.publishAt, to))!;
}

/**
 * The slot's tracked link: the piece's landing page with the channel as its source, built by the
 * one tracked-link helper. Keys and slugs are checked when stored, so the fallback (the same
 * address without the helper's check) is for rows written by hand.
 */
export function slotTrackedLink(base: PublicBase, slug: string, channelKey: string): string {
  const link = trackedLink({ base, slug, source: channelKey });
  return link.ok ? link.url : printTarget({ base, slug, source: channelKey }).url;
}

export function toSlotDto(row: SlotRow, base: PublicBase = resolvePublicBase()): SlotDto {
  return {
    id: row.id,
    pieceId: row.pieceId,
    pieceTitle: row.pieceTitle,
    pieceKind: row.pieceKind,
    pieceStatus: row.pieceStatus,
    pieceSlug: row.pieceSlug,
    mixCategory: row.pieceMix ?? row.columnMix ?? null,
    columnId: row.columnId,
    campaignId: row.campaignId,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    channelId: row.channelId,
    channelKey: row.channelKey,
    channelName: row.channelName,
    channelColor: row.channelColor,
    publishAt: row.publishAt.toISOString(),
    caption: row.caption,
    status: row.status as SlotStatus,
    heldReason: row.heldReason,
    liveUrl: row.liveUrl,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    trackedLink: slotTrackedLink(base, row.pieceSlug, row.channelKey),
    version: row.version,
  };
}

/** One slot as the API and the pages show it, or null. */
export function loadSlot(db: DbOrTx, slotId: number, base?: PublicBase): SlotDto | null {
  const row = selectSlots(db, eq(schema.slots.id, slotId)).get();
  return row ? toSlotDto(row, base) : null;
}

export type ChannelRow = typeof schema.channels.$inferSelect;
export type CadenceRuleRow = typeof schema.cadenceRules.$inferSelect;

export function toRuleDto(rule: CadenceRuleRow): CadenceRuleDto {
  return {
    id: rule.id,
    count: rule.count,
    period: rule.period as CadencePeriod,
    kinds: rule.kinds,
    label: rule.label,
    windowStart: rule.windowStart,
    windowEnd: rule.windowEnd,
  };
}

/** The secret as the pages and the API may show it: enough to recognise, never enough to sign. */
export function secretHint(secret: string | null): string | null {
  return secret ? `…${secret.slice(-4)}` : null;
}

export function toChannelDto(
  channel: ChannelRow,
  rules: CadenceRuleRow[],
  operatorName: string | null,
): ChannelDto {
  return {
    id: channel.id,
    key: channel.key,
    name: channel.name,
    color: channel.color,
    kinds: channel.kinds,
    titleMax: channel.titleMax,
    captionMax: channel.captionMax,
    hashtagMax: channel.hashtagMax,
    publisher: channel.publisher as Publisher,
    webhookUrl: channel.webhookUrl,
    webhookSecretHint: secretHint(channel.webhookSecret),
    operatorId: channel.operatorId,
    operatorName,
    graceMinutes: channel.graceMinutes,
    cadenceNote: channel.cadenceNote,
    rules: rules.map(toRuleDto),
  };
}

/** Channels (all, or the given ids) with their operators and rules, in id order. */
export function loadChannels(db: DbOrTx, ids?: number[]): ChannelDto[] {
  const rows = db
    .select({ channel: schema.channels, operatorName: schema.users.name })
    .from(schema.channels)
    .leftJoin(schema.users, eq(schema.users.id, schema.channels.operatorId))
    .where(ids ? inArray(schema.channels.id, ids) : undefined)
    .orderBy(asc(schema.channels.id))
    .all();
  const rules = db
    .select()
    .from(schema.cadenceRules)
    .where(ids ? inArray(schema.cadenceRules.channelId, ids) : undefined)
    .orderBy(asc(schema.cadenceRules.id))
    .all();
  const byChannel = new Map<number, CadenceRuleRow[]>();
  for (const rule of rules) byChannel.set(rule.channelId, [...(byChannel.get(rule.channelId) ?? []), rule]);
  return rows.map((r) => toChannelDto(r.channel, byChannel.get(r.channel.id) ?? [], r.operatorName));
}

export function findChannelByKey(db: DbOrTx, key: string): ChannelRow | undefined {
  return db.select().from(schema.channels).where(eq(schema.channels.key, key)).get();
}
