/**
 * Rows of the calendar's tables as DTOs, shared by the read model and the use cases: slot rows
 * with their piece, owner and channel; channels with their operator and cadence rules.
 */
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { isSealedSecret, secretHint, storedSecretHint } from "~/lib/sealed-secret.server";
import { sealPlainValues } from "../audit/seal-plain-values.server";
import { complianceFlagSql } from "../compliance/review/compliance-flag.server";
import { prepared } from "./prepared.server";
import { printTarget, resolvePublicBase, trackedLink, type PublicBase } from "../ebooks/public-url.server";
import type {
  CadencePeriod,
  CadenceRuleDto,
  ChannelDto,
  Publisher,
  SlotDto,
  SlotStatus,
} from "./calendar-types";

const { slots: s, pieces: p, channels: c, users: u, columns: col } = schema;

/**
 * A slot with what the calendar shows of its piece, owner and channel, as SQLite returns it: the
 * DTO's fields before mapping, with both mix categories (the piece's wins) and instants as epoch
 * milliseconds (the column's storage), so rows are compared and counted before any mapping.
 */
export interface SlotRow extends Omit<
  SlotDto,
  "mixCategory" | "publishAt" | "status" | "publishedAt" | "trackedLink"
> {
  pieceMix: string | null;
  columnMix: string | null;
  publishAt: number;
  status: string;
  publishedAt: number | null;
}

/**
 * Slots with their piece, owner, column and channel, in time order. Written as one statement and
 * read as SQLite's rows (the calendar reads hundreds at a time, and mapping each column through
 * the query builder cost more than the query); the table and column names still come from the
 * schema.
 */
export function querySlots(db: DbOrTx, where: SQL | undefined): SlotRow[] {
  return db.all<SlotRow>(sql`
    select ${s.id} as id, ${s.pieceId} as pieceId, ${p.title} as pieceTitle, ${p.kind} as pieceKind,
      ${p.status} as pieceStatus, ${p.slug} as pieceSlug, ${p.mixCategory} as pieceMix,
      ${col.mixCategory} as columnMix, ${p.columnId} as columnId, ${p.campaignId} as campaignId,
      ${p.ownerId} as ownerId, ${u.name} as ownerName, ${s.channelId} as channelId, ${c.key} as channelKey,
      ${c.name} as channelName, ${c.color} as channelColor, ${s.publishAt} as publishAt,
      ${s.caption} as caption, ${s.status} as status, ${s.heldReason} as heldReason,
      ${s.liveUrl} as liveUrl, ${s.publishedAt} as publishedAt, ${s.version} as version,
      ${complianceFlagSql(s.pieceId)} as complianceFlag
    from ${s}
    inner join ${p} on ${p.id} = ${s.pieceId}
    inner join ${c} on ${c.id} = ${s.channelId}
    left join ${u} on ${u.id} = ${p.ownerId}
    left join ${col} on ${col.id} = ${p.columnId}
    ${where ? sql`where ${where}` : sql``}
    order by ${s.publishAt}, ${s.id}`);
}

export function slotsBetween(from: Date, to: Date): SQL {
  return and(gte(s.publishAt, from), lt(s.publishAt, to))!;
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
    publishAt: new Date(row.publishAt).toISOString(),
    caption: row.caption,
    status: row.status as SlotStatus,
    heldReason: row.heldReason,
    liveUrl: row.liveUrl,
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString(),
    trackedLink: slotTrackedLink(base, row.pieceSlug, row.channelKey),
    version: row.version,
    complianceFlag: row.complianceFlag,
  };
}

/** One slot as the API and the pages show it, or null. */
export function loadSlot(db: DbOrTx, slotId: number, base?: PublicBase): SlotDto | null {
  const [row] = querySlots(db, eq(s.id, slotId));
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

/** `dataKey` opens the stored (sealed) webhook secret for its hint; the secret itself stays here. */
export function toChannelDto(
  channel: ChannelRow,
  rules: CadenceRuleRow[],
  operatorName: string | null,
  dataKey: Buffer,
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
    webhookSecretHint: storedSecretHint(dataKey, channel.webhookSecret),
    operatorId: channel.operatorId,
    operatorName,
    graceMinutes: channel.graceMinutes,
    cadenceNote: channel.cadenceNote,
    rules: rules.map(toRuleDto),
  };
}

/** Channels (all, or the given ids) with their operators and rules, in id order. */
export function loadChannels(db: DbOrTx, dataKey: Buffer, ids?: number[]): ChannelDto[] {
  const selectChannels = () =>
    db
      .select({ channel: schema.channels, operatorName: schema.users.name })
      .from(schema.channels)
      .leftJoin(schema.users, eq(schema.users.id, schema.channels.operatorId))
      .orderBy(asc(schema.channels.id));
  const selectRules = () => db.select().from(schema.cadenceRules).orderBy(asc(schema.cadenceRules.id));
  const rows = ids
    ? selectChannels().where(inArray(schema.channels.id, ids)).all()
    : prepared(db, "channels", () => selectChannels().prepare()).all();
  const rules = ids
    ? selectRules().where(inArray(schema.cadenceRules.channelId, ids)).all()
    : prepared(db, "cadenceRules", () => selectRules().prepare()).all();
  const byChannel = new Map<number, CadenceRuleRow[]>();
  for (const rule of rules) byChannel.set(rule.channelId, [...(byChannel.get(rule.channelId) ?? []), rule]);
  return rows.map((r) => toChannelDto(r.channel, byChannel.get(r.channel.id) ?? [], r.operatorName, dataKey));
}

export function findChannelByKey(db: DbOrTx, key: string): ChannelRow | undefined {
  return db.select().from(schema.channels).where(eq(schema.channels.key, key)).get();
}

/**
 * Seals the webhook secrets stored before decision 0047 (plain hex), each audited without the
 * secret. Run at boot inside the caller's transaction; sealed values are left alone, so running it
 * again does nothing.
 */
export function sealLegacyChannelSecrets(tx: DbOrTx, options: { dataKey: Buffer; now: Date }): number {
  const rows = tx.select({ id: c.id, key: c.key, secret: c.webhookSecret }).from(c).all();
  return sealPlainValues(tx, {
    ...options,
    action: "channel.seal_secret",
    entity: "channel",
    field: "webhookSecret",
    hint: secretHint,
    values: rows.flatMap((row) =>
      row.secret !== null && !isSealedSecret(row.secret)
        ? [
            {
              entityId: row.key,
              plain: row.secret,
              store: (sealed: string) =>
                tx.update(c).set({ webhookSecret: sealed }).where(eq(c.id, row.id)).run(),
            },
          ]
        : [],
    ),
  });
}
