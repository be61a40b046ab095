import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { duplicateShow } from "~/modules/livestream/duplicate-show.server";
import { loadShow, productRows } from "~/modules/livestream/show-rows.server";
import { listScriptLines } from "~/modules/media/episode-rows.server";
import { saveEpisodeScript } from "~/modules/media/save-episode-script.server";
import { action as episodeAction } from "~/routes/_app.episodes.$id";
import { action as showAction } from "~/routes/_app.livestreams.$id._index";
import { auditRows } from "../setup/audit-entries";
import { rowCount } from "../setup/row-count";
import { formRequest, respond, routeArgs, signedInUser, withTestStudio } from "../setup/test-studio";
import { createDemoShow } from "./livestream-helpers";
import { createEpisodeViaPage, insertTestColumn } from "./media-helpers";

const t = withTestStudio();

const pieceRow = (id: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()!;

const post = (
  action: typeof episodeAction,
  url: string,
  id: number,
  fields: Record<string, string>,
  cookie: string,
) => respond(() => action(routeArgs(formRequest(url, fields, cookie), { id: String(id) })));

describe("duplicating an episode or a livestream script", () => {
  it("copies an episode's script and column into a new draft of the caller's, without its footage or renders", async () => {
    const owner = await signedInUser(t.studio, ["copywriter"]);
    const other = await signedInUser(t.studio, ["copywriter"]);
    const analyst = await signedInUser(t.studio, ["analyst"]);
    const columnId = insertTestColumn(t, 8);
    const id = await createEpisodeViaPage(columnId, owner.cookie, "上周的轩逸");
    const lines = [
      { voiceover: "轩逸油耗低", caption: "油耗低", shotNote: "仪表盘", seconds: 2 },
      { voiceover: "座椅舒服", caption: "", shotNote: "", seconds: 2 },
    ];
    const db = t.studio.db;
    expect(
      saveEpisodeScript({
        db,
        actor: owner.actor,
        pieceId: id,
        input: { version: 1, lines },
        now: t.studio.now(),
      }).ok,
    ).toBe(true);

    const before = rowCount(t.studio, schema.pieces);
    const refused = await post(episodeAction, `/episodes/${id}`, id, { intent: "duplicate" }, analyst.cookie);
    expect(refused.status).toBe(403);
    expect(rowCount(t.studio, schema.pieces)).toBe(before);

    const res = await post(episodeAction, `/episodes/${id}`, id, { intent: "duplicate" }, other.cookie);
    expect(res.status).toBe(302);
    const copyId = Number(res.headers.get("Location")!.split("/").pop());
    expect(copyId).not.toBe(id);
    expect(pieceRow(copyId)).toMatchObject({
      kind: "episode",
      status: "draft",
      ownerId: other.actor.id,
      columnId,
      title: "上周的轩逸（副本）",
      version: 1,
    });
    expect(listScriptLines(db, copyId)).toEqual(lines);
    const assets = (pieceId: number) =>
      db.select().from(schema.mediaAssets).where(eq(schema.mediaAssets.pieceId, pieceId)).all();
    expect(assets(copyId)).toEqual([]);
    const [audit] = auditRows(t.studio, "episode.duplicate");
    expect(audit).toMatchObject({ entityId: String(copyId), actorId: other.actor.id });

    // Independent: editing the copy leaves the original as it was.
    saveEpisodeScript({
      db,
      actor: other.actor,
      pieceId: copyId,
      input: { version: 1, lines: [lines[0]] },
      now: t.studio.now(),
    });
    expect(listScriptLines(db, id)).toEqual(lines);
    expect(pieceRow(id).ownerId).toBe(owner.actor.id);
  });

  it("copies a show's script and products into a new idle draft; the original's state and record stay; a host may not", async () => {
    const { producer, host, id } = await createDemoShow(t.studio);
    const copywriter = await signedInUser(t.studio, ["copywriter"]);
    const showId = Number(id);

    const refused = await post(
      showAction,
      `/livestreams/${id}`,
      showId,
      { intent: "duplicate" },
      host.cookie,
    );
    expect(refused.status).toBe(403);
    expect(duplicateShow({ db: t.studio.db, actor: host.actor, showId, now: t.studio.now() })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(
      duplicateShow({ db: t.studio.db, actor: copywriter.actor, showId: 4242, now: t.studio.now() }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });

    const res = await post(
      showAction,
      `/livestreams/${id}`,
      showId,
      { intent: "duplicate" },
      copywriter.cookie,
    );
    expect(res.status).toBe(302);
    const copyId = Number(res.headers.get("Location")!.split("/").pop());
    const original = loadShow(t.studio.db, showId)!;
    const copy = loadShow(t.studio.db, copyId)!;
    expect(copy.piece).toMatchObject({ status: "draft", ownerId: copywriter.actor.id, kind: "livestream" });
    expect(copy.piece.title).toBe(`${original.piece.title}（副本）`);
    expect(copy.row).toMatchObject({
      hostId: original.row.hostId,
      producerId: original.row.producerId,
      plannedMinutes: original.row.plannedMinutes,
      openingText: original.row.openingText,
      ctaUrl: original.row.ctaUrl,
      scheduledAt: null,
      startedAt: null,
    });
    const strip = (rows: ReturnType<typeof productRows>) =>
      rows.map(({ id: _id, showId: _s, ...rest }) => rest);
    expect(strip(productRows(t.studio.db, copyId))).toEqual(strip(productRows(t.studio.db, showId)));
    expect(copy.blocks.length).toBe(original.blocks.length);
    expect(copy.state.status).toBe("idle");
    const [audit] = auditRows(t.studio, "livestream.duplicate");
    expect(audit).toMatchObject({ entityId: String(copyId), actorId: copywriter.actor.id });
    expect(JSON.parse(audit.summary).after).toMatchObject({ duplicateOf: showId });
    // The original was approved and stays so: duplicating is not an edit of it.
    expect(original.piece.status).toBe("approved");
    expect(producer.actor.id).not.toBe(copywriter.actor.id);
  });
});
