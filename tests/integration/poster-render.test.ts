// The poster renderer end to end on the real font: sizes, the QR code's address, the auto-fit
// and its refusals, the line breaking it relies on, and the print PDF's bleed.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { errorMessage } from "~/lib/error-message";
import { posterTemplate, type BrandKit } from "~/modules/posters/render/poster-catalog";
import { layoutLines, type PosterMeasure } from "~/modules/posters/render/poster-layout";
import { renderPosterVariants } from "~/modules/posters/render/render-poster-variants.server";
import {
  buildPosterTree,
  renderPosterPdf,
  renderPosterPng,
} from "~/modules/posters/render/render-poster.server";

/** A small PNG made here: a gradient (the photo) or a red square with a white bar (the logo). */
function makePng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = paint(x, y);
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  return new Uint8Array(PNG.sync.write(png));
}

const logo = makePng(64, 64, (x, y) =>
  y > 26 && y < 38 && x > 12 && x < 52 ? [255, 255, 255] : [200, 16, 46],
);
const photo = makePng(320, 200, (x, y) => [40 + (x % 200), 90 + (y % 120), 160]);

const kit: BrandKit = {
  dealerName: "鸿运汽车 4S 店",
  logoPng: logo,
  primaryColor: "#b5121b",
  accentColor: "#f5a623",
  textColor: "#1f2937",
  hotline: "400-820-1234",
  address: "上海市闵行区沪闵路 1888 号",
  font: "noto_sans_sc",
};
const offerFields = {
  headline: "年终购车节，全系钜惠",
  subline: "置换补贴加零首付",
  offer: "直降 2 万元",
  validFrom: "2026-12-01",
  validTo: "2026-12-31",
};
const qrUrl = "https://studio.example.cn/p/winter26?src=poster-12-wang";

describe("renderPosterPng", () => {
  it("draws the template at its exact size, not blank, with a QR code that reads the tracked address", async () => {
    const result = await renderPosterPng({
      template: "offer",
      size: "story",
      fields: offerFields,
      kit,
      photo,
      qrUrl,
    });
    if (!result.ok) throw new Error(result.message);
    expect([result.width, result.height]).toEqual([1080, 1920]);
    const image = PNG.sync.read(Buffer.from(result.png));
    expect([image.width, image.height]).toEqual([1080, 1920]);

    // Not blank: the luminance varies across the poster.
    let sum = 0;
    let sumSq = 0;
    let n = 0;
    for (let i = 0; i < image.data.length; i += 4 * 97) {
      const lum = 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
      sum += lum;
      sumSq += lum * lum;
      n++;
    }
    expect(sumSq / n - (sum / n) ** 2).toBeGreaterThan(500);

    // The kit has a logo, so it sits on the code (error correction H) and the code still reads.
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(code?.data).toBe(qrUrl);
  });

  it("refuses an empty required field, text over its limit and a broken photo, naming the field", async () => {
    const empty = await renderPosterPng({
      template: "offer",
      size: "moments",
      fields: { ...offerFields, offer: "  " },
      kit,
      photo: null,
      qrUrl,
    });
    expect(empty).toMatchObject({ ok: false, code: "poster_field_required", field: "offer" });
    if (!empty.ok) expect(errorMessage(empty, "en")).toBe("Fill in “Offer / highlight”.");

    const limit = posterTemplate("offer").fields.find((f) => f.key === "headline")!.maxChars;
    const overlong = await renderPosterPng({
      template: "offer",
      size: "moments",
      fields: { ...offerFields, headline: "年终购车节全系钜惠".repeat(4) },
      kit,
      photo: null,
      qrUrl,
    });
    expect(overlong).toMatchObject({ ok: false, code: "poster_text_too_long", field: "headline" });
    if (!overlong.ok) {
      expect(overlong.message).toBe(`「主标题」最多 ${limit} 个字，现在有 36 个。`);
      expect(errorMessage(overlong, "en")).toContain(`“Headline” takes at most ${limit} characters`);
    }

    // The kit's own text has no character limit: an address that cannot fit even at the
    // smallest size is refused as the kit's, never cut or run off the poster.
    const longAddress = await renderPosterPng({
      template: "offer",
      size: "moments",
      fields: offerFields,
      kit: { ...kit, address: "上海市闵行区沪闵路一千八百八十八号".repeat(6) },
      photo: null,
      qrUrl,
    });
    expect(longAddress).toMatchObject({
      ok: false,
      code: "poster_text_too_long",
      field: "address",
      params: { context: "kit" },
    });

    const broken = await renderPosterPng({
      template: "offer",
      size: "moments",
      fields: offerFields,
      kit,
      photo: new TextEncoder().encode("not an image at all"),
      qrUrl,
    });
    expect(broken).toMatchObject({ ok: false, code: "poster_image_unreadable", field: "photo" });
  });
});

