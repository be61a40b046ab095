import fs from "node:fs";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  type SQL,
} from "drizzle-orm";
import { addDays, wallClockParts } from "~/lib/dates";
import { schema, type Db } from "~/lib/db.server";
import { todayOf } from "../analytics/dashboard-range";
import { countLeads, totalRollups } from "../analytics/rollup-figures.server";
import { ratio } from "../analytics/targets";
import type { Actor } from "../auth/actor";
import type { Role } from "../auth/permissions";
import type { ShowState } from "../livestream/show-state";
import { countOverdueRequests } from "../privacy/count-overdue-requests.server";
import type { Dashboard, HomeShow } from "./dashboard";
import { selectPieces, toPieceDto } from "./piece-rows.server";

const DONE = ["published", "archived"];
const DAY_MS = 86_400_000;
const LIST = 8;
/** Below this the next render may fail half-way; the same floor the health check uses. */
const LOW_DISK_BYTES = 512 * 1024 * 1024;
/** How far back the host still sees a finished show (its report is one tap away). */
const ENDED_SHOWS_DAYS = 14;
/** The analyst's headline figures cover the last 30 days. */
const FIGURES_DAYS = 30;

function has(actor: Actor, role: Role) {
  return actor.roles.includes(role);
}

/** The home page: what the signed-in person must do, one section per role they hold. */
export function getDashboard(options: {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  dataDir: string;
}): Dashboard {
  const { db, actor, now, timeZone } = options;
  // This month's campaign, by the studio's calendar: 1 March 01:00 in Shanghai is still February in UTC.
  const { month } = wallClockParts(now, timeZone);
  const campaign = db.select().from(schema.campaigns).where(eq(schema.campaigns.month, month)).get() ?? null;
  return {
    campaign,
    writer: has(actor, "copywriter") ? writerSection(db, actor) : null,
    reviewer: has(actor, "editor") || has(actor, "admin") ? reviewerSection(db, now) : null,
    host: has(actor, "host") ? { shows: hostShows(db, actor, now) } : null,
    producer: has(actor, "producer") ? producerSection(db, actor) : null,
    analyst: has(actor, "analyst") ? analystFigures(db, now, timeZone) : null,
    admin: has(actor, "admin") ? adminHealth(db, now, options.dataDir) : null,
  };
}

function mine(db: Db, actor: Actor, statuses: string[]) {
  return selectPieces(db)
    .where(and(eq(schema.pieces.ownerId, actor.id), inArray(schema.pieces.status, statuses)))
    .orderBy(desc(schema.pieces.updatedAt))
    .limit(LIST)
    .all()
    .map(toPieceDto);
}

function writerSection(db: Db, actor: Actor): NonNullable<Dashboard["writer"]> {
  const rejectedPieces = mine(db, actor, ["rejected"]);
  // The reason is the note of each piece's latest rejection.
  const reasons = new Map<number, { note: string | null; at: Date }>();
  if (rejectedPieces.length)
    for (const row of db
      .select({
        pieceId: schema.pieceTransitions.pieceId,
        note: schema.pieceTransitions.note,
        at: schema.pieceTransitions.at,
      })
      .from(schema.pieceTransitions)
      .where(
        and(
          inArray(
            schema.pieceTransitions.pieceId,
            rejectedPieces.map((p) => p.id),
          ),
          eq(schema.pieceTransitions.toStatus, "rejected"),
        ),
      )
      .orderBy(asc(schema.pieceTransitions.at), asc(schema.pieceTransitions.id))
      .all())
      reasons.set(row.pieceId, { note: row.note, at: row.at });
  return {
    rejected: rejectedPieces.map((p) => ({
      ...p,
      reason: reasons.get(p.id)?.note ?? null,
      rejectedAt: reasons.get(p.id)?.at.toISOString() ?? null,
    })),
    drafts: mine(db, actor, ["draft"]),
    inReview: mine(db, actor, ["in_review"]),
  };
}

function reviewerSection(db: Db, now: Date): NonNullable<Dashboard["reviewer"]> {
  const queue = selectPieces(db)
    .where(eq(schema.pieces.status, "in_review"))
    .orderBy(asc(schema.pieces.updatedAt))
    .limit(LIST)
    .all()
    .map(toPieceDto);
  // Overdue pieces stay on the list until they are out, however late.
  const due = selectPieces(db)
    .where(
      and(
        isNotNull(schema.pieces.dueAt),
        lte(schema.pieces.dueAt, new Date(now.getTime() + 7 * DAY_MS)),
        notInArray(schema.pieces.status, DONE),
      ),
    )
    .orderBy(asc(schema.pieces.dueAt))
    .limit(LIST)
    .all()
    .map(toPieceDto);
  return { queue, due };
}

