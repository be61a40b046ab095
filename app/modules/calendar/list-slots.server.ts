import { and, eq, inArray, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { resolvePublicBase, type PublicBase } from "../ebooks/public-url.server";
import type { CalendarFilters, SlotDto, SlotStatus } from "./calendar-types";
import { querySlots, slotsBetween, toSlotDto } from "./calendar-rows.server";

/** The slots of [from, to) in time order, with the calendar's filters (GET /api/v1/slots). */
export function listSlots(options: {
  db: DbOrTx;
  from: Date;
  to: Date;
  filters?: CalendarFilters & { status?: SlotStatus };
  publicBase?: PublicBase;
}): SlotDto[] {
  const { db, filters = {} } = options;
  const conditions: SQL[] = [slotsBetween(options.from, options.to)];
  if (filters.channelKeys?.length) conditions.push(inArray(schema.channels.key, filters.channelKeys));
  if (filters.columnId) conditions.push(eq(schema.pieces.columnId, filters.columnId));
  if (filters.campaignId) conditions.push(eq(schema.pieces.campaignId, filters.campaignId));
  if (filters.ownerId) conditions.push(eq(schema.pieces.ownerId, filters.ownerId));
  if (filters.status) conditions.push(eq(schema.slots.status, filters.status));
  const base = options.publicBase ?? resolvePublicBase();
  return querySlots(db, and(...conditions)).map((row) => toSlotDto(row, base));
}
