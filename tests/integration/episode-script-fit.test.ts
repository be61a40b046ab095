// Errors at their target (a refused 提交审核 names the script lines at fault) and the per-episode
// choice for a script shorter than its column (pad or shorten), down to a real encode.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { probeMedia } from "~/modules/media/probe-media.server";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { action as episodeAction, loader as episodeLoader } from "~/routes/_app.episodes.$id";
import { action as episodeApi, loader as episodeApiLoader } from "~/routes/api.v1.episodes.$id";
import { action as rendersAction } from "~/routes/api.v1.episodes.$id.renders";
import { auditRows } from "../setup/audit-entries";
import {
  formRequest,
  getRequest,
  jsonRequest,
  respond,
  signedInUser,
  withTestStudio,
} from "../setup/test-studio";
import {
  args,
  createEpisodeViaPage,
  insertTestColumn,
  makeClip,
  runMediaJobs,
  upload,
} from "./media-helpers";

const t = withTestStudio({ env: { RENDER_PRESET: "ultrafast" } });
let fixtures: string;
let clip: string;

beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "episode-fit-fixtures-"));
  clip = await makeClip(fixtures, "wide.mp4", {
    video: "testsrc2=s=640x360:r=25",
    audio: "sine=frequency=440",
    seconds: 8,
  });
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));

const line = (voiceover: string, seconds: number) => ({ voiceover, caption: "", shotNote: "", seconds });

function page(id: number, fields: Record<string, string>, cookie: string) {
  return respond(() =>
    episodeAction(args(formRequest(`/episodes/${id}`, fields, cookie), { id: String(id) })),
  );
}

async function loadPage(id: number, cookie: string) {
  const res = await respond(() =>
    episodeLoader(args(getRequest(`/episodes/${id}`, { Cookie: cookie }), { id: String(id) })),
  );
  return res.json();
}

async function saveLines(id: number, cookie: string, version: number, lines: ReturnType<typeof line>[]) {
  const res = await page(
    id,
    { intent: "save-script", version: String(version), lines: JSON.stringify(lines) },
    cookie,
  );
  expect(res.status).toBe(200);
}

const pieceStatus = (id: number) =>
  t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()!.status;

function move(actor: Actor, pieceId: number, action: string) {
  const moved = transitionPiece({ db: t.studio.db, actor, pieceId, action, now: t.studio.now() });
  expect(moved, action).toMatchObject({ ok: true });
}

describe("a refused 提交审核 says why at the button and at the lines at fault", () => {
  it("attaches an overrun to the submit target and to the lines past the column, in the reader's language, status unchanged", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t, 8), copy.cookie);
    // 1 s title card + 2 + 3 + 2 s of lines + 1 s outro on an 8 s column: the outro must start at
    // 7 s, so line 2 (ends at 6 s) fits and line 3 (ends at 8 s) runs past: 1 s over.
    await saveLines(id, copy.cookie, 1, [line("原厂雨刮", 2), line("三年质保", 3), line("到店报暗号", 2)]);

    const refused = await page(id, { intent: "submit" }, copy.cookie);
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body).toMatchObject({ ok: false, intent: "submit", code: "script_invalid" });
    expect(body.error).toBe(
      "脚本超时：片头 1 秒 + 口播 7 秒 + 结尾口号 1 秒 = 9 秒，超过栏目时长 8 秒（多 1 秒）。请删减后再提交。",
    );
    expect(body.target).toEqual({ intent: "submit", fields: ["lines.2"] });
    expect(body.errors).toEqual({ "lines.2": body.error });
    expect(pieceStatus(id)).toBe("draft");
    expect((await loadPage(id, copy.cookie)).episode.status).toBe("draft");

    const english = await (await page(id, { intent: "submit" }, `${copy.cookie}; lang=en`)).json();
    expect(english.error).toBe(
      "The script runs over: title card 1 s + voice-over 7 s + sign-off 1 s = 9 s, longer than the column's 8 s (by 1 s). Cut it, then submit.",
    );
    expect(english.errors["lines.2"]).toBe(english.error);

    // Too fast: the one fast line is named, in English too.
    await saveLines(id, copy.cookie, 2, [line("原厂雨刮", 2), line("一二三四五六七八九十十一", 1)]);
    const fast = await (await page(id, { intent: "submit" }, `${copy.cookie}; lang=en`)).json();
    expect(fast.target).toEqual({ intent: "submit", fields: ["lines.1"] });
    expect(fast.error).toMatch(/^Line 2 reads too fast: 12 characters in 1 s/);
    expect(pieceStatus(id)).toBe("draft");

    await saveLines(id, copy.cookie, 3, [line("原厂雨刮", 2)]);
    expect((await page(id, { intent: "submit" }, copy.cookie)).status).toBe(200);
    expect(pieceStatus(id)).toBe("in_review");
  });
});

