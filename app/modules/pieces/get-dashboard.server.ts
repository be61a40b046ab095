import { and, asc, desc, eq, gte, isNotNull, lte, notInArray } from "drizzle-orm";
import { wallClockParts } from "~/lib/dates";
import { schema, type Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { selectPieces, toPieceDto } from "./piece-rows.server";

const DONE = ["published", "archived"];

/** The home page: my open pieces, what is due within a week, what waits for my review. */
export function getDashboard(options: { db: Db; actor: Actor; now: Date; timeZone: string }) {
  const { db, actor, now } = options;
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
  const myPieces = selectPieces(db)
    .where(and(eq(schema.pieces.ownerId, actor.id), notInArray(schema.pieces.status, DONE)))
    .orderBy(desc(schema.pieces.updatedAt))
    .limit(8)
    .all()
    .map(toPieceDto);
  const due = selectPieces(db)
    .where(
      and(
        isNotNull(schema.pieces.dueAt),
        lte(schema.pieces.dueAt, inAWeek),
        gte(schema.pieces.dueAt, new Date(now.getTime() - 7 * 86_400_000)),
        notInArray(schema.pieces.status, DONE),
      ),
    )
    .orderBy(asc(schema.pieces.dueAt))
    .limit(8)
    .all()
    .map(toPieceDto);
  const waitingForReview = can(actor.roles, "pieces.review")
    ? selectPieces(db)
        .where(eq(schema.pieces.status, "in_review"))
        .orderBy(asc(schema.pieces.updatedAt))
        .limit(8)
        .all()
        .map(toPieceDto)
    : [];
  // This month's campaign, by the studio's calendar: 1 March 01:00 in Shanghai is still February in UTC.
  const { month } = wallClockParts(now, options.timeZone);
  const campaign = db.select().from(schema.campaigns).where(eq(schema.campaigns.month, month)).get() ?? null;
  return { myPieces, due, waitingForReview, campaign };
}
