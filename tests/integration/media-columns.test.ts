import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { seedDemoData } from "../../db/seed";
import { action as columnAction, loader as columnLoader } from "~/routes/_app.columns.$id";
import { loader as columnsLoader } from "~/routes/_app.columns._index";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import {
  formRequest,
  getRequest,
  getStatus,
  respond,
  signedInUser,
  withTestStudio,
} from "../setup/test-studio";
import { scriptLinesOf } from "../setup/pieces";
import { args, filesUnder, makeStill, uploadColumnAsset } from "./media-helpers";

const t = withTestStudio();
let fixtures: string;
let logo: string;
beforeAll(async () => {
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), "media-columns-"));
  logo = await makeStill(fixtures, "logo.png", "color=c=0xff0000:s=64x64");
});
afterAll(() => fs.rmSync(fixtures, { recursive: true, force: true }));
beforeEach(async () => {
  await seedDemoData({ db: t.studio.db, now: t.studio.now(), dataDir: t.dir });
});

const columnBySlug = (slug: string) =>
  t.studio.db.select().from(schema.columns).where(eq(schema.columns.slug, slug)).get()!;

function settings(c: typeof schema.columns.$inferSelect, patch: Record<string, string> = {}) {
  return {
    intent: "update",
    version: String(c.version),
    name: c.name,
    description: c.description,
    episodeTarget: String(c.episodeTarget),
    durationSeconds: String(c.durationSeconds),
    outroLine: c.outroLine,
    viewsTargetPerEpisode: c.viewsTargetPerEpisode ? String(c.viewsTargetPerEpisode) : "",
    defaultChannelId: c.defaultChannelId ? String(c.defaultChannelId) : "",
    mixCategory: c.mixCategory,
    primaryColor: c.primaryColor,
    accentColor: c.accentColor,
    textColor: c.textColor,
    readingSpeedCps: String(c.readingSpeedCps),
    ...patch,
  };
}