describe("renderPosterVariants", () => {
  /** The new-model poster at the moments size, with this file's kit and photo, one variant per address. */
  const renderNewModel = (
    headline: string,
    qrUrls: string[],
    draw: Parameters<typeof renderPosterVariants>[1],
  ) =>
    renderPosterVariants(
      { template: "new_model", size: "moments", fields: { headline }, kit, photo, qrUrls },
      draw,
    );

  it("gives every variant its own QR code, each reading its own source", async () => {
    const qrUrls = [
      "https://studio.example.cn/p/winter26?src=poster-12-wang",
      "https://studio.example.cn/p/winter26?src=poster-12-li",
    ];
    const read: string[] = [];
    const result = await renderNewModel("全新 ES8 纯电 SUV", qrUrls, ({ png }) => {
      const image = PNG.sync.read(Buffer.from(png));
      expect([image.width, image.height]).toEqual([1080, 1440]);
      read.push(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? "");
    });
    expect(result).toMatchObject({ ok: true, count: 2 });
    expect(read).toEqual(qrUrls);

    const bad = await renderNewModel("全新 ES8", [qrUrls[0], "javascript:alert(1)"], () => {
      throw new Error("nothing is drawn when an address is bad");
    });
    expect(bad).toMatchObject({ ok: false, code: "poster_qr_url_invalid" });
  });
});

describe("auto-fit", () => {
  it("shrinks a long headline within the field's limits, and keeps a short one at the largest size", async () => {
    const spec = posterTemplate("offer").fields.find((f) => f.key === "headline")!;
    const short = await buildPosterTree({
      template: "offer",
      size: "story",
      fields: offerFields,
      kit,
      photo: null,
      qrUrl,
    });
    const long = await buildPosterTree({
      template: "offer",
      size: "story",
      fields: { ...offerFields, headline: "年终购车节全系钜惠，置换补贴加码再送保养" },
      kit,
      photo: null,
      qrUrl,
    });
    if (!short.ok || !long.ok) throw new Error("expected both to fit");
    expect(short.fontPx.headline).toBe(spec.maxFontPx);
    expect(long.fontPx.headline).toBeLessThan(spec.maxFontPx);
    expect(long.fontPx.headline).toBeGreaterThanOrEqual(spec.minFontPx);
  });
});

describe("layoutLines", () => {
  // A monospace stand-in for the font: every character 1 em wide.
  const measure: PosterMeasure = (text, _weight, px) => Array.from(text).length * px;

  it("never starts a line with closing punctuation", () => {
    // Five characters fit a line; the sixth of each sentence is a closing mark.
    const text = "限时优惠来，全系直降了。到店有好礼！试驾送保养」";
    const lines = layoutLines(text, 5 * 40, 40, 700, measure);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect("，。、；：？！）」』”’》…").not.toContain(line.text[0]);
    expect(lines.map((l) => l.text).join("")).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(5 * 40);
  });
});

describe("renderPosterPdf", () => {
  it("makes an A4 page with 3 mm bleed: 216×303 mm media, trim box at A4, the 300-dpi image edge to edge", async () => {
    const result = await renderPosterPdf({
      template: "service_tip",
      fields: {
        headline: "冬季用车，这五件事别忘了",
        subline: "气温降到零度以下，电瓶电量下降明显，长时间停放前请充满电。",
      },
      kit,
      photo: null,
      qrUrl,
    });
    if (!result.ok) throw new Error(result.message);
    const text = Buffer.from(result.pdf).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    const box = (name: string) =>
      new RegExp(`/${name} \\[([^\\]]+)\\]`).exec(text)?.[1].trim().split(/\s+/).map(Number) ?? [];
    const mm = (pt: number) => (pt / 72) * 25.4;
    expect(box("MediaBox").map((v) => Math.round(mm(v)))).toEqual([0, 0, 216, 303]);
    expect(box("TrimBox").map((v) => Math.round(mm(v) * 10) / 10)).toEqual([3, 3, 213, 300]);
    expect(text).toMatch(/\/Width 2551/);
    expect(text).toMatch(/\/Height 3579/);
  });
});
