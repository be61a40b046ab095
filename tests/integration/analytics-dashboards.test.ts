import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { parseCsv } from "~/lib/csv";
import { schema } from "~/lib/db.server";
import type { AnalyticsTable } from "~/modules/analytics/analytics-table";
import type { CampaignFigures } from "~/modules/analytics/get-campaign-dashboard.server";
import type { ChannelFigures } from "~/modules/analytics/get-channel-dashboard.server";
import type { ColumnFigures } from "~/modules/analytics/get-column-dashboard.server";
import type { ShowFigures } from "~/modules/analytics/get-livestream-dashboard.server";
import type { Overview } from "~/modules/analytics/get-overview.server";
import type { OwnerFigures } from "~/modules/analytics/get-owner-dashboard.server";
import type { PieceDashboard } from "~/modules/analytics/get-piece-dashboard.server";
import { captureLead } from "~/modules/leads/capture-lead.server";
import { importPlatformCsv } from "~/modules/metrics-import/import-platform-csv.server";
import type { EventType } from "~/modules/tracking/event-types";
import { attributionFrom } from "~/modules/tracking/attribution";
import { recordEvents } from "~/modules/tracking/record-events.server";
import { loader as layoutLoader } from "~/routes/_app.analytics";
import { loader as overviewLoader } from "~/routes/_app.analytics._index";
import { loader as campaignsLoader } from "~/routes/_app.analytics.campaigns";
import { loader as channelsLoader } from "~/routes/_app.analytics.channels";
import { loader as columnsLoader } from "~/routes/_app.analytics.columns";
import { loader as exportLoader } from "~/routes/_app.analytics.export";
import { loader as livestreamsLoader } from "~/routes/_app.analytics.livestreams";
import { loader as ownersLoader } from "~/routes/_app.analytics.owners";
import { loader as pieceLoader } from "~/routes/_app.analytics.pieces.$id";
import {
  createTestStudio,
  getRequest,
  getStatus,
  respond,
  routeArgs,
  signedInUser,
  type TestStudio,
} from "../setup/test-studio";
import { channelByKey, setUpChannels } from "./calendar-helpers";

/**
 * The dashboards over a small hand-made month. Every figure below is counted by hand from the
 * dataset in `buildDataset` (events go through the product's own rollup writer, leads through the
 * lead capture, platform figures through the CSV import), so a wrong sum, a wrong denominator or
 * a platform figure added into a first-party one fails here.
 */
const NOW = new Date("2026-06-16T04:00:00Z");
const JUNE = "?from=2026-06-01&to=2026-06-16";

type Loader = (args: ReturnType<typeof routeArgs>) => Promise<unknown>;
type Step = [EventType, number?];

const PLAY_TO_END: Step[] = [["page_view"], ["play", 0], ["complete", 60]];
const PLAY_QUARTER: Step[] = [["page_view"], ["play", 0], ["progress_25", 15]];

let dataset: Awaited<ReturnType<typeof buildDataset>>;

