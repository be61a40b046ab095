// The dashboard loaders over a year of 10 million landing-page events (`npm run bench -- ingest`
// runs it after the endpoint's load test; BENCH_DASHBOARD_EVENTS sets another size).
//
// A temporary studio is filled on the fast bulk path: raw events through one prepared insert in
// one transaction a day, and the piece × day × source rollups added up in memory by the rules
// recordEvents applies (a visitor counts once per row, watch time is the growth of each visitor's
// reported total, so its maximum), written beside them. Each loader is then timed with its
// page's default query (median of 7) against a baseline measured in the same run (median of 3):
// the same first-party figures computed from the raw events table. The overview's totals must
// equal the baseline's.
// Goal: every loader under 100 ms.
//
// Alone, on a kept database (seeded on the first run, reused and migrated by later ones):
//   BENCH_DASHBOARD_DIR=/tmp/bench-year npx tsx scripts/bench/ingest/dashboards.ts
// BENCH_DASHBOARD_RAW=0 skips the raw-event baselines (the totals check still runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { addDays, daysBetween, monthDays, parseWallClock } from "../../../app/lib/dates";
import { createStudio, type Studio } from "../../../app/lib/studio.server";
import { DEFAULT_RANGE_DAYS, todayOf, type DayRange } from "../../../app/modules/analytics/dashboard-range";
import { getCampaignDashboard } from "../../../app/modules/analytics/get-campaign-dashboard.server";
import { getChannelDashboard } from "../../../app/modules/analytics/get-channel-dashboard.server";
import { getColumnDashboard } from "../../../app/modules/analytics/get-column-dashboard.server";
import { getLivestreamDashboard } from "../../../app/modules/analytics/get-livestream-dashboard.server";
import { getOverview } from "../../../app/modules/analytics/get-overview.server";
import { getOwnerDashboard } from "../../../app/modules/analytics/get-owner-dashboard.server";
import { getPieceDashboard } from "../../../app/modules/analytics/get-piece-dashboard.server";
import { applyCalendarChannels } from "../../../db/seed-calendar";
import { CAMPAIGNS } from "../../../db/seed";
import { medianMs, report, type BenchRow } from "../bench-utils";

const TIME_ZONE = "Asia/Shanghai";
const DAY_MS = 86_400_000;
/** Pieces with a landing page, by kind: about a year of the plan's output that carries links. */
const KINDS: [kind: string, count: number][] = [
  ["episode", 700],
  ["poster", 250],
  ["article", 100],
  ["livestream", 96],
  ["ebook", 6],
  ["handbook", 4],
];
/** A piece's traffic fades after it is published (mean life in days). */
const LIFE_DAYS = 20;
/** Share of a kind's visits that leave a number. */
const LEAD_SHARE: Record<string, number> = { ebook: 0.3, handbook: 0.1, livestream: 0.08, poster: 0.03 };

