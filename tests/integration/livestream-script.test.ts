import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { loader as listPage } from "~/routes/_app.livestreams._index";
import { action as newShowAction } from "~/routes/_app.livestreams.new";
import { action as builderAction, loader as builderPage } from "~/routes/_app.livestreams.$id._index";
import { loader as apiList, action as apiCreate } from "~/routes/api.v1.livestreams";
import { loader as apiShow, action as apiUpdate } from "~/routes/api.v1.livestreams.$id";
import { loader as rundownPdf } from "~/routes/livestreams.$id.rundown[.]pdf";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { callRoute, getStatus, jsonRequest, withStudio } from "../setup/test-studio";
import { auditRows } from "../setup/audit-entries";

const t = withStudio();

const product = (n: number) => ({
  name: `车型${n}`,
  painPoint: "通勤油费太高，每个月一千多。",
  sellingPoint: "百公里油耗五点几升，零重力座椅开一个小时腰也不累，后排空间大。",
  perk: "今晚下定直降八千。",
});
const showCount = () => t.studio.db.select({ n: count() }).from(schema.livestreamShows).get()!.n;

/** Flat builder fields, named by schema path, as the form posts them. */
function formFields(
  input: ReturnType<typeof demoShowScriptInput>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    intent: "save",
    title: input.title,
    plannedMinutes: String(input.plannedMinutes),
    scheduledAt: input.scheduledAt ?? "",
    opening: input.opening ?? "",
    interaction: input.interaction ?? "",
    cta: input.cta ?? "",
    ctaUrl: input.ctaUrl ?? "",
    closing: input.closing ?? "",
    hostCharsPerMinute: "250",
  };
  input.products.forEach((p, i) => {
    for (const [k, v] of Object.entries(p)) fields[`products.${i}.${k}`] = String(v ?? "");
  });
  return { ...fields, ...extra };
}

async function apiCreateShow(cookie: string, body: unknown) {
  return callRoute(apiCreate, jsonRequest("/api/v1/livestreams", "POST", body, { Cookie: cookie }));
}

