// npm run bench -- poster: one story poster end to end (template, layout, QR, PNG) against a bare
// satori + resvg render of the same element tree, timed turn about in the same run; then 100
// variants with distinct QR sources as the batch renderer makes them (ratio: against 100 single
// end-to-end renders at the measured median); the same poster with a Noto Serif SC kit.
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { loadPosterFonts } from "../../app/modules/posters/render/poster-fonts.server";
import type { BrandKit, PosterFields } from "../../app/modules/posters/render/poster-catalog";
import {
  buildPosterTree,
  renderPosterPng,
  type RenderPosterInput,
} from "../../app/modules/posters/render/render-poster.server";
import { renderPosterVariants } from "../../app/modules/posters/render/render-poster-variants.server";
import { report, type BenchRow } from "./bench-utils";

/** A car on a road, drawn here so the bench needs no image file. */
function benchPhoto(): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/>
<stop offset="0.62" stop-color="#e8eef4"/><stop offset="0.62" stop-color="#5b6470"/><stop offset="1" stop-color="#3a4048"/></linearGradient></defs>
<rect width="1600" height="1000" fill="url(#s)"/>
<path d="M260 700 Q280 560 460 540 L640 420 Q720 380 900 380 L1080 385 Q1200 400 1280 520 L1400 560 Q1460 580 1460 700 Z" fill="#c8102e"/>
<circle cx="480" cy="710" r="95" fill="#1b1e22"/><circle cx="1240" cy="710" r="95" fill="#1b1e22"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().asPng());
}

function benchLogo(): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="92" fill="#c8102e"/><path d="M50 130 L100 55 L150 130 Z" fill="#fff"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().asPng());
}

const kit = (): BrandKit => ({
  dealerName: "鸿运汽车 4S 店",
  logoPng: benchLogo(),
  primaryColor: "#b5121b",
  accentColor: "#f5a623",
  textColor: "#1f2937",
  hotline: "400-820-1234",
  address: "上海市闵行区沪闵路 1888 号（近莘庄立交）",
  font: "noto_sans_sc",
});