describe("columns", () => {
  it("lists the plan's columns with published progress, and a column page with its episodes and a demo episode with a script", async () => {
    const analyst = await signedInUser(t.studio, ["analyst"]);
    const list = await (
      await respond(() => columnsLoader(args(getRequest("/columns", { Cookie: analyst.cookie }))))
    ).json();
    const oneMinute = list.columns.find((c: { slug: string }) => c.slug === "one-minute-car");
    expect(oneMinute).toMatchObject({
      name: "一分钟识车",
      episodeTarget: 30,
      durationSeconds: 60,
      publishedEpisodes: 1,
      outroLine: "到店报暗号“秒懂”送原厂雨伞",
    });
    expect(list.columns.find((c: { slug: string }) => c.slug === "late-night-garage")).toMatchObject({
      episodeTarget: 20,
      viewsTargetPerEpisode: 300_000,
    });

    const page = await (
      await respond(() =>
        columnLoader(
          args(getRequest(`/columns/${oneMinute.id}`, { Cookie: analyst.cookie }), {
            id: String(oneMinute.id),
          }),
        ),
      )
    ).json();
    expect(page.canManage).toBe(false);
    const demo = page.episodes.find((e: { title: string }) => e.title.includes("第4集"));
    expect(demo).toMatchObject({ status: "draft", renderState: "none" });
    const lines = scriptLinesOf(t.studio, demo.id);
    expect(lines.length).toBeGreaterThan(5);
    // The seed queued the sample footage instead of encoding during the first start.
    expect(
      t.studio.db.select().from(schema.jobs).where(eq(schema.jobs.type, "media.sample-clips")).all(),
    ).toHaveLength(1);
    expect(await getStatus(columnLoader, "/columns/9999", analyst.cookie, { id: "9999" })).toBe(404);
  });

  it("lets an editor change settings with a version guard, at the field on bad input, and refuses a copywriter", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const c = columnBySlug("late-night-garage");
    const post = (fields: Record<string, string>, cookie = editor.cookie) =>
      respond(() =>
        columnAction(args(formRequest(`/columns/${c.id}`, fields, cookie), { id: String(c.id) })),
      );

    expect((await post(settings(c, { outroLine: "原厂零件，深夜也放心" }), copy.cookie)).status).toBe(403);
    for (const [patch, field] of [
      [{ name: "" }, "name"],
      [{ durationSeconds: "0" }, "durationSeconds"],
      [{ durationSeconds: "abc" }, "durationSeconds"],
      [{ primaryColor: "red" }, "primaryColor"],
      [{ mixCategory: "搞笑段子" }, "mixCategory"],
      [{ outroLine: "长".repeat(41) }, "outroLine"],
      [{ readingSpeedCps: "99" }, "readingSpeedCps"],
    ] as const) {
      const res = await post(settings(c, patch));
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(Object.keys((await res.json()).errors)).toContain(field);
    }
    expect(columnBySlug("late-night-garage")).toMatchObject({ version: 1, outroLine: c.outroLine });

    expect(
      (await post(settings(c, { outroLine: "原厂零件，深夜也放心", readingSpeedCps: "5" }))).status,
    ).toBe(200);
    expect(columnBySlug("late-night-garage")).toMatchObject({
      version: 2,
      outroLine: "原厂零件，深夜也放心",
      readingSpeedCps: 5,
    });
    const stale = await post(settings(c, { outroLine: "旧版本的口号" }));
    expect(stale.status).toBe(409);
    expect(columnBySlug("late-night-garage").outroLine).toBe("原厂零件，深夜也放心");
  });

  it("stores a logo as a brand asset for an editor, refuses a text file as a logo, and refuses a copywriter", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const c = columnBySlug("one-minute-car");
    const send = (file: string, role: string, cookie: string) => uploadColumnAsset(c.id, role, file, cookie);
    expect((await send(logo, "logo", copy.cookie)).status).toBe(403);
    const text = path.join(fixtures, "logo.png.txt");
    fs.writeFileSync(text, "不是图片");
    expect((await send(text, "logo", editor.cookie)).status).toBe(415);
    expect((await send(logo, "banner", editor.cookie)).status).toBe(400);
    expect(filesUnder(path.join(t.dir, "media"))).toEqual([]);
    expect((await send(logo, "logo", editor.cookie)).status).toBe(200);
    const page = await (
      await respond(() =>
        columnLoader(args(getRequest(`/columns/${c.id}`, { Cookie: editor.cookie }), { id: String(c.id) })),
      )
    ).json();
    expect(page.assets).toEqual([
      expect.objectContaining({
        role: "logo",
        kind: "image",
        width: 64,
        height: 64,
        verifyStatus: "verified",
      }),
    ]);
    // A second logo replaces the first, file included.
    expect((await send(logo, "logo", editor.cookie)).status).toBe(200);
    expect(filesUnder(path.join(t.dir, "media"))).toHaveLength(1);
  });

  it("creates an episode from the column page and documents the episode API", async () => {
    const copy = await signedInUser(t.studio, ["copywriter"]);
    const host = await signedInUser(t.studio, ["host"]);
    const c = columnBySlug("one-minute-car");
    const post = (fields: Record<string, string>, cookie: string) =>
      respond(() =>
        columnAction(args(formRequest(`/columns/${c.id}`, fields, cookie), { id: String(c.id) })),
      );
    expect((await post({ intent: "new-episode", title: "" }, copy.cookie)).status).toBe(400);
    expect((await post({ intent: "new-episode", title: "第5集" }, host.cookie)).status).toBe(403);
    const res = await post({ intent: "new-episode", title: "一分钟识车 第5集：自动泊车" }, copy.cookie);
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    expect(t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, id)).get()).toMatchObject({
      kind: "episode",
      columnId: c.id,
      status: "draft",
      mixCategory: "车型讲解",
    });

    const doc = await (
      await respond(() => openapi(args(getRequest("/api/v1/openapi.json", { Cookie: copy.cookie }))))
    ).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/episodes/{id}/renders",
        "/api/v1/episodes/{id}/media",
        "/api/v1/episodes/{id}/script",
      ]),
    );
    expect(doc.paths["/api/v1/episodes/{id}/media"].post.requestBody.content).toHaveProperty(
      "multipart/form-data",
    );
  });
});