async function buildDataset(studio: TestStudio["studio"]) {
  const { db, config } = studio;
  setUpChannels(studio);
  const analyst = await signedInUser(studio, ["analyst"]);
  const ownerA = await signedInUser(studio, ["copywriter"]);
  const ownerB = await signedInUser(studio, ["copywriter"]);
  db.update(schema.users).set({ name: "运营小王" }).where(eq(schema.users.id, ownerA.actor.id)).run();
  db.update(schema.users).set({ name: "运营小李" }).where(eq(schema.users.id, ownerB.actor.id)).run();

  const column = (slug: string, name: string, episodeTarget: number, viewsTarget: number | null) =>
    db
      .insert(schema.columns)
      .values({
        slug,
        name,
        episodeTarget,
        durationSeconds: 60,
        outroLine: "",
        viewsTargetPerEpisode: viewsTarget,
        mixCategory: "driving_tips",
      })
      .returning()
      .get().id;
  const night = column("night-repair", "深夜修车铺", 20, 300_000);
  const minute = column("one-minute", "一分钟识车", 30, null);
  const campaign = (month: number, name: string, target: string) =>
    db.insert(schema.campaigns).values({ year: 2026, month, name, theme: name, target }).returning().get().id;
  const may = campaign(5, "五一自驾节", "试驾率 55%，订单 120 台");
  const june = campaign(6, "年中粉丝日", "线索 40 条，订单 200 台");

  let n = 0;
  const piece = (
    kind: string,
    title: string,
    ownerId: number,
    extra: { columnId?: number; campaignId?: number; status?: string } = {},
  ) =>
    db
      .insert(schema.pieces)
      .values({
        kind,
        title,
        status: extra.status ?? "published",
        ownerId,
        columnId: extra.columnId ?? null,
        campaignId: extra.campaignId ?? null,
        slug: `dash-${++n}`,
        publishedAt: extra.status ? null : new Date("2026-05-01T00:00:00Z"),
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning()
      .get();
  const a = ownerA.actor.id;
  const b = ownerB.actor.id;
  const e1 = piece("episode", "深夜修车铺：刹车异响", a, { columnId: night, campaignId: june });
  const e2 = piece("episode", "深夜修车铺：更换原厂火花塞", a, { columnId: night, campaignId: may });
  const e3 = piece("episode", "深夜修车铺：空调异味", b, { columnId: night });
  const e4 = piece("episode", "深夜修车铺：轮胎鼓包", b, {
    columnId: night,
    campaignId: june,
    status: "draft",
  });
  const e5 = piece("episode", "一分钟识车：新款轿车", b, { columnId: minute });
  const book = piece("ebook", "老司机秘籍", a);
  const show = piece("livestream", "年中粉丝夜直播", b);

  const visit = (pieceId: number, src: string, visitor: string, day: string, steps: Step[]) =>
    db.transaction((tx) =>
      recordEvents({
        tx,
        pieceId,
        attribution: attributionFrom({ src }),
        visitorHash: visitor,
        day,
        events: steps.map(([type, watchSeconds]) => ({ id: `${visitor}-${day}-${++n}`, type, watchSeconds })),
        now: new Date(`${day}T04:00:00Z`),
      }),
    );
  // E1: 5 views, 4 visitors, 3 plays, 2 completes, 60 + 15 + 60 = 135 s watched (June).
  visit(e1.id, "douyin-main", "v1", "2026-06-10", [...PLAY_QUARTER, ["complete", 60]]);
  visit(e1.id, "douyin-main", "v2", "2026-06-10", PLAY_QUARTER);
  visit(e1.id, "kuaishou", "v3", "2026-06-11", PLAY_TO_END);
  visit(e1.id, "kuaishou", "v3", "2026-06-11", [["page_view"]]);
  visit(e1.id, "direct", "v4", "2026-06-12", [["page_view"]]);
  visit(e1.id, "douyin-main", "v5", "2026-05-20", [["page_view"], ["play", 0]]);
  // E2: 1 view, 1 play, no complete. E3: 1 view. E5: 2 views, 2 plays, 1 complete.
  visit(e2.id, "douyin-main", "v6", "2026-06-12", PLAY_QUARTER);
  visit(e3.id, "direct", "v7", "2026-06-13", [["page_view"]]);
  visit(e5.id, "kuaishou", "v8", "2026-06-14", PLAY_TO_END);
  visit(e5.id, "kuaishou", "v9", "2026-06-14", [["page_view"], ["play", 0]]);
  // The e-book's download page: 4 visitors; the show's lead page: 5 from its QR code, 1 direct.
  for (const v of ["b1", "b2", "b3"]) visit(book.id, "wechat-moments", v, "2026-06-15", [["page_view"]]);
  visit(book.id, "direct", "b4", "2026-06-15", [["page_view"], ["download"]]);
  const live = `live-${show.id}`;
  for (const v of ["l1", "l2", "l3", "l4", "l5"]) visit(show.id, live, v, "2026-06-16", [["page_view"]]);
  visit(show.id, "direct", "l6", "2026-06-16", [["page_view"]]);

  let phone = 13900000000;
  const lead = (slug: string, src: string, at: string) => {
    const captured = captureLead({
      db,
      dataKey: config.dataKey,
      downloadSecret: config.sessionSecret,
      input: { slug, phone: String(++phone), consent: true, src },
      now: new Date(at),
    } as Parameters<typeof captureLead>[0]);
    if (!captured.ok) throw new Error(captured.message);
  };
  lead(e1.slug, "douyin-main", "2026-06-10T03:00:00Z");
  lead(e1.slug, "kuaishou", "2026-06-11T03:00:00Z");
  lead(e1.slug, "douyin-main", "2026-05-20T03:00:00Z");
  lead(book.slug, "wechat-moments", "2026-06-15T03:00:00Z");
  lead(show.slug, live, "2026-06-16T02:00:00Z");
  lead(show.slug, "direct", "2026-06-16T02:30:00Z");

  const importer = await signedInUser(studio, ["analyst"]);
  const platformCsv = (platform: string, csv: string) => {
    const imported = importPlatformCsv({
      db,
      actor: importer.actor,
      now: NOW,
      timeZone: config.timeZone,
      bytes: new TextEncoder().encode(csv),
      fileName: `${platform}.csv`,
      platform,
      asOfDay: "2026-06-15",
      manual: new Map(),
      dryRun: false,
    });
    expect(imported).toMatchObject({ ok: true });
  };
  platformCsv("douyin-main", `作品标题,播放量,完播率\n${e1.title},600000,30%\n${e2.title},200000,20%\n`);
  platformCsv("kuaishou", `作品标题,播放量,完播率\n${e5.title},100000,15%\n`);

  let slotNo = 0;
  const post = (pieceId: number, channel: string, at: string) =>
    db
      .insert(schema.slots)
      .values({
        pieceId,
        channelId: channelByKey(studio, channel).id,
        publishAt: new Date(at),
        publishedAt: new Date(at),
        status: "published",
        idempotencyKey: `dash-slot-${++slotNo}`,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .run();
  post(e1.id, "douyin-main", "2026-06-02T02:00:00Z");
  post(e2.id, "douyin-main", "2026-06-03T02:00:00Z");
  post(e3.id, "douyin-main", "2026-06-04T02:00:00Z");
  post(e1.id, "kuaishou", "2026-06-05T02:00:00Z");
  post(e5.id, "kuaishou", "2026-06-06T02:00:00Z");
  post(book.id, "wechat-moments", "2026-06-07T02:00:00Z");
  post(e2.id, "douyin-service", "2026-05-28T02:00:00Z");

  return { analyst, ownerA, ownerB, night, minute, e1, e2, e3, e4, e5, book, show, live };
}

// The dashboards only read: one studio and one dataset serve every test of the file.
let test: TestStudio;
beforeAll(async () => {
  test = createTestStudio({ now: () => NOW });
  dataset = await buildDataset(test.studio);
});
afterAll(() => test.cleanup());

async function load<T>(loader: Loader, url: string, params: Record<string, string> = {}): Promise<T> {
  const answer = await respond(() =>
    loader(routeArgs(getRequest(url, { Cookie: dataset.analyst.cookie }), params)),
  );
  expect(answer.status).toBe(200);
  return (await answer.json()) as T;
}

const byKey = <T extends object>(rows: T[], key: keyof T): Record<string, T> =>
  Object.fromEntries(rows.map((row) => [String(row[key]), row]));

describe("dashboards over a hand-counted month", () => {
  it("per piece: views by source, plays, completion, average watch time, leads, lead rate; platform beside", async () => {
    const { dashboard } = await load<{ dashboard: PieceDashboard }>(
      pieceLoader,
      `/analytics/pieces/${dataset.e1.id}${JUNE}`,
      { id: String(dataset.e1.id) },
    );
    expect(dashboard.metrics).toMatchObject({
      views: 5,
      visitors: 4,
      plays: 3,
      completes: 2,
      completionRate: 2 / 3,
      avgWatchSeconds: 45,
      leads: 2,
      leadRate: 0.5,
    });
    expect(dashboard.metrics.bySource).toEqual([
      { source: "douyin-main", views: 2, visitors: 2, plays: 2, completes: 1, leads: 1 },
      { source: "kuaishou", views: 2, visitors: 1, plays: 1, completes: 1, leads: 1 },
      { source: "direct", views: 1, visitors: 1, plays: 0, completes: 0, leads: 0 },
    ]);
    // The platform's 600,000 plays stand beside the page's 3, never added to them.
    expect(dashboard.metrics.platform).toEqual([
      expect.objectContaining({ platform: "douyin-main", plays: 600_000, completionRate: 0.3 }),
    ]);
    expect(dashboard.funnel.map((step: { value: number }) => step.value)).toEqual([600_000, 5, 3, 2, 2]);
    const daily = byKey(dashboard.daily, "day");
    expect(dashboard.daily).toHaveLength(16);
    expect(daily["2026-06-10"]).toMatchObject({ views: 2, visitors: 2, plays: 2, completes: 1, leads: 1 });
    expect(daily["2026-06-11"]).toMatchObject({ views: 2, visitors: 1, plays: 1, completes: 1, leads: 1 });
    // The May visit and lead are outside the range.
    const may = await load<{ dashboard: PieceDashboard }>(
      pieceLoader,
      `/analytics/pieces/${dataset.e1.id}?from=2026-05-01&to=2026-05-31`,
      { id: String(dataset.e1.id) },
    );
    // A month's days are counted per quarter hour and put in their day (a range of over 24 days).
    expect(byKey(may.dashboard.daily, "day")["2026-05-20"]).toMatchObject({ views: 1, plays: 1, leads: 1 });
    expect(may.dashboard.daily.reduce((sum, d) => sum + d.leads, 0)).toBe(1);
    expect(may.dashboard.metrics).toMatchObject({
      views: 1,
      plays: 1,
      completes: 0,
      completionRate: 0,
      leads: 1,
    });
  });

  it("per column: episodes vs target, platform plays per episode vs 300,000, viral rate of measured episodes, completion", async () => {
    const { columns, tables } = await load<{ columns: ColumnFigures[]; tables: AnalyticsTable[] }>(
      columnsLoader,
      `/analytics/columns${JUNE}`,
    );
    const figures = byKey(columns, "name");
    expect(figures["深夜修车铺"]).toMatchObject({
      published: 3, // the draft episode is not counted
      episodeTarget: 20,
      platformPlays: 800_000,
      // 800,000 over the 2 episodes with imported figures, not over all 3.
      playsPerEpisode: 400_000,
      playsTarget: 300_000,
      viralEpisodes: 1,
      viralRate: 0.5,
      // First-party: completes 2 ÷ plays 4 of the column's landing pages.
      completionRate: 0.5,
      // The platform's own: (0.30 × 600,000 + 0.20 × 200,000) ÷ 800,000.
      platformCompletionRate: 0.275,
    });
    expect(figures["一分钟识车"]).toMatchObject({
      published: 1,
      episodeTarget: 30,
      platformPlays: 100_000,
      playsPerEpisode: 100_000,
      playsTarget: 300_000,
      viralEpisodes: 0,
      viralRate: 0,
      completionRate: 0.5,
      platformCompletionRate: 0.15,
    });
    const episodes = byKey(tables.find((table) => table.id === "episodes")!.rows, "title");
    expect(episodes[dataset.e3.title]).toMatchObject({
      platformPlays: null,
      views: 1,
      plays: 0,
      completionRate: null,
    });
    expect(episodes[dataset.e4.title]).toMatchObject({ status: "statuses.draft", views: 0, leads: 0 });
    expect(episodes[dataset.e1.title]).toMatchObject({ platformPlays: 600_000, plays: 3, leads: 2 });
  });

  it("per channel: posts, the platform's plays and viral rate of posts with figures, and the tracked links' visits and leads", async () => {
    const { channels } = await load<{ channels: ChannelFigures[] }>(
      channelsLoader,
      `/analytics/channels${JUNE}`,
    );
    const figures = byKey(channels, "key");
    expect(figures["douyin-main"]).toMatchObject({
      posts: 3,
      platformPlays: 800_000,
      viralPosts: 1,
      // 1 viral of the 2 posts the export has figures for (the third is not judged).
      viralRate: 0.5,
      views: 3,
      visitors: 3,
      plays: 3,
      completionRate: 1 / 3,
      leads: 1,
      leadRate: 1 / 3,
    });
    expect(figures["kuaishou"]).toMatchObject({
      posts: 2,
      platformPlays: 100_000,
      viralPosts: 0,
      viralRate: 0,
      views: 4,
      visitors: 3,
      plays: 3,
      completionRate: 2 / 3,
      leads: 1,
      leadRate: 1 / 3,
    });
    expect(figures["wechat-moments"]).toMatchObject({
      posts: 1,
      platformPlays: null,
      viralRate: null,
      views: 3,
      visitors: 3,
      leads: 1,
    });
    // The May post is outside the range.
    expect(figures["douyin-service"]).toMatchObject({ posts: 0, platformPlays: null, views: 0 });
  });

  it("per owner: short-video posts vs 60 and viral posts vs 3 in the month, with views and leads", async () => {
    const june = await load<{ owners: OwnerFigures[]; tables: AnalyticsTable[] }>(
      ownersLoader,
      "/analytics/owners?month=2026-06",
    );
    expect(june.owners).toEqual([
      expect.objectContaining({
        name: "运营小王",
        videoPosts: 3,
        viralPosts: 1,
        allPosts: 4,
        views: 10,
        leads: 3,
      }),
      expect.objectContaining({
        name: "运营小李",
        videoPosts: 2,
        viralPosts: 0,
        allPosts: 2,
        views: 9,
        leads: 2,
      }),
    ]);
    const columns = june.tables[0]!.columns;
    expect(columns.find((c) => c.key === "videoPosts")?.target).toBe(60);
    expect(columns.find((c) => c.key === "viralPosts")?.target).toBe(3);
    const may = await load<{ owners: OwnerFigures[] }>(ownersLoader, "/analytics/owners?month=2026-05");
    expect(may.owners).toEqual([
      expect.objectContaining({
        name: "运营小王",
        videoPosts: 1,
        viralPosts: 0,
        allPosts: 1,
        views: 1,
        leads: 1,
      }),
    ]);
  });

  it("per livestream: the show's leads over its lead page's visitors vs 6%", async () => {
    const { shows, tables } = await load<{ shows: ShowFigures[]; tables: AnalyticsTable[] }>(
      livestreamsLoader,
      "/analytics/livestreams",
    );
    // Leads from live-{id} (1 of the page's 2) ÷ the lead page's 6 unique visitors.
    expect(shows).toEqual([
      expect.objectContaining({ showId: dataset.show.id, visitors: 6, leads: 1, leadRate: 1 / 6 }),
    ]);
    expect(tables[0]!.columns.find((c) => c.key === "leadRate")?.target).toBe(0.06);
  });

  it("per campaign month vs the plan: the month's visitors and leads, progress against a lead target", async () => {
    const { campaigns } = await load<{ campaigns: CampaignFigures[] }>(
      campaignsLoader,
      "/analytics/campaigns?year=2026",
    );
    expect(campaigns).toEqual([
      expect.objectContaining({
        month: 5,
        pieces: 1,
        published: 1,
        views: 1,
        visitors: 1,
        leads: 1,
        leadRate: 1,
        leadTarget: null, // an order target is shown as written, not measured
        leadProgress: null,
      }),
      expect.objectContaining({
        month: 6,
        pieces: 2,
        published: 1,
        views: 19,
        visitors: 18,
        leads: 5,
        leadRate: 5 / 18,
        leadTarget: 40,
        leadProgress: 5 / 40,
      }),
    ]);
  });

  it("the overview: totals, the funnel from platform plays to leads, the download lead rate, platform figures never added", async () => {
    const { overview } = await load<{ overview: Overview }>(overviewLoader, `/analytics${JUNE}`);
    expect(overview).toMatchObject({
      views: 19,
      visitors: 18,
      plays: 6,
      completes: 3,
      completionRate: 0.5,
      leads: 5,
      leadRate: 5 / 18,
      platformPlays: 900_000,
      download: { visitors: 4, leads: 1, leadRate: 0.25, target: 0.35 },
    });
    expect(overview.funnel).toEqual([
      { stage: "platformPlays", value: 900_000 },
      { stage: "views", value: 19 },
      { stage: "plays", value: 6 },
      { stage: "completes", value: 3 },
      { stage: "leads", value: 5 },
    ]);
    const kinds = byKey(overview.tables[0].rows, "kind");
    expect(kinds["kinds.episode"]).toMatchObject({
      views: 9,
      visitors: 8,
      plays: 6,
      completionRate: 0.5,
      leads: 2,
    });
    expect(kinds["kinds.ebook"]).toMatchObject({
      views: 4,
      visitors: 4,
      plays: 0,
      completionRate: null,
      leads: 1,
    });
    expect(kinds["kinds.livestream"]).toMatchObject({ views: 6, visitors: 6, leads: 2, leadRate: 2 / 6 });
    const daily = byKey(overview.daily, "day");
    expect(daily["2026-06-16"]).toMatchObject({ views: 6, visitors: 6, leads: 2 });
    expect(overview.daily.reduce((sum: number, d: { leads: number }) => sum + d.leads, 0)).toBe(5);
  });

  it("every table's CSV export holds what the table holds, header in the reader's language", async () => {
    const zh = translator("zh");
    const views: [string, Loader, string, Record<string, string>, string][] = [
      ["overview", overviewLoader, "/analytics", {}, "&from=2026-06-01&to=2026-06-16"],
      ["columns", columnsLoader, "/analytics/columns", {}, "&from=2026-06-01&to=2026-06-16"],
      ["channels", channelsLoader, "/analytics/channels", {}, "&from=2026-06-01&to=2026-06-16"],
      ["owners", ownersLoader, "/analytics/owners", {}, "&month=2026-06"],
      ["livestreams", livestreamsLoader, "/analytics/livestreams", {}, ""],
      ["campaigns", campaignsLoader, "/analytics/campaigns", {}, "&year=2026"],
      [
        "piece",
        pieceLoader,
        `/analytics/pieces/${dataset.e1.id}`,
        { id: String(dataset.e1.id) },
        `&piece=${dataset.e1.id}&from=2026-06-01&to=2026-06-16`,
      ],
    ];
    let checked = 0;
    for (const [view, loader, path, params, query] of views) {
      const data = await load<{ tables?: AnalyticsTable[]; dashboard?: PieceDashboard; overview?: Overview }>(
        loader,
        `${path}?${query.slice(1)}`,
        params,
      );
      const tables = (data.dashboard ?? data.overview ?? data).tables ?? [];
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const answer = await respond(() =>
          exportLoader(
            routeArgs(
              getRequest(`/analytics/export?view=${view}&table=${table.id}${query}`, {
                Cookie: dataset.analyst.cookie,
              }),
            ),
          ),
        );
        expect(answer.status, `${view}/${table.id}`).toBe(200);
        expect(answer.headers.get("Content-Type")).toContain("text/csv");
        const parsed = parseCsv((await answer.text()).replace(/^\uFEFF/, ""));
        if (!parsed.ok) throw new Error(`${view}/${table.id}: ${parsed.problem}`);
        const [header, ...rows] = parsed.records.map((record) => record.fields);
        expect(header).toEqual(table.columns.map((column) => zh(column.label)));
        expect(rows, `${view}/${table.id}`).toEqual(
          table.rows.map((row) =>
            table.columns.map((column) => {
              const value = row[column.key];
              if (value === null || value === undefined) return "";
              if (column.kind === "label") return zh(String(value));
              if (column.kind === "percent") return `${(Number(value) * 100).toFixed(1)}%`;
              if (column.kind === "seconds") return Number(value).toFixed(1);
              return String(value);
            }),
          ),
        );
        checked += 1;
      }
    }
    expect(checked).toBe(2 + 2 + 1 + 1 + 1 + 1 + 3);

    // One row spelt out: 抖音主号 in June as an analyst's spreadsheet shows it.
    const channels = await respond(() =>
      exportLoader(
        routeArgs(
          getRequest(`/analytics/export?view=channels&table=channels${JUNE.replace("?", "&")}`, {
            Cookie: dataset.analyst.cookie,
          }),
        ),
      ),
    );
    expect((await channels.text()).split("\r\n")).toContain("抖音主号,3,800000,1,50.0%,3,3,3,33.3%,1,33.3%");
  });
});

describe("dashboard access and bad queries", () => {
  const pages: [Loader, string, Record<string, string>?][] = [
    [layoutLoader, "/analytics"],
    [overviewLoader, "/analytics"],
    [columnsLoader, "/analytics/columns"],
    [channelsLoader, "/analytics/channels"],
    [ownersLoader, "/analytics/owners"],
    [livestreamsLoader, "/analytics/livestreams"],
    [campaignsLoader, "/analytics/campaigns"],
    [exportLoader, "/analytics/export?view=overview&table=kinds"],
  ];

  it("a role without analytics.read gets 403 on every page and export; no session is sent to sign in", async () => {
    const piece: [Loader, string, Record<string, string>] = [
      pieceLoader,
      `/analytics/pieces/${dataset.e1.id}`,
      { id: String(dataset.e1.id) },
    ];
    for (const [loader, url, params] of [...pages, piece]) {
      expect(await getStatus(loader, url, dataset.ownerA.cookie, params), url).toBe(403);
      const anonymous = await respond(() => loader(routeArgs(getRequest(url), params ?? {})));
      expect(anonymous.status, url).toBe(302);
      expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("refuses a reversed or malformed range, a bad month or year, an unknown piece or table", async () => {
    const cookie = dataset.analyst.cookie;
    expect(await getStatus(overviewLoader, "/analytics?from=2026-06-20&to=2026-06-01", cookie)).toBe(400);
    expect(await getStatus(columnsLoader, "/analytics/columns?from=2026-02-30", cookie)).toBe(400);
    expect(await getStatus(ownersLoader, "/analytics/owners?month=2026-13", cookie)).toBe(400);
    expect(await getStatus(campaignsLoader, "/analytics/campaigns?year=abc", cookie)).toBe(400);
    expect(await getStatus(pieceLoader, "/analytics/pieces/999999", cookie, { id: "999999" })).toBe(404);
    expect(await getStatus(exportLoader, "/analytics/export?view=overview&table=nope", cookie)).toBe(404);
    expect(await getStatus(exportLoader, "/analytics/export?view=secret&table=kinds", cookie)).toBe(400);
    expect(await getStatus(exportLoader, "/analytics/export?view=piece&table=sources", cookie)).toBe(400);
    expect(
      await getStatus(exportLoader, `/analytics/export?view=overview&table=${"x".repeat(41)}`, cookie),
    ).toBe(400);
  });
});
