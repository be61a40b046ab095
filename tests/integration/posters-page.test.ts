// The poster editor's page action on a real database: one intent table (save, render), the page's
// role asked before the body is read, each intent's role after, and refusals that change nothing.
import { describe, expect, it } from "vitest";
import { getPosterPage } from "~/modules/posters/get-poster.server";
import { action as pageAction } from "~/routes/_app.posters.$id";
import { formRequest, routeArgs, signedInUser } from "../setup/test-studio";
import { answerOf, createPoster, POSTER_FIELDS as FIELDS, withPosterStudio } from "./posters-helpers";

const t = withPosterStudio();

const post = (cookie: string, id: number, fields: Record<string, string>) =>
  answerOf(() => pageAction(routeArgs(formRequest(`/posters/${id}`, fields, cookie), { id: String(id) })));

describe("poster page action", () => {
  it("saves the copy and queues a render through their intents, each for the roles that may", async () => {
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const sales = await signedInUser(t.studio, ["sales"]);
    const { id } = await createPoster(writer.cookie);
    const page = () =>
      getPosterPage({
        db: t.studio.db,
        pieceId: id,
        actor: writer.actor,
        publicBase: "https://studio.example.cn",
      })!;
    const form = { version: "1", title: "年终购车节", template: "offer", size: "story", ...FIELDS };

    const refused = await post(sales.cookie, id, { intent: "save", ...form, size: "xiaohongshu" });
    expect(refused.status).toBe(403);
    expect(page().poster.size).toBe("moments");

    const unknown = await post(writer.cookie, id, { intent: "publish", ...form });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("unknown_intent");

    const saved = await post(writer.cookie, id, { intent: "save", ...form });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, intent: "save", notice: "已保存。" });
    expect(page().poster).toMatchObject({ size: "story", version: 2 });

    const stale = await post(writer.cookie, id, { intent: "save", ...form, size: "moments" });
    expect(stale.status).toBe(409);
    expect(page().poster.size).toBe("story");

    const rendered = await post(writer.cookie, id, { intent: "render", venues: "透明车间" });
    expect(rendered.body).toMatchObject({ ok: true, intent: "render" });
    expect(page().poster.renders.map((r) => r.state)).toEqual(["queued"]);
  });
});