describe("livestream script builder and API", () => {
  it("creates a show through the API (201 with id), lists it, reads and replaces its products", async () => {
    const producer = await t.signIn("producer");
    const host = await t.signIn("host");
    const created = await apiCreateShow(producer.cookie, {
      ...demoShowScriptInput(),
      hostId: host.actor.id,
      producerId: producer.actor.id,
    });
    expect(created.status).toBe(201);
    const show = await created.json();
    expect(show).toMatchObject({
      title: "年中粉丝日 · 616厂价直销夜",
      plannedMinutes: 90,
      hostName: host.actor.name,
      producerName: producer.actor.name,
      liveStatus: "idle",
      issues: [],
    });
    expect(show.id).toBeGreaterThan(0);
    expect(
      show.products.map((p: { painSeconds: number; sellingSeconds: number; perkSeconds: number }) => [
        p.painSeconds,
        p.sellingSeconds,
        p.perkSeconds,
      ]),
    ).toEqual([
      [30, 60, 30],
      [30, 60, 30],
    ]);
    expect(show.totalSeconds).toBeGreaterThanOrEqual(90 * 60);
    expect(show.blocks[0].id).toBe("opening");

    // The piece exists with kind livestream, and the audit log has the creation.
    const piece = t.studio.db.select().from(schema.pieces).where(eq(schema.pieces.id, show.id)).get()!;
    expect(piece.kind).toBe("livestream");
    expect(auditRows(t.studio, "livestream.create")).toHaveLength(1);

    const list = await (await producer.get(apiList, "/api/v1/livestreams")).json();
    expect(list.items.map((s: { id: number }) => s.id)).toContain(show.id);

    const body = {
      ...demoShowScriptInput(),
      version: show.version,
      products: [product(1), product(2), { ...product(3), sellingSeconds: 90 }],
    };
    const updated = await producer.json(apiUpdate, `/api/v1/livestreams/${show.id}`, "PUT", body, {
      id: String(show.id),
    });
    expect(updated.status).toBe(200);
    const after = await updated.json();
    expect(after.products).toHaveLength(3);
    expect(after.products[2]).toMatchObject({ name: "车型3", sellingSeconds: 90 });
    expect(after.version).toBe(show.version + 1);

    // A save naming the old version is refused and changes nothing.
    const stale = await producer.json(
      apiUpdate,
      `/api/v1/livestreams/${show.id}`,
      "PUT",
      { ...body, products: [product(9)] },
      { id: String(show.id) },
    );
    expect(stale.status).toBe(409);
    const reread = await (
      await producer.get(apiShow, `/api/v1/livestreams/${show.id}`, {
        id: String(show.id),
      })
    ).json();
    expect(reread.products).toHaveLength(3);
  });

  it("refuses a 6th product at products.5 in the API and in the form, storing nothing", async () => {
    const copy = await t.signIn("copywriter");
    const before = showCount();
    const six = { ...demoShowScriptInput(), products: [1, 2, 3, 4, 5, 6].map(product) };
    const res = await apiCreateShow(copy.cookie, six);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.field).toBe("products.5");
    expect(body.error.message).toContain("每场直播最多 5 个商品");

    const form = await copy.form(newShowAction, "/livestreams/new", formFields(six));
    expect(form.status).toBe(400);
    expect((await form.json()).errors["products.5"]).toBe("每场直播最多 5 个商品");

    // Five is fine.
    const five = await apiCreateShow(copy.cookie, { ...six, products: six.products.slice(0, 5) });
    expect(five.status).toBe(201);
    expect(showCount()).toBe(before + 1);
  });

  it("refuses a product index far past the limit in the form with a field error, storing nothing", async () => {
    const copy = await t.signIn("copywriter");
    const before = showCount();
    const fields = formFields(demoShowScriptInput(), { "products.100000000.name": "奇骏" });
    const form = await copy.form(newShowAction, "/livestreams/new", fields);
    expect(form.status).toBe(400);
    expect((await form.json()).errors).toEqual({ "products.5": "每场直播最多 5 个商品" });
    expect(showCount()).toBe(before);
  });

  it("refuses negative, absurd and malformed values at the field", async () => {
    const copy = await t.signIn("copywriter");
    const before = showCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ products: [{ ...product(1), painSeconds: -5 }] }, "products.0.painSeconds"],
      [{ products: [{ ...product(1), sellingSeconds: 100_000 }] }, "products.0.sellingSeconds"],
      [{ products: [{ ...product(1), perkSeconds: "半分钟" }] }, "products.0.perkSeconds"],
      [{ products: [{ ...product(1), perkSeconds: 2.5 }] }, "products.0.perkSeconds"],
      [{ products: [] }, "products"],
      [{ products: "轩逸" }, "products"],
      [{ title: "   " }, "title"],
      [{ title: "长".repeat(81) }, "title"],
      [{ plannedMinutes: 60 }, "plannedMinutes"],
      [{ plannedMinutes: 100_000 }, "plannedMinutes"],
      [{ ctaUrl: "javascript:alert(1)" }, "ctaUrl"],
      [{ scheduledAt: "明天晚上" }, "scheduledAt"],
      [{ hostCharsPerMinute: 5000 }, "hostCharsPerMinute"],
      [{ hostId: 99_999 }, "hostId"],
    ];
    for (const [patch, field] of cases) {
      const res = await apiCreateShow(copy.cookie, { ...demoShowScriptInput(), ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect((await res.json()).error.field, JSON.stringify(patch)).toBe(field);
    }
    const notJson = await copy.json(apiCreate, "/api/v1/livestreams", "POST", "{products:");
    expect(notJson.status).toBe(400);
    expect(showCount()).toBe(before);
  });

  it("refuses roles without the capability (403) and unknown ids (404)", async () => {
    const analyst = await t.signIn("analyst");
    const host = await t.signIn("host");
    const copy = await t.signIn("copywriter");
    const copy2 = await t.signIn("copywriter");
    expect((await apiCreateShow(analyst.cookie, demoShowScriptInput())).status).toBe(403);
    expect((await apiCreateShow(host.cookie, demoShowScriptInput())).status).toBe(403);
    expect(showCount()).toBe(0);

    const show = await (await apiCreateShow(copy.cookie, demoShowScriptInput())).json();
    // Row-level rule: another copywriter may read but not edit.
    const other = await copy2.json(
      apiUpdate,
      `/api/v1/livestreams/${show.id}`,
      "PUT",
      { ...demoShowScriptInput(), title: "改掉" },
      { id: String(show.id) },
    );
    expect(other.status).toBe(403);
    const page = await (
      await copy2.get(builderPage, `/livestreams/${show.id}`, { id: String(show.id) })
    ).json();
    expect(page.canEdit).toBe(false);
    expect(page.show.title).toBe("年中粉丝日 · 616厂价直销夜");

    expect(await getStatus(apiShow, "/api/v1/livestreams/4242", copy.cookie, { id: "4242" })).toBe(404);
    expect(await getStatus(apiShow, "/api/v1/livestreams/abc", copy.cookie, { id: "abc" })).toBe(404);
    expect(await getStatus(builderPage, "/livestreams/4242", copy.cookie, { id: "4242" })).toBe(404);
    const put404 = await copy.json(apiUpdate, "/api/v1/livestreams/4242", "PUT", demoShowScriptInput(), {
      id: "4242",
    });
    expect(put404.status).toBe(404);
  });

  it("builder form saves a new revision and shows run-of-show issues at the block", async () => {
    const editor = await t.signIn("editor");
    const created = await editor.form(
      newShowAction,
      "/livestreams/new",
      formFields(demoShowScriptInput({ opening: "" })),
    );
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;

    const page = await (await editor.get(builderPage, `/livestreams/${id}`, { id })).json();
    expect(page.show.issues).toEqual([
      expect.objectContaining({ code: "empty_text", blockId: "opening", path: "opening" }),
    ]);
    expect(page.canEdit).toBe(true);

    // A selling point too long to read in 10 seconds is named at its block.
    const fields = formFields(demoShowScriptInput(), {
      version: String(page.show.version),
      "products.1.sellingSeconds": "10",
    });
    const saved = await editor.form(builderAction, `/livestreams/${id}`, fields, { id });
    expect(saved.status).toBe(200);
    expect((await saved.json()).saved).toBe(true);
    const after = await (await editor.get(builderPage, `/livestreams/${id}`, { id })).json();
    expect(after.show.version).toBe(page.show.version + 1);
    expect(after.show.issues).toEqual([
      expect.objectContaining({
        code: "too_fast",
        blockId: "l1-p2-selling",
        path: "products.1.sellingPoint",
      }),
    ]);
    const revisions = t.studio.db
      .select()
      .from(schema.pieceRevisions)
      .where(eq(schema.pieceRevisions.pieceId, Number(id)))
      .all();
    expect(revisions).toHaveLength(2);
    expect(revisions[1].body).toContain("奇骏 荣耀版");

    const bad = await editor.form(
      builderAction,
      `/livestreams/${id}`,
      { ...fields, version: String(after.show.version), "products.0.painSeconds": "-1" },
      { id },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors["products.0.painSeconds"]).toBeTruthy();

    const list = await (await editor.get(listPage, "/livestreams")).json();
    expect(list.shows[0]).toMatchObject({ id: Number(id), productCount: 2, liveStatus: "idle" });
  });

  it("prints the rundown PDF and describes the API in OpenAPI", async () => {
    const editor = await t.signIn("editor");
    const show = await (await apiCreateShow(editor.cookie, demoShowScriptInput())).json();
    const started = performance.now();
    const pdf = await editor.get(rundownPdf, `/livestreams/${show.id}/rundown.pdf`, {
      id: String(show.id),
    });
    const ms = performance.now() - started;
    console.log(`rundown PDF rendered in ${ms.toFixed(0)} ms`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await getStatus(rundownPdf, "/livestreams/999/rundown.pdf", editor.cookie, { id: "999" })).toBe(
      404,
    );

    const doc = await (await editor.get(openapi, "/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/livestreams",
        "/api/v1/livestreams/{id}",
        "/api/v1/livestreams/{id}/online",
        "/api/v1/livestreams/{id}/state",
      ]),
    );
  });
});
