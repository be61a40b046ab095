import { describe, expect, it } from "vitest";
import { importPlatformCsv } from "~/modules/metrics-import/import-platform-csv.server";
import { action as leadsAction } from "~/routes/api.v1.leads";
import { loader as metricsLoader } from "~/routes/api.v1.pieces.$id.metrics";
import {
  getRequest,
  getStatus,
  jsonRequest,
  respond,
  routeArgs,
  signedInUser,
  withTestStudio,
} from "../setup/test-studio";
import { setUpChannels } from "./calendar-helpers";
import { eventId, postEvents, publishedPiece } from "./tracking-helpers";

const t = withTestStudio({ now: () => new Date("2026-06-16T04:00:00Z") });

async function metrics(pieceId: number, cookie: string, query = "") {
  const answer = await respond(() =>
    metricsLoader(
      routeArgs(getRequest(`/api/v1/pieces/${pieceId}/metrics${query}`, { Cookie: cookie }), {
        id: String(pieceId),
      }),
    ),
  );
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

describe("GET /api/v1/pieces/{id}/metrics", () => {
  it("reports views, plays, completion rate, watch time, leads and lead rate by source; platform figures beside, not added", async () => {
    const piece = await publishedPiece(t.studio, { kind: "episode", title: "深夜修车铺：刹车片更换" });
    const watch = (src: string, ip: string, complete: boolean) =>
      postEvents(
        {
          slug: piece.slug,
          src,
          events: [
            { id: eventId(), type: "page_view" },
            { id: eventId(), type: "play", watchSeconds: 0 },
            { id: eventId(), type: "progress_25", watchSeconds: 15 },
            ...(complete ? [{ id: eventId(), type: "complete", watchSeconds: 60 }] : []),
          ],
        },
        { ip },
      );
    await watch("douyin-main", "203.0.113.1", true);
    await watch("douyin-main", "203.0.113.2", false);
    await watch("kuaishou", "203.0.113.3", false);
    await watch("kuaishou", "203.0.113.4", false);
    const lead = await respond(() =>
      leadsAction(
        routeArgs(
          jsonRequest("/api/v1/leads", "POST", {
            slug: piece.slug,
            phone: "13800001111",
            consent: true,
            src: "douyin-main",
          }),
          {},
          "203.0.113.1",
        ),
      ),
    );
    expect(lead.status).toBe(201);
    setUpChannels(t.studio);
    const csv = `作品标题,播放量,完播率\n${piece.title},120000,23.5%\n`;
    const editor = await signedInUser(t.studio, ["editor"]);
    const imported = importPlatformCsv({
      db: t.studio.db,
      actor: editor.actor,
      now: t.studio.now(),
      timeZone: "Asia/Shanghai",
      bytes: new TextEncoder().encode(csv),
      fileName: "douyin.csv",
      platform: "douyin-main",
      asOfDay: "2026-06-15",
      manual: new Map(),
      dryRun: false,
    });
    expect(imported).toMatchObject({ ok: true });

    const analyst = await signedInUser(t.studio, ["analyst"]);
    const { status, body } = await metrics(piece.id, analyst.cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      views: 4,
      visitors: 4,
      plays: 4,
      completes: 1,
      completionRate: 0.25,
      leads: 1,
      leadRate: 0.25,
      // (60 + 15 + 15 + 15) seconds over 4 plays.
      avgWatchSeconds: 26.3,
    });
    expect(body.bySource).toEqual([
      { source: "douyin-main", views: 2, visitors: 2, plays: 2, completes: 1, leads: 1 },
      { source: "kuaishou", views: 2, visitors: 2, plays: 2, completes: 0, leads: 0 },
    ]);
    expect(body.platform).toEqual([
      expect.objectContaining({ platform: "douyin-main", plays: 120000, completionRate: 0.235 }),
    ]);

    const empty = await metrics(piece.id, analyst.cookie, "?from=2026-06-17&to=2026-06-30");
    expect(empty.body).toMatchObject({ views: 0, plays: 0, completionRate: null, leads: 0, leadRate: null });
  });

  it("refuses a bad range, an unknown piece and a role without analytics", async () => {
    const piece = await publishedPiece(t.studio);
    const analyst = await signedInUser(t.studio, ["analyst"]);
    expect((await metrics(piece.id, analyst.cookie, "?from=2026-13-01")).status).toBe(400);
    expect((await metrics(piece.id, analyst.cookie, "?from=2026-06-20&to=2026-06-01")).status).toBe(400);
    expect((await metrics(999_999, analyst.cookie)).status).toBe(404);
    const copywriter = await signedInUser(t.studio, ["copywriter"]);
    expect(
      await getStatus(metricsLoader, `/api/v1/pieces/${piece.id}/metrics`, copywriter.cookie, {
        id: String(piece.id),
      }),
    ).toBe(403);
  });
});