/** Deterministic pseudo-random numbers (mulberry32), so two runs seed the same year. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sourcesOf(kind: string, id: number): string[] {
  switch (kind) {
    case "episode":
      return ["douyin-main", "kuaishou", "wechat-channels", "douyin-service", "direct"];
    case "poster":
    case "handbook":
      return [`poster-${id}-c${id % 7}`, "wechat-moments", "direct"];
    case "ebook":
      return [`ebook-${id}`, "wechat-official", "direct"];
    case "livestream":
      return [`live-${id}`, "douyin-main", "direct"];
    default:
      return ["wechat-official", "yiche", "autohome", "direct"];
  }
}

interface BenchPiece {
  id: number;
  kind: string;
  publishedDay: number;
  weight: number;
  sources: string[];
}

interface Counters {
  views: number;
  visitors: number;
  plays: number;
  p25: number;
  p50: number;
  p75: number;
  completes: number;
  formStarts: number;
  leads: number;
  downloads: number;
  watch: number;
}

/** Fills a fresh studio with a year of pieces, posts, platform imports, events, rollups and leads. */
export function seedYear(studio: Studio, totalEvents: number) {
  const sqlite = studio.database.sqlite;
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -400000");
  const next = random(20261203);
  const now = studio.now();
  const today = todayOf(now, TIME_ZONE);
  const days = daysBetween(addDays(today, -364), today);
  const dayStart = days.map((day) => parseWallClock(day, TIME_ZONE).getTime());
  const at = now.getTime();

  const pieces: BenchPiece[] = [];
  const shows: number[] = [];
  sqlite.transaction(() => {
    studio.db.transaction((tx) => applyCalendarChannels(tx, { now, users: new Map() }));
    const user = sqlite.prepare(
      "insert into users (email, name, roles, password_hash, created_at, updated_at) values (?, ?, ?, 'x', ?, ?)",
    );
    const owners = ["运营甲", "运营乙", "设计丙"].map((name, i) =>
      Number(user.run(`bench${i}@bench.local`, name, '["copywriter"]', at, at).lastInsertRowid),
    );
    const column = sqlite.prepare(
      "insert into columns (slug, name, episode_target, duration_seconds, outro_line, views_target_per_episode, mix_category) values (?, ?, ?, 60, '', ?, 'driving_tips')",
    );
    const columns = [
      Number(column.run("bench-minute", "一分钟识车", 30, null).lastInsertRowid),
      Number(column.run("bench-night", "深夜修车铺", 20, 300_000).lastInsertRowid),
    ];
    const year = Number(today.slice(0, 4));
    const campaign = sqlite.prepare(
      "insert into campaigns (year, month, name, theme, target) values (?, ?, ?, ?, ?)",
    );
    const campaignOf = new Map<string, number>();
    for (const y of [year - 1, year])
      for (const c of CAMPAIGNS)
        campaignOf.set(
          `${y}-${String(c.month).padStart(2, "0")}`,
          Number(campaign.run(y, c.month, c.name, c.theme, c.target).lastInsertRowid),
        );
    const channelId = new Map(
      (sqlite.prepare("select id, key from channels").all() as { id: number; key: string }[]).map((c) => [
        c.key,
        c.id,
      ]),
    );
    const piece = sqlite.prepare(
      "insert into pieces (kind, title, status, owner_id, campaign_id, column_id, body, slug, version, published_at, created_at, updated_at) values (?, ?, 'published', ?, ?, ?, '', ?, 1, ?, ?, ?)",
    );
    const slot = sqlite.prepare(
      "insert into slots (piece_id, channel_id, publish_at, status, published_at, idempotency_key, created_at, updated_at) values (?, ?, ?, 'published', ?, ?, ?, ?)",
    );
    const show = sqlite.prepare(
      "insert into livestream_shows (piece_id, scheduled_at, planned_minutes, host_chars_per_minute, created_at, updated_at) values (?, ?, 120, 240, ?, ?)",
    );
    let n = 0;
    let episodes = 0;
    for (const [kind, count] of KINDS) {
      for (let i = 0; i < count; i++) {
        const publishedDay = Math.floor(next() * days.length);
        const published = dayStart[publishedDay]! + 10 * 3_600_000;
        const inColumn = kind === "episode" && episodes < 50 ? columns[episodes++ % 2]! : null;
        const owner = kind === "episode" ? owners[i % 2]! : owners[2]!;
        const id = Number(
          piece.run(
            kind,
            `${kind} ${++n}`,
            owner,
            campaignOf.get(days[publishedDay]!.slice(0, 7)) ?? null,
            inColumn,
            `bench-${n}`,
            published,
            published,
            published,
          ).lastInsertRowid,
        );
        const sources = sourcesOf(kind, id);
        for (const key of sources.filter((s) => channelId.has(s)).slice(0, 2))
          slot.run(
            id,
            channelId.get(key),
            published,
            published,
            `bench-slot-${id}-${key}`,
            published,
            published,
          );
        if (kind === "livestream") {
          show.run(id, published, published, published);
          shows.push(id);
        }
        // A few posts take off: a long tail of weights.
        pieces.push({ id, kind, publishedDay, weight: 1 / (0.02 + next()), sources });
      }
    }
    platformImports(studio, pieces, days, owners[0]!, next);
  })();

  // Each piece's share of a day: its weight, fading with the days since it was published.
  const fade = (piece: BenchPiece, day: number) =>
    day < piece.publishedDay ? 0 : piece.weight * Math.exp(-(day - piece.publishedDay) / LIFE_DAYS);
  let totalWeight = 0;
  for (const piece of pieces) for (let d = 0; d < days.length; d++) totalWeight += fade(piece, d);
  // About 2.38 events a visit on average (measured over this mix), so the year lands near the total.
  const visitsPerWeight = totalEvents / 2.38 / totalWeight;

  const insertEvent = sqlite.prepare(
    "insert into tracking_events (event_id, piece_id, type, source, visitor_hash, day, watch_seconds, at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertRollup = sqlite.prepare(
    "insert into event_rollups (piece_id, day, source, views, visitors, plays, progress_25, progress_50, progress_75, completes, form_starts, leads, downloads, watch_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertLead = sqlite.prepare(
    "insert into leads (piece_id, source, phone_masked, phone_hash, consent_version, consent_hash, consent_at, status, version, created_at, updated_at) values (?, ?, '170****0000', ?, 'bench', 'bench', ?, 'new', 1, ?, ?)",
  );
  let events = 0;
  let visitNo = 0;
  let leadNo = 0;
  const seedDay = sqlite.transaction((d: number) => {
    const day = days[d]!;
    for (const piece of pieces) {
      const expected = fade(piece, d) * visitsPerWeight;
      const visits = Math.floor(expected) + (next() < expected % 1 ? 1 : 0);
      if (visits === 0) continue;
      const rollups = new Map<string, Counters>();
      for (let v = 0; v < visits; v++) {
        const source = piece.sources[Math.floor(next() * piece.sources.length)]!;
        const visitor = (++visitNo).toString(16).padStart(12, "0");
        const when = dayStart[d]! + Math.floor(next() * DAY_MS);
        let row = rollups.get(source);
        if (!row)
          rollups.set(
            source,
            (row = {
              views: 0,
              visitors: 0,
              plays: 0,
              p25: 0,
              p50: 0,
              p75: 0,
              completes: 0,
              formStarts: 0,
              leads: 0,
              downloads: 0,
              watch: 0,
            }),
          );
        row.visitors += 1;
        let watched = 0;
        const add = (type: string, counter: keyof Counters, watch: number | null = null) => {
          insertEvent.run(
            (events++).toString(36).padStart(8, "0"),
            piece.id,
            type,
            source,
            visitor,
            day,
            watch,
            when,
          );
          row![counter] += 1;
          if (watch !== null) watched = Math.max(watched, watch);
        };
        add("page_view", "views");
        if ((piece.kind === "episode" || piece.kind === "livestream") && next() < 0.7) {
          const reach = next();
          add("play", "plays", 0);
          if (reach > 0.3) add("progress_25", "p25", 15);
          if (reach > 0.5) add("progress_50", "p50", 30);
          if (reach > 0.65) add("progress_75", "p75", 45);
          if (reach > 0.72) add("complete", "completes", 60);
        }
        if ((piece.kind === "ebook" || piece.kind === "handbook") && next() < 0.3)
          add("download", "downloads");
        if (next() < (LEAD_SHARE[piece.kind] ?? 0.01)) {
          add("form_start", "formStarts");
          add("lead", "leads");
          const leadAt = when + 60_000;
          insertLead.run(piece.id, source, `bench-${++leadNo}`, leadAt, leadAt, leadAt);
        }
        row.watch += watched;
      }
      for (const [source, r] of rollups)
        insertRollup.run(
          piece.id,
          day,
          source,
          r.views,
          r.visitors,
          r.plays,
          r.p25,
          r.p50,
          r.p75,
          r.completes,
          r.formStarts,
          r.leads,
          r.downloads,
          r.watch,
        );
    }
  });
  for (let d = 0; d < days.length; d++) seedDay(d);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  const busiest = sqlite
    .prepare(
      "select piece_id as id from event_rollups where day >= ? group by piece_id order by sum(views) desc limit 1",
    )
    .get(days[days.length - DEFAULT_RANGE_DAYS]) as { id: number };
  return { events, leads: leadNo, pieces: pieces.length, today, busiest: busiest.id, shows };
}

