import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_STUDIO_TIME_ZONE } from "~/lib/dates";
import { demoShowScriptInput } from "./demo-show-script";
import { renderRundownPdf } from "./render-rundown-pdf.server";
import { computeRunOfShow } from "./run-of-show";
import { showScriptInputSchema, toShowScript } from "./show-script";

async function readPdf(buffer: Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await pdf.destroy();
  return pages;
}

const script = toShowScript(showScriptInputSchema(DEFAULT_STUDIO_TIME_ZONE).parse(demoShowScriptInput()), {
  host: "小林",
  producer: "阿杰",
});
const blocks = computeRunOfShow(script);

describe("rundown PDF", () => {
  it("prints every block with clock times from the scheduled start in Shanghai time", async () => {
    const started = performance.now();
    const buffer = await renderRundownPdf({ script, blocks, now: new Date("2025-06-15T02:00:00Z") });
    const ms = performance.now() - started;
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await readPdf(buffer);
    // Over a hundred rows do not fit on one A4 page.
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join("\n");
    expect(all).toContain("年中粉丝日 · 616厂价直销夜 · 直播流程单");
    expect(all).toContain("主播：小林");
    expect(all).toContain("场控：阿杰");
    // 12:00Z is 20:00 in Shanghai; the first product's pain point follows the 2-minute opening.
    expect(all).toContain("2025-06-16 20:00");
    expect(all).toContain("20:02:00");
    expect(all).toContain("轩逸 经典款");
    expect(all).toContain("每天通勤一百公里");
    expect(all).toContain(`${blocks.length}`);
    expect(pages[1]).toContain("文案摘要");
    expect(pages.at(-1)).toContain("收尾");
    expect(pages.at(-1)).toContain(`第 ${pages.length} / ${pages.length} 页`);
    // Only the glyphs used are embedded, not the 10 MB face.
    expect(buffer.length).toBeLessThan(400_000);
    console.info(
      `rundown: ${blocks.length} blocks, ${pages.length} pages, ${buffer.length} bytes, ${ms.toFixed(0)} ms`,
    );
  });

  it("prints offsets from air time when the start is not scheduled", async () => {
    const pages = await readPdf(
      await renderRundownPdf({
        script: { ...script, scheduledAt: null, cta: { ...script.cta, url: "" } },
        blocks: blocks.slice(0, 3),
      }),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("开播时间：未定");
    expect(pages[0]).toContain("+0:02:00");
  });
});