const fields: PosterFields = {
  headline: "年终购车节，全系钜惠",
  subline: "置换补贴 + 0 首付，今天就开回家",
  offer: "直降 2 万元",
  validFrom: "2026-12-01",
  validTo: "2026-12-31",
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU milliseconds this process spent in `fn`: on a shared, busy machine wall time also counts waiting. */
async function cpuMs<T>(fn: () => Promise<T>): Promise<{ value: T; cpu: number }> {
  const start = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(start);
  return { value, cpu: (used.user + used.system) / 1000 };
}

export async function main(runs = 15): Promise<void> {
  const fonts = await loadPosterFonts();
  const input: RenderPosterInput = {
    template: "offer",
    size: "story",
    fields,
    kit: kit(),
    photo: benchPhoto(),
    qrUrl: "https://studio.example.cn/p/winter26?src=poster-12-wang",
  };
  const tree = await buildPosterTree(input, fonts);
  if (!tree.ok) throw new Error(tree.message);

  // The baseline: the same element tree, straight through satori and resvg.
  const bare = async () => {
    const svg = await satori(tree.element, { width: tree.width, height: tree.height, fonts: fonts.satori });
    return new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
  };
  const ours = async () => {
    const result = await renderPosterPng(input);
    if (!result.ok) throw new Error(result.message);
    return result.png;
  };
  for (let i = 0; i < 3; i++) {
    await bare();
    await ours();
  }
  const bareMs: number[] = [];
  const oursMs: number[] = [];
  const bareCpu: number[] = [];
  const oursCpu: number[] = [];
  const stages = {
    layout: [] as number[],
    satori: [] as number[],
    resvg: [] as number[],
    png: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    bareCpu.push((await cpuMs(bare)).cpu);
    bareMs.push(performance.now() - start);
    start = performance.now();
    oursCpu.push((await cpuMs(ours)).cpu);
    oursMs.push(performance.now() - start);
  }
  // Where one poster's time goes (not part of the comparison).
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const t = await buildPosterTree(input, fonts);
    if (!t.ok) throw new Error(t.message);
    const t1 = performance.now();
    const svg = await satori(t.element, { width: t.width, height: t.height, fonts: fonts.satori });
    const t2 = performance.now();
    const rendered = new Resvg(svg, { fitTo: { mode: "original" } }).render();
    const t3 = performance.now();
    rendered.asPng();
    const t4 = performance.now();
    stages.layout.push(t1 - t0);
    stages.satori.push(t2 - t1);
    stages.resvg.push(t3 - t2);
    stages.png.push(t4 - t3);
  }

  // A batch as the variants job renders it: the poster once, each variant's code painted in.
  const variants = 100;
  const qrUrls = Array.from(
    { length: variants },
    (_, i) => `https://studio.example.cn/p/winter26?src=poster-12-c${i}`,
  );
  const sources = new Set<string>();
  const batchStart = performance.now();
  const { value: batch, cpu: batchCpu } = await cpuMs(() =>
    renderPosterVariants({ ...input, qrUrls }, (variant) => {
      sources.add(variant.qrUrl);
    }),
  );
  if (!batch.ok) throw new Error(batch.message);
  const batchMs = performance.now() - batchStart;

  // The kit's other face: its first poster pays for reading and measuring the face once (and
  // satori parsing it); the posters after it do not.
  const serifInput: RenderPosterInput = { ...input, kit: { ...input.kit, font: "noto_serif_sc" } };
  const serifRender = async () => {
    const result = await renderPosterPng(serifInput);
    if (!result.ok) throw new Error(result.message);
  };
  const firstStart = performance.now();
  await serifRender();
  const serifFirstMs = performance.now() - firstStart;
  const serifMs: number[] = [];
  const serifCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    serifCpu.push((await cpuMs(serifRender)).cpu);
    serifMs.push(performance.now() - start);
  }

  const one = median(oursMs);
  const base = median(bareMs);
  const rows: BenchRow[] = [
    {
      name: "bare satori + resvg (same tree)",
      medianMs: Math.round(base),
      cpuMs: Math.round(median(bareCpu)),
      goal: "",
    },
    {
      name: "poster end to end (1080×1920)",
      medianMs: Math.round(one),
      cpuMs: Math.round(median(oursCpu)),
      goal: "< 300 ms, ≤ 1.3× bare",
      ratio: Number((one / base).toFixed(2)),
    },
    {
      name: "poster end to end, Noto Serif SC kit",
      medianMs: Math.round(median(serifMs)),
      cpuMs: Math.round(median(serifCpu)),
      firstUseMs: Math.round(serifFirstMs),
      goal: "< 300 ms after first use",
      ratio: Number((median(serifMs) / base).toFixed(2)),
    },
    {
      name: `${variants} variants (distinct QR sources)`,
      totalMs: Math.round(batchMs),
      cpuMs: Math.round(batchCpu),
      perVariantMs: Math.round(batchMs / variants),
      goal: "< 30 s",
      ratio: Number((batchMs / (variants * one)).toFixed(2)),
    },
  ];
  const breakdown = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v))]));
  report("poster", rows, {
    runs,
    breakdownMs: breakdown,
    distinctSources: sources.size,
    loadAverage: os.loadavg()[0],
    cpus: os.cpus().length,
  });
  console.log(
    `poster: end to end ${Math.round(one)} ms = ${(one / base).toFixed(2)}× bare (${Math.round(base)} ms); ` +
      `${variants} variants ${(batchMs / 1000).toFixed(1)} s (${(batchMs / 30_000).toFixed(2)}× the 30 s goal, ` +
      `${(batchMs / (variants * one)).toFixed(2)}× ${variants} single renders); ` +
      `Noto Serif SC kit ${Math.round(median(serifMs))} ms (first use ${Math.round(serifFirstMs)} ms); ` +
      `stages ${JSON.stringify(breakdown)}; CPU ${Math.round(median(oursCpu))} ms per poster, ` +
      `${(batchCpu / 1000).toFixed(1)} s for the batch; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