/** A platform export a month for 抖音主号 and 快手: each episode's plays so far, as the platforms count. */
function platformImports(
  studio: Studio,
  pieces: BenchPiece[],
  days: string[],
  ownerId: number,
  next: () => number,
) {
  const sqlite = studio.database.sqlite;
  const at = studio.now().getTime();
  const imp = sqlite.prepare(
    "insert into metric_imports (platform, file_name, encoding, as_of_day, row_count, status, created_by, applied_at, created_at, updated_at) values (?, 'bench.csv', 'utf-8', ?, ?, 'applied', ?, ?, ?, ?)",
  );
  const row = sqlite.prepare(
    "insert into platform_metrics (import_id, row_number, piece_id, platform, as_of_day, plays, completion_rate) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const monthEnds = [...new Set(days.map((day) => day.slice(0, 7)))].map((month) => monthDays(month).to);
  for (const platform of ["douyin-main", "kuaishou"])
    for (const asOf of monthEnds) {
      const dayIndex = days.indexOf(asOf) === -1 ? days.length - 1 : days.indexOf(asOf);
      const mine = pieces.filter((p) => p.kind === "episode" && p.publishedDay <= dayIndex);
      const id = Number(imp.run(platform, asOf, mine.length, ownerId, at, at, at).lastInsertRowid);
      mine.forEach((p, i) =>
        row.run(
          id,
          i + 1,
          p.id,
          platform,
          asOf,
          Math.round(p.weight * 9_000 * (0.5 + next())),
          0.1 + next() * 0.3,
        ),
      );
    }
}

/** Milliseconds since the epoch of the studio-time-zone day range's first and last instants. */
function instants(range: DayRange): [number, number] {
  return [
    parseWallClock(range.from, TIME_ZONE).getTime(),
    parseWallClock(addDays(range.to, 1), TIME_ZONE).getTime() - 1,
  ];
}

type Seeded = ReturnType<typeof seedYear>;

/**
 * The studio to time: a fresh temporary one seeded now, or, with BENCH_DASHBOARD_DIR, a kept one
 * (seeded on the first run, reused by later runs, and migrated to the current schema on opening,
 * so a migration's cost on a big database shows as `openSeconds`).
 */
function benchStudio(totalEvents: number) {
  const keep = process.env.BENCH_DASHBOARD_DIR;
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "bench-dashboards-"));
  const seedFile = path.join(dir, "bench-seed.json");
  const reuse = Boolean(keep) && fs.existsSync(seedFile);
  if (keep) fs.mkdirSync(dir, { recursive: true });
  const opening = performance.now();
  const studio = createStudio({ dataDir: dir });
  const openSeconds = (performance.now() - opening) / 1000;
  if (reuse) {
    const kept = JSON.parse(fs.readFileSync(seedFile, "utf8")) as Seeded & { seedSeconds: number };
    return { dir, studio, seeded: kept as Seeded, seedSeconds: kept.seedSeconds, openSeconds, keep: true };
  }
  const started = performance.now();
  const seeded = seedYear(studio, totalEvents);
  const seedSeconds = (performance.now() - started) / 1000;
  if (keep) fs.writeFileSync(seedFile, JSON.stringify({ ...seeded, seedSeconds }));
  // The loaders are timed on the database reopened, as a server meets it after a start: the
  // seeding connection's cache and the garbage of ten million generated events made the first
  // loader of a fresh seed up to twice as slow as on any later run.
  studio.database.sqlite.close();
  return {
    dir,
    studio: createStudio({ dataDir: dir }),
    seeded,
    seedSeconds,
    openSeconds,
    keep: Boolean(keep),
  };
}