describe("a script shorter than its column: pad or shorten", () => {
  it("refuses an unknown choice at its field, saves and audits a choice, and takes back an approval", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const editor = await signedInUser(t.studio, ["editor"]);
    const id = await createEpisodeViaPage(insertTestColumn(t, 8), copy.cookie);
    await saveLines(id, copy.cookie, 1, [line("原厂雨刮", 2)]);
    expect((await loadPage(id, copy.cookie)).episode.shortScriptFit).toBe("pad");

    for (const fit of ["stretch", ""]) {
      const bad = await page(id, { intent: "script-fit", fit }, copy.cookie);
      expect(bad.status).toBe(400);
      const reply = await bad.json();
      expect(reply.target).toEqual({ intent: "script-fit", fields: ["fit"] });
      expect(reply.errors.fit).toBe("请选择“补齐”或“缩短”");
    }
    expect(t.studio.db.select().from(schema.episodeSettings).all()).toEqual([]);
    expect(auditRows(t.studio, "episode.script.fit")).toHaveLength(0);

    const chosen = await page(id, { intent: "script-fit", fit: "shorten" }, copy.cookie);
    expect(chosen.status).toBe(200);
    expect((await chosen.json()).notice).toBe("已保存处理方式");
    expect((await loadPage(id, copy.cookie)).episode.shortScriptFit).toBe("shorten");
    // Choosing it again changes nothing and writes nothing.
    expect((await page(id, { intent: "script-fit", fit: "shorten" }, copy.cookie)).status).toBe(200);
    expect(auditRows(t.studio, "episode.script.fit").map((r) => [r.entityId, JSON.parse(r.summary)])).toEqual(
      [[String(id), { before: { shortScriptFit: "pad" }, after: { shortScriptFit: "shorten" } }]],
    );

    // Approved: the owner may no longer change it; an editor may, and the episode needs approving again.
    move(copy.actor, id, "submit");
    move(editor.actor, id, "approve");
    expect((await page(id, { intent: "script-fit", fit: "pad" }, copy.cookie)).status).toBe(403);
    expect(pieceStatus(id)).toBe("approved");
    expect((await page(id, { intent: "script-fit", fit: "pad" }, editor.cookie)).status).toBe(200);
    expect(pieceStatus(id)).toBe("draft");
    expect((await loadPage(id, editor.cookie)).approvalHold).toMatchObject({ fromStatus: "approved" });
    expect(auditRows(t.studio, "episode.script.fit")).toHaveLength(2);
  });

  it("is chosen through the API as on the page: refused at its field, audited, by role", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const analyst = await signedInUser(t.studio, ["analyst"]);
    const id = await createEpisodeViaPage(insertTestColumn(t, 8), copy.cookie);
    const patch = (body: unknown, cookie: string) =>
      respond(() =>
        episodeApi(
          args(jsonRequest(`/api/v1/episodes/${id}`, "PATCH", body, { Cookie: cookie }), { id: String(id) }),
        ),
      );
    const read = async () => {
      const res = await respond(() =>
        episodeApiLoader(
          args(getRequest(`/api/v1/episodes/${id}`, { Cookie: copy.cookie }), { id: String(id) }),
        ),
      );
      return (await res.json()).episode.shortScriptFit;
    };

    for (const body of [{ shortScriptFit: "stretch" }, {}, { fit: "shorten" }]) {
      const bad = await patch(body, copy.cookie);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: "invalid_body", field: "shortScriptFit" } });
    }
    expect((await patch({ shortScriptFit: "shorten" }, analyst.cookie)).status).toBe(403);
    expect(await read()).toBe("pad");
    expect(auditRows(t.studio, "episode.script.fit")).toHaveLength(0);

    const chosen = await patch({ shortScriptFit: "shorten" }, copy.cookie);
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toEqual({ shortScriptFit: "shorten", status: null });
    expect(await read()).toBe("shorten");
    expect(auditRows(t.studio, "episode.script.fit")).toHaveLength(1);
  });

  it("renders a short script at the column's length with pad, and ends early with shorten (ffprobe)", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const id = await createEpisodeViaPage(insertTestColumn(t, 8), copy.cookie);
    expect((await upload(id, clip, copy.cookie)).status).toBe(201);
    await runMediaJobs(t);
    // 1 s title card + 2 s of lines + 1 s outro on an 8 s column: 4 s without voice or subtitle.
    await saveLines(id, copy.cookie, 1, [line("原厂雨刮", 1), line("三年质保", 1)]);

    const renderNow = async () => {
      const res = await respond(() =>
        rendersAction(
          args(jsonRequest(`/api/v1/episodes/${id}/renders`, "POST", {}, { Cookie: copy.cookie }), {
            id: String(id),
          }),
        ),
      );
      expect(res.status).toBe(202);
      await runMediaJobs(t);
      const [latest] = t.studio.db
        .select()
        .from(schema.episodeRenders)
        .where(eq(schema.episodeRenders.pieceId, id))
        .all()
        .sort((a, b) => b.number - a.number);
      const probed = await probeMedia(path.join(t.dir, latest.videoPath));
      if (!probed.ok) throw new Error(probed.message);
      return { row: latest, seconds: probed.probe.durationSeconds! };
    };

    const padded = await renderNow();
    expect(Math.abs(padded.seconds - 8)).toBeLessThanOrEqual(0.1);

    expect((await page(id, { intent: "script-fit", fit: "shorten" }, copy.cookie)).status).toBe(200);
    // The choice changes the render: the padded version reads out of date.
    const versions = (await loadPage(id, copy.cookie)).versions;
    expect(versions[0]).toMatchObject({ number: 1, current: false });
    const shortened = await renderNow();
    // 1 s card + 2 s of lines + 0.5 s breath + 1 s outro.
    expect(Math.abs(shortened.seconds - 4.5)).toBeLessThanOrEqual(0.1);
    expect(shortened.seconds).toBeLessThan(padded.seconds - 3);
    expect(shortened.row.durationSeconds).toBeCloseTo(shortened.seconds, 1);
  });
});