function shows(db: Db, where: SQL | undefined): HomeShow[] {
  const host = schema.users;
  const rows = showQuery(db)
    .where(where)
    .orderBy(asc(schema.livestreamShows.scheduledAt), asc(schema.pieces.id))
    .all();
  const names = new Map(
    db
      .select({ id: host.id, name: host.name })
      .from(host)
      .where(
        inArray(
          host.id,
          rows.flatMap((r) => [r.hostId ?? 0, r.producerId ?? 0]),
        ),
      )
      .all()
      .map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    liveStatus: r.stateJson ? (JSON.parse(r.stateJson) as ShowState).status : "idle",
    hostName: r.hostId ? (names.get(r.hostId) ?? null) : null,
    producerName: r.producerId ? (names.get(r.producerId) ?? null) : null,
  }));
}

function showQuery(db: Db) {
  return db
    .select({
      id: schema.pieces.id,
      title: schema.pieces.title,
      status: schema.pieces.status,
      scheduledAt: schema.livestreamShows.scheduledAt,
      stateJson: schema.livestreamShows.stateJson,
      hostId: schema.livestreamShows.hostId,
      producerId: schema.livestreamShows.producerId,
      endedAt: schema.livestreamShows.endedAt,
    })
    .from(schema.livestreamShows)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.livestreamShows.pieceId));
}

function hostShows(db: Db, actor: Actor, now: Date): HomeShow[] {
  const all = shows(
    db,
    and(
      eq(schema.livestreamShows.hostId, actor.id),
      notInArray(schema.pieces.status, ["archived"]),
      or(
        isNull(schema.livestreamShows.endedAt),
        gte(schema.livestreamShows.endedAt, new Date(now.getTime() - ENDED_SHOWS_DAYS * DAY_MS)),
      ),
    ),
  );
  // Upcoming (and live) first, soonest first; finished ones after, latest first.
  const ended = all.filter((s) => s.liveStatus === "ended").reverse();
  return [...all.filter((s) => s.liveStatus !== "ended"), ...ended];
}

function producerSection(db: Db, actor: Actor): NonNullable<Dashboard["producer"]> {
  const upcoming = shows(
    db,
    and(
      eq(schema.livestreamShows.producerId, actor.id),
      isNull(schema.livestreamShows.endedAt),
      notInArray(schema.pieces.status, ["archived"]),
    ),
  );
  // A show already live is the one to open, whatever its planned time.
  const live = upcoming.find((s) => s.liveStatus !== "idle");
  const next = live ?? upcoming[0] ?? null;
  return { next, later: upcoming.filter((s) => s !== next) };
}

function analystFigures(db: Db, now: Date, timeZone: string): NonNullable<Dashboard["analyst"]> {
  const to = todayOf(now, timeZone);
  const from = addDays(to, -(FIGURES_DAYS - 1));
  const figures = totalRollups({ db, from, to });
  const leads = countLeads({ db, from, to, timeZone, by: "none" }).get("") ?? 0;
  return {
    from,
    to,
    views: figures.views,
    plays: figures.plays,
    completionRate: ratio(figures.completes, figures.plays),
    leads,
    leadRate: ratio(leads, figures.visitors),
  };
}

function adminHealth(db: Db, now: Date, dataDir: string): NonNullable<Dashboard["admin"]> {
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const failed = and(eq(schema.jobs.status, "failed"), gte(schema.jobs.updatedAt, since));
  const failedJobs = db.select({ n: count() }).from(schema.jobs).where(failed).get()?.n ?? 0;
  const recentFailures = db
    .select({
      id: schema.jobs.id,
      type: schema.jobs.type,
      error: schema.jobs.error,
      at: schema.jobs.updatedAt,
    })
    .from(schema.jobs)
    .where(failed)
    .orderBy(desc(schema.jobs.updatedAt))
    .limit(5)
    .all()
    .map((j) => ({ ...j, at: j.at.toISOString() }));
  let freeBytes: number | null = null;
  try {
    const stats = fs.statfsSync(dataDir);
    freeBytes = stats.bavail * stats.bsize;
  } catch {
    // A data directory that cannot be read shows as unknown, not as a failed page.
  }
  return {
    failedJobs,
    recentFailures,
    freeBytes,
    lowDisk: freeBytes !== null && freeBytes < LOW_DISK_BYTES,
    overdueDeletionRequests: countOverdueRequests({ db, now }),
  };
}
