import { eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { daysBetween } from "~/lib/dates";
import { schema } from "~/lib/db.server";
import type { DayRange } from "~/modules/analytics/dashboard-range";
import { getChannelDashboard } from "~/modules/analytics/get-channel-dashboard.server";
import { getOverview } from "~/modules/analytics/get-overview.server";
import { dayOf } from "~/modules/analytics/rollup-figures.server";
import { captureLead } from "~/modules/leads/capture-lead.server";
import { eraseLeads } from "~/modules/privacy/erase-leads.server";
import { attributionFrom } from "~/modules/tracking/attribution";
import type { EventType } from "~/modules/tracking/event-types";
import { recordEvents } from "~/modules/tracking/record-events.server";
import { eventDay } from "~/modules/tracking/visitor-hash.server";
import { createTestStudio, type TestStudio } from "../setup/test-studio";

/**
 * The dashboards read day summaries of the rollups (decision 0043). Here the overview's and the
 * channels' figures are compared with the same figures counted straight from the raw events and
 * the leads table, over a small dataset whose events sit on both sides of midnight in the studio's
 * time zone (Asia/Shanghai, UTC+8), arrive after their day's rows exist, are sent twice, and
 * survive a rebuild of the rollups and a privacy deletion.
 */
const TIME_ZONE = "Asia/Shanghai";
const RANGE: DayRange = { from: "2026-06-10", to: "2026-06-16" };

let test: TestStudio;
let now = new Date("2026-06-16T04:00:00Z");
beforeEach(() => {
  test = createTestStudio({ now: () => now });
});
afterEach(() => test.cleanup());

function piece(kind: string, title: string) {
  const { db } = test.studio;
  const at = new Date("2026-05-01T00:00:00Z");
  const owner = db
    .insert(schema.users)
    .values({
      email: `${kind}@summary.test`,
      name: title,
      roles: ["copywriter"],
      passwordHash: "x",
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  return db
    .insert(schema.pieces)
    .values({
      kind,
      title,
      status: "published",
      ownerId: owner.id,
      slug: `summary-${kind}`,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
}

let eventNo = 0;
/** One page's beacon as the endpoint records it: the studio-zone day of the moment it arrives. */
function beacon(
  pieceId: number,
  src: string,
  visitor: string,
  at: string,
  types: [EventType, number?][],
  ids?: string[],
) {
  now = new Date(at);
  const events = types.map(([type, watchSeconds], i) => ({
    id: ids?.[i] ?? `sum-${++eventNo}`,
    type,
    watchSeconds,
  }));
  test.studio.db.transaction((tx) =>
    recordEvents({
      tx,
      pieceId,
      attribution: attributionFrom({ src }),
      visitorHash: visitor,
      day: eventDay(now, TIME_ZONE),
      events,
      now,
    }),
  );
  return events.map((event) => event.id);
}

function lead(slug: string, src: string, phone: string, at: string) {
  const { db, config } = test.studio;
  const captured = captureLead({
    db,
    dataKey: config.dataKey,
    downloadSecret: config.sessionSecret,
    input: { slug, phone, consent: true, src },
    now: new Date(at),
  } as Parameters<typeof captureLead>[0]);
  if (!captured.ok) throw new Error(captured.message);
}

interface Raw {
  views: number;
  visitors: Set<string>;
  plays: number;
  completes: number;
  leads: number;
}

/**
 * The range's figures counted from the raw events, each put in its studio-zone day by its arrival
 * time (not by the stored day), one visitor per piece, day and source; leads from the leads table.
 */
function rawFigures(range: DayRange) {
  const { db } = test.studio;
  const kinds = new Map(
    db
      .select()
      .from(schema.pieces)
      .all()
      .map((p) => [p.id, p.kind]),
  );
  const empty = (): Raw => ({ views: 0, visitors: new Set(), plays: 0, completes: 0, leads: 0 });
  const group = (map: Map<string | number, Raw>, key: string | number) => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = empty()));
    return entry;
  };
  const total = empty();
  const byPiece = new Map<string | number, Raw>();
  const byKind = new Map<string | number, Raw>();
  const byDay = new Map<string | number, Raw>();
  const bySource = new Map<string | number, Raw>();
  const inRange = (day: string) => day >= range.from && day <= range.to;
  /** The groups one event or lead counts in: the total, its piece, its piece's kind, its day, its source. */
  const groupsOf = (pieceId: number, day: string, source: string) => [
    total,
    group(byPiece, pieceId),
    group(byKind, kinds.get(pieceId)!),
    group(byDay, day),
    group(bySource, source),
  ];
  for (const event of db.select().from(schema.trackingEvents).all()) {
    const day = dayOf(event.at, TIME_ZONE);
    if (!inRange(day)) continue;
    const visitor = `${event.pieceId}|${day}|${event.source}|${event.visitorHash}`;
    for (const entry of groupsOf(event.pieceId, day, event.source)) {
      entry.visitors.add(visitor);
      if (event.type === "page_view") entry.views += 1;
      if (event.type === "play") entry.plays += 1;
      if (event.type === "complete") entry.completes += 1;
    }
  }
  for (const row of db.select().from(schema.leads).all()) {
    const day = dayOf(row.createdAt, TIME_ZONE);
    if (!inRange(day)) continue;
    for (const entry of groupsOf(row.pieceId, day, row.source)) entry.leads += 1;
  }
  return { total, byPiece, byKind, byDay, bySource };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** The overview and the channels, field by field, against the raw counts. */
function expectDashboardsToEqualRawEvents(range: DayRange) {
  const { db } = test.studio;
  const raw = rawFigures(range);
  const overview = getOverview({ db, range, timeZone: TIME_ZONE });
  expect({
    views: overview.views,
    visitors: overview.visitors,
    plays: overview.plays,
    completes: overview.completes,
    leads: overview.leads,
  }).toEqual({
    views: raw.total.views,
    visitors: raw.total.visitors.size,
    plays: raw.total.plays,
    completes: raw.total.completes,
    leads: raw.total.leads,
  });
  expect(overview.daily).toEqual(
    daysBetween(range.from, range.to).map((day) => {
      const f = raw.byDay.get(day);
      return {
        day,
        views: f?.views ?? 0,
        visitors: f?.visitors.size ?? 0,
        plays: f?.plays ?? 0,
        leads: f?.leads ?? 0,
      };
    }),
  );
  const ebook = raw.byKind.get("ebook");
  expect(overview.download).toMatchObject({
    visitors: ebook?.visitors.size ?? 0,
    leads: ebook?.leads ?? 0,
  });
  const rowsOf = (id: string) => overview.tables.find((table) => table.id === id)!.rows;
  expect(Object.fromEntries(rowsOf("kinds").map((row) => [row.kind, row]))).toEqual(
    Object.fromEntries(
      [...raw.byKind].map(([kind, f]) => [
        `kinds.${kind}`,
        {
          kind: `kinds.${kind}`,
          views: f.views,
          visitors: f.visitors.size,
          plays: f.plays,
          completionRate: ratio(f.completes, f.plays),
          leads: f.leads,
          leadRate: ratio(f.leads, f.visitors.size),
        },
      ]),
    ),
  );
  for (const row of rowsOf("top-pieces")) {
    const f = raw.byPiece.get(row.pieceId as number)!;
    expect(row).toMatchObject({ views: f.views, visitors: f.visitors.size, plays: f.plays, leads: f.leads });
  }
  expect(rowsOf("top-pieces").map((row) => row.pieceId)).toEqual(
    [...raw.byPiece]
      .filter(([, f]) => f.views + f.visitors.size > 0)
      .sort((a, b) => b[1].views - a[1].views || Number(a[0]) - Number(b[0]))
      .map(([id]) => id),
  );
  for (const channel of getChannelDashboard({ db, range, timeZone: TIME_ZONE }).channels) {
    const f = raw.bySource.get(channel.key);
    expect({
      key: channel.key,
      views: channel.views,
      visitors: channel.visitors,
      leads: channel.leads,
    }).toEqual({
      key: channel.key,
      views: f?.views ?? 0,
      visitors: f?.visitors.size ?? 0,
      leads: f?.leads ?? 0,
    });
  }
  return { overview, raw };
}

/** Both summaries hold exactly the rollups' sums (rows left at zero by deletions aside). */
function expectSummariesToEqualRollups() {
  const sqlite = test.studio.database.sqlite;
  const counters = "views, visitors, plays, completes, downloads, watch_seconds";
  const sums = "sum(views), sum(visitors), sum(plays), sum(completes), sum(downloads), sum(watch_seconds)";
  const nonZero = "views + visitors + plays + completes + downloads + watch_seconds > 0";
  const compare = (summary: string, keys: string) =>
    expect(
      sqlite
        .prepare(
          `select ${keys}, ${counters} from ${summary} where ${nonZero} except select ${keys}, ${sums} from event_rollups group by ${keys}`,
        )
        .all(),
    ).toEqual([]);
  compare("event_day_sources", "day, source");
  compare("event_day_pieces", "piece_id, day");
  const total = (table: string) =>
    sqlite.prepare(`select count(*) as rows, coalesce(sum(views), 0) as views from ${table}`).get() as {
      rows: number;
      views: number;
    };
  expect(total("event_day_sources").views).toBe(total("event_rollups").views);
  expect(total("event_day_pieces").views).toBe(total("event_rollups").views);
}

function buildDataset() {
  const episode = piece("episode", "夜间刹车");
  const book = piece("ebook", "保养手册");
  const show = piece("livestream", "周末直播");
  const play: [EventType, number?][] = [["page_view"], ["play", 0], ["progress_25", 15], ["complete", 60]];
  // The last millisecond of June 9th in Shanghai (outside the range) and the first of June 10th.
  beacon(episode.id, "douyin-main", "v1", "2026-06-09T15:59:59.999Z", play);
  beacon(episode.id, "douyin-main", "v1", "2026-06-09T16:00:00.000Z", play);
  beacon(episode.id, "kuaishou", "v2", "2026-06-10T01:00:00Z", [["page_view"], ["play", 0]]);
  beacon(book.id, "wechat-moments", "b1", "2026-06-12T08:00:00Z", [["page_view"], ["download"]]);
  beacon(book.id, "direct", "b2", "2026-06-12T15:59:59.999Z", [["page_view"]]);
  beacon(show.id, `live-${show.id}`, "l1", "2026-06-15T12:00:00Z", [["page_view"]]);
  // The last moment of the range (June 16th, 23:59:59.999 in Shanghai) and the first after it.
  beacon(show.id, "douyin-main", "l2", "2026-06-16T15:59:59.999Z", [["page_view"], ["play", 0]]);
  beacon(show.id, "douyin-main", "l3", "2026-06-16T16:00:00.000Z", [["page_view"]]);
  lead(episode.slug, "douyin-main", "13900000001", "2026-06-09T15:59:59.999Z");
  lead(episode.slug, "douyin-main", "13900000002", "2026-06-09T16:00:00.000Z");
  lead(book.slug, "wechat-moments", "13900000003", "2026-06-12T08:05:00Z");
  lead(show.slug, `live-${show.id}`, "13900000004", "2026-06-16T15:59:59.999Z");
  lead(show.slug, `live-${show.id}`, "13900000005", "2026-06-16T16:00:00.000Z");
  return { episode, book, show, play };
}

describe("the dashboards' day summaries", () => {
  it("give the raw events' figures, with midnight in the studio's time zone as the day boundary", () => {
    const { episode } = buildDataset();
    const { overview } = expectDashboardsToEqualRawEvents(RANGE);
    // Counted by hand: the 23:59:59.999 beacon and lead fall on June 9th, outside the range; the
    // 00:00 ones on June 10th, inside; the range ends at June 16th 23:59:59.999.
    expect(overview).toMatchObject({ views: 6, visitors: 6, plays: 3, completes: 1, leads: 3 });
    expect(overview.daily.find((point) => point.day === "2026-06-10")).toEqual({
      day: "2026-06-10",
      views: 2,
      visitors: 2,
      plays: 2,
      leads: 1,
    });
    const before = getOverview({
      db: test.studio.db,
      range: { from: "2026-06-09", to: "2026-06-09" },
      timeZone: TIME_ZONE,
    });
    expect(before).toMatchObject({ views: 1, visitors: 1, plays: 1, completes: 1, leads: 1 });
    expect(before.tables[1]!.rows).toEqual([expect.objectContaining({ pieceId: episode.id, views: 1 })]);
    expectSummariesToEqualRollups();
  });

  it("take in events that arrive after their day's rows exist, and a resent beacon once", () => {
    const { episode, book, play } = buildDataset();
    const first = getOverview({ db: test.studio.db, range: RANGE, timeZone: TIME_ZONE });
    // Later the same day: the same visitor again (adds views, not a visitor), a new source for an
    // existing day, a new day for the e-book; and a beacon resent with ids already stored.
    const ids = beacon(episode.id, "kuaishou", "v2", "2026-06-10T09:00:00Z", [
      ["page_view"],
      ["complete", 60],
    ]);
    beacon(episode.id, "wechat-moments", "v3", "2026-06-10T10:00:00Z", play);
    beacon(book.id, "direct", "b3", "2026-06-14T02:00:00Z", [["page_view"], ["download"]]);
    beacon(episode.id, "kuaishou", "v2", "2026-06-10T09:01:00Z", [["page_view"], ["complete", 60]], ids);
    const { overview } = expectDashboardsToEqualRawEvents(RANGE);
    expect(overview.views - first.views).toBe(3);
    expect(overview.visitors - first.visitors).toBe(2);
    expect(overview.completes - first.completes).toBe(2);
    expectSummariesToEqualRollups();
  });

  it("follow a rebuild of the rollups and stay the same after a privacy deletion", () => {
    const { episode } = buildDataset();
    const { db } = test.studio;
    const sqlite = test.studio.database.sqlite;
    const built = getOverview({ db, range: RANGE, timeZone: TIME_ZONE });

    // Rebuilt from the raw events (one visitor per piece, day and source; watch time, each
    // visitor's highest total): every rollup row deleted and written again.
    sqlite.transaction(() => {
      sqlite.prepare("delete from event_rollups").run();
      expect(getOverview({ db, range: RANGE, timeZone: TIME_ZONE })).toMatchObject({ views: 0, visitors: 0 });
      sqlite
        .prepare(
          `insert into event_rollups (piece_id, day, source, views, visitors, plays, progress_25, progress_50, progress_75, completes, form_starts, leads, downloads, watch_seconds)
           select piece_id, day, source, sum(type = 'page_view'), count(distinct visitor_hash), sum(type = 'play'),
             sum(type = 'progress_25'), sum(type = 'progress_50'), sum(type = 'progress_75'), sum(type = 'complete'),
             sum(type = 'form_start'), sum(type = 'lead'), sum(type = 'download'),
             (select coalesce(sum(watch), 0) from (select max(coalesce(watch_seconds, 0)) as watch from tracking_events w
               where w.piece_id = e.piece_id and w.day = e.day and w.source = e.source group by visitor_hash))
           from tracking_events e group by piece_id, day, source`,
        )
        .run();
    })();
    expect(getOverview({ db, range: RANGE, timeZone: TIME_ZONE })).toEqual(built);
    expectSummariesToEqualRollups();

    // A rollup row moved to another source and back moves in both summaries.
    const move = sqlite.prepare("update event_rollups set source = ? where piece_id = ? and source = ?");
    move.run("wechat-moments", episode.id, "kuaishou");
    expectSummariesToEqualRollups();
    move.run("kuaishou", episode.id, "wechat-moments");
    expectSummariesToEqualRollups();

    // A deletion request erases the person's number; the lead rows, and so every count, stay.
    const person = db.select().from(schema.leads).where(eq(schema.leads.pieceId, episode.id)).all()[1]!;
    const moved = getOverview({ db, range: RANGE, timeZone: TIME_ZONE });
    db.transaction((tx) =>
      eraseLeads({ tx, phoneHash: person.phoneHash!, now, reason: "delete", requestId: 1 }),
    );
    expect(db.select().from(schema.leads).where(isNotNull(schema.leads.erasedAt)).all()).toHaveLength(1);
    expect(getOverview({ db, range: RANGE, timeZone: TIME_ZONE })).toEqual(moved);
    expectDashboardsToEqualRawEvents(RANGE);
  });
});