export async function runDashboardBench(): Promise<void> {
  const totalEvents = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 10_000_000);
  const { dir, studio, seeded, seedSeconds, openSeconds, keep } = benchStudio(totalEvents);
  try {
    const { db } = studio;
    const sqlite = studio.database.sqlite;
    const range: DayRange = { from: addDays(seeded.today, -(DEFAULT_RANGE_DAYS - 1)), to: seeded.today };
    const month = monthDays(seeded.today.slice(0, 7));
    const year = Number(seeded.today.slice(0, 4));
    const [start, end] = instants(range);
    const [monthStart, monthEnd] = instants(month);
    const [yearStart, yearEnd] = instants({ from: `${year}-01-01`, to: `${year}-12-31` });

    // The first-party figures of each page, straight from the raw events (one visitor per
    // piece, day and source, as the rollups count them) and the leads table.
    const figures = `sum(type = 'page_view') as views, count(distinct visitor_hash || day || source) as visitors, sum(type = 'play') as plays, sum(type = 'complete') as completes`;
    const raw = {
      overview: sqlite.prepare(
        `select piece_id, ${figures} from tracking_events where at between ? and ? group by piece_id`,
      ),
      leadsByPiece: sqlite.prepare(
        "select piece_id, count(*) as n from leads where created_at between ? and ? group by piece_id",
      ),
      columns: sqlite.prepare(
        `select piece_id, ${figures} from tracking_events where piece_id in (select id from pieces where column_id is not null) and at between ? and ? group by piece_id`,
      ),
      channels: sqlite.prepare(
        `select source, ${figures} from tracking_events where at between ? and ? group by source`,
      ),
      shows: sqlite.prepare(
        `select piece_id, count(distinct visitor_hash || day || source) as visitors from tracking_events where piece_id in (select id from pieces where kind = 'livestream') group by piece_id`,
      ),
      months: sqlite.prepare(
        `select substr(day, 1, 7) as month, ${figures} from tracking_events where at between ? and ? group by month`,
      ),
      piece: sqlite.prepare(
        `select source, ${figures} from tracking_events where piece_id = ? and at between ? and ? group by source`,
      ),
    };
    const cases: { name: string; loader: () => unknown; baseline: () => unknown }[] = [
      {
        name: "overview (90 days)",
        loader: () => getOverview({ db, range, timeZone: TIME_ZONE }),
        baseline: () => [raw.overview.all(start, end), raw.leadsByPiece.all(start, end)],
      },
      {
        name: "columns (90 days)",
        loader: () => getColumnDashboard({ db, range, timeZone: TIME_ZONE }),
        baseline: () => raw.columns.all(start, end),
      },
      {
        name: "channels (90 days)",
        loader: () => getChannelDashboard({ db, range, timeZone: TIME_ZONE }),
        baseline: () => raw.channels.all(start, end),
      },
      {
        name: "owners (this month)",
        loader: () => getOwnerDashboard({ db, month: seeded.today.slice(0, 7), timeZone: TIME_ZONE }),
        baseline: () => [raw.overview.all(monthStart, monthEnd), raw.leadsByPiece.all(monthStart, monthEnd)],
      },
      {
        name: `livestreams (${seeded.shows.length} shows, whole life)`,
        loader: () => getLivestreamDashboard({ db }),
        baseline: () => raw.shows.all(),
      },
      {
        name: "campaigns (this year)",
        loader: () => getCampaignDashboard({ db, year, timeZone: TIME_ZONE }),
        baseline: () => raw.months.all(yearStart, yearEnd),
      },
      {
        name: "busiest piece (90 days)",
        loader: () => getPieceDashboard({ db, pieceId: seeded.busiest, range, timeZone: TIME_ZONE }),
        baseline: () => raw.piece.all(seeded.busiest, start, end),
      },
    ];

    // The rollups hold what the raw events hold: the overview's totals against the baseline's.
    const overview = getOverview({ db, range, timeZone: TIME_ZONE });
    const rawTotals = { views: 0, visitors: 0, plays: 0, completes: 0 };
    for (const row of raw.overview.all(start, end) as (typeof rawTotals)[])
      for (const key of Object.keys(rawTotals) as (keyof typeof rawTotals)[]) rawTotals[key] += row[key];
    const same =
      overview.views === rawTotals.views &&
      overview.visitors === rawTotals.visitors &&
      overview.plays === rawTotals.plays &&
      overview.completes === rawTotals.completes;
    if (!same)
      throw new Error(`the rollups disagree with the raw events: ${JSON.stringify({ overview, rawTotals })}`);

    const rows: BenchRow[] = [];
    for (const { name, loader, baseline } of cases) {
      // The loaders' median of 7 (after a warm-up); the raw scans take seconds, so 3 of those.
      // BENCH_DASHBOARD_RAW=0 skips the raw scans (the loaders alone, for quick repeats).
      const times = {
        measured: await medianMs(loader, 7),
        baseline: process.env.BENCH_DASHBOARD_RAW === "0" ? Number.NaN : await medianMs(baseline, 3),
      };
      rows.push({
        name,
        "loader ms": Number(times.measured.toFixed(1)),
        "raw events ms": Number(times.baseline.toFixed(1)),
        "raw ÷ loader": Number((times.baseline / times.measured).toFixed(1)),
        "< 100 ms": times.measured < 100 ? "yes" : "NO",
      });
    }
    const rollupRows = (sqlite.prepare("select count(*) as n from event_rollups").get() as { n: number }).n;
    report("ingest-dashboards", rows, {
      events: seeded.events,
      rollupRows,
      leads: seeded.leads,
      pieces: seeded.pieces,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      reusedSeed: keep,
      openSeconds: Number(openSeconds.toFixed(1)),
      databaseBytes: fs.statSync(path.join(dir, "studio.sqlite")).size,
      goalMs: 100,
      overviewTotalsEqualRawEvents: same,
    });
    console.log(
      `${seeded.events} events, ${rollupRows} rollup rows, ${seeded.leads} leads, ${seeded.pieces} pieces; seeded in ${seedSeconds.toFixed(0)} s; overview totals equal the raw events'.`,
    );
    sqlite.close();
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: the dashboards part without the endpoint's load test (see the top of the file).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await runDashboardBench();
