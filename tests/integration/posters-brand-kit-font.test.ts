// The brand kit's font on a real database and renderer: the kit page saves a face, the poster's
// preview (a real satori + resvg render) is then set in it; a face the studio does not offer is
// refused as the font field's error in the reader's language and changes nothing.
import { eq } from "drizzle-orm";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { schema } from "~/lib/db.server";
import { getBrandKitView } from "~/modules/posters/get-brand-kit.server";
import { action as kitAction, loader as kitLoader } from "~/routes/_app.brand-kit";
import { loader as previewLoader } from "~/routes/posters.$id.preview";
import { loader as sampleLoader } from "~/routes/posters.font-sample";
import { formRequest, getRequest, respond, routeArgs, signedInUser } from "../setup/test-studio";
import { answerOf, createPoster, POSTER_FIELDS as FIELDS, withPosterStudio } from "./posters-helpers";

const t = withPosterStudio();

const KIT = {
  dealerName: "鸿运汽车 4S 店",
  primaryColor: "#b5121b",
  accentColor: "#f5a623",
  textColor: "#1f2937",
  hotline: "400-820-1234",
  address: "上海市闵行区沪闵路 1888 号",
};

function saveKit(cookie: string, fields: Record<string, string>) {
  const version = String(getBrandKitView(t.studio.db).version);
  return answerOf(() =>
    kitAction(routeArgs(formRequest("/brand-kit", { intent: "save", version, ...fields }, cookie))),
  );
}

async function preview(cookie: string, id: number): Promise<PNG> {
  const response = await respond(() =>
    previewLoader(
      routeArgs(getRequest(`/posters/${id}/preview?${new URLSearchParams(FIELDS)}`, { Cookie: cookie }), {
        id: String(id),
      }),
    ),
  );
  expect(response.status).toBe(200);
  return PNG.sync.read(Buffer.from(await response.arrayBuffer()));
}

/** Share of pixels whose colour differs by more than a little between two renders of one size. */
function differingShare(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d =
      Math.abs(a.data[i] - b.data[i]) +
      Math.abs(a.data[i + 1] - b.data[i + 1]) +
      Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > 48) differing++;
  }
  return differing / (a.width * a.height);
}

const auditRows = () =>
  t.studio.db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, "posters.brand_kit.save"))
    .all();

describe("brand kit font", () => {
  it("sets every poster rendered after the save in the kit's face, Noto Sans SC until then", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    expect(getBrandKitView(t.studio.db)).toMatchObject({ version: 0, font: "noto_sans_sc" });
    // The first save (version 0 → 1) without a font writes the kit in the default face.
    expect((await saveKit(editor.cookie, KIT)).status).toBe(200);
    expect(getBrandKitView(t.studio.db)).toMatchObject({ version: 1, font: "noto_sans_sc" });

    const { id } = await createPoster(editor.cookie);
    const sans = await preview(editor.cookie, id);
    // The same render twice is the same picture: the comparison below measures the face only.
    expect(differingShare(sans, await preview(editor.cookie, id))).toBe(0);

    const saved = await saveKit(editor.cookie, { ...KIT, font: "noto_serif_sc" });
    expect(saved.status).toBe(200);
    expect(saved.body.ok).toBe(true);
    expect(getBrandKitView(t.studio.db).font).toBe("noto_serif_sc");
    const audit = auditRows().at(-1)!;
    expect(JSON.stringify(audit)).toContain("noto_serif_sc");

    const serif = await preview(editor.cookie, id);
    // Same layout and colours, other glyphs: a clear share of the pixels changes, not the picture.
    const share = differingShare(sans, serif);
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.3);

    // The page shows the saved face, and samples a face before it is saved.
    const page = await answerOf(() =>
      kitLoader(routeArgs(getRequest("/brand-kit", { Cookie: editor.cookie }))),
    );
    expect(page.body.kit.font).toBe("noto_serif_sc");
    const sample = (font: string) =>
      respond(() =>
        sampleLoader(routeArgs(getRequest(`/posters/font-sample?font=${font}`, { Cookie: editor.cookie }))),
      );
    const sansSample = await sample("noto_sans_sc");
    const serifSample = await sample("noto_serif_sc");
    expect(sansSample.headers.get("Content-Type")).toBe("image/png");
    const a = PNG.sync.read(Buffer.from(await sansSample.arrayBuffer()));
    const b = PNG.sync.read(Buffer.from(await serifSample.arrayBuffer()));
    expect(differingShare(a, b)).toBeGreaterThan(0.01);
    expect((await sample("comic_sans")).status).toBe(400);
  });

  it("refuses a face the studio does not offer as the font field's error, in the reader's language, changing nothing", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    expect((await saveKit(editor.cookie, { ...KIT, font: "noto_sans_sc" })).status).toBe(200);
    const before = getBrandKitView(t.studio.db);
    const audits = auditRows().length;

    const zh = await saveKit(editor.cookie, { ...KIT, dealerName: "新名字", font: "comic_sans" });
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe("poster_font_unknown");
    expect(Object.keys(zh.body.errors)).toEqual(["font"]);
    expect(zh.body.errors.font).toBe("品牌资料的字体无效：请从列表中选择一种字体。");

    const en = await saveKit(`${editor.cookie}; lang=en`, { ...KIT, font: "Noto Sans SC" });
    expect(en.status).toBe(400);
    expect(en.body.errors.font).toBe(
      "The brand kit's font is not one the studio offers: pick a font from the list.",
    );

    expect(getBrandKitView(t.studio.db)).toEqual(before);
    expect(auditRows()).toHaveLength(audits);

    // A role without the kit's permission cannot save a face, known or not.
    const writer = await signedInUser(t.studio, ["copywriter"]);
    const refused = await respond(() =>
      kitAction(
        routeArgs(
          formRequest(
            "/brand-kit",
            { intent: "save", version: String(before.version), ...KIT, font: "noto_serif_sc" },
            writer.cookie,
          ),
        ),
      ),
    );
    expect(refused.status).toBe(403);
    expect(getBrandKitView(t.studio.db).font).toBe("noto_sans_sc");
  });
});
