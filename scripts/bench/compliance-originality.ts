// The originality check of a 2,000-character text against 10,000 earlier pieces, generated
// deterministically as a studio's mix (two in five posters of 60 to 300 characters, two in five
// scripts of 300 to 800, one in five articles of 1,000 to 2,500), written to a temporary SQLite
// file and indexed through indexPieceCopy, as submitting does. Three articles share a paragraph of
// 150 characters with the text.
// Baseline, measured in the same run: the check without the index — read every piece's text,
// normalise it, cut its shingles and compare the sets with the text's. Goal: median under 20 ms.
// Called by scripts/bench/compliance.ts; no `main` of its own.
import { checkOriginality } from "../../app/modules/compliance/originality/check-originality.server";
import { K } from "../../app/modules/compliance/originality/fingerprints";
import { indexPieceCopy } from "../../app/modules/compliance/originality/index-piece-copy.server";
import { sampleCopy, seededRandom } from "../../app/modules/compliance/originality/sample-copy";
import { normalizeForMatch } from "../../app/modules/compliance/scanner/normalize";
import { benchPieceStudio, medianMs, report } from "./bench-utils";

const PIECES = 10_000;
const TEXT_CHARS = 2_000;
/** The earlier pieces (articles) the checked text copies a paragraph from. */
const SOURCES = [2_004, 5_004, 9_004];
/** Kind and length range by position in five. */
const MIX = [
  { kind: "poster", min: 60, max: 300 },
  { kind: "poster", min: 60, max: 300 },
  { kind: "episode", min: 300, max: 800 },
  { kind: "episode", min: 300, max: 800 },
  { kind: "article", min: 1_000, max: 2_500 },
];

function shingleSet(text: string): Set<string> {
  const normalized = normalizeForMatch(text).text;
  const set = new Set<string>();
  for (let i = 0; i + K <= normalized.length; i++) set.add(normalized.slice(i, i + K));
  return set;
}

export async function benchOriginality(): Promise<void> {
  const { studio, now, insertPiece, close } = benchPieceStudio("originality");
  const { sqlite } = studio.database;
  try {
    const random = seededRandom(2026);
    const bodies: string[] = [];
    const ids: number[] = [];
    let started = performance.now();
    sqlite.transaction(() => {
      for (let i = 0; i < PIECES; i++) {
        const { kind, min, max } = MIX[i % MIX.length];
        const body = sampleCopy(10_000 + i, min + Math.floor(random() * (max - min)));
        bodies.push(body);
        const at = now.getTime() - (PIECES - i) * 60_000;
        ids.push(insertPiece({ kind, title: `第${i}篇`, status: "published", body, slug: `o-${i}`, at }));
      }
    })();
    const insertMs = performance.now() - started;
    started = performance.now();
    studio.db.transaction((tx) => {
      for (const id of ids) indexPieceCopy({ tx, pieceId: id });
    });
    const indexMs = performance.now() - started;
    const rows = (sqlite.prepare("select count(*) n from originality_bands").get() as { n: number }).n;

    // A new 2,000-character text with a paragraph of about 150 characters from each source piece.
    const paragraphs = SOURCES.map((i) => bodies[i].slice(100, 250));
    const own = sampleCopy(77, TEXT_CHARS - paragraphs.join("").length);
    const step = Math.floor(own.length / (paragraphs.length + 1));
    let text = "";
    paragraphs.forEach((p, n) => (text += own.slice(n * step, (n + 1) * step) + p));
    text += own.slice(paragraphs.length * step);

    const check = () => checkOriginality({ db: studio.db, text, kind: "article" });
    const result = check();
    const found = result.similar.map((s) => ids.indexOf(s.pieceId));
    if (SOURCES.some((i) => !found.includes(i)))
      throw new Error(`the check missed a source: found ${found.join(", ")}`);

    const readAll = sqlite.prepare("select id, body from pieces");
    const baseline = () => {
      const mine = shingleSet(text);
      const shared: Array<{ id: number; n: number }> = [];
      for (const row of readAll.all() as Array<{ id: number; body: string }>) {
        let n = 0;
        for (const shingle of shingleSet(row.body)) if (mine.has(shingle)) n++;
        if (n) shared.push({ id: row.id, n });
      }
      return shared.sort((a, b) => b.n - a.n).slice(0, 5);
    };
    const baselineFound = baseline().map((s) => ids.indexOf(s.id));
    if (SOURCES.some((i) => !baselineFound.includes(i))) throw new Error("the baseline missed a source");

    // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
    const cpuStart = process.cpuUsage();
    const indexedMs = await medianMs(check, 21);
    const cpu = process.cpuUsage(cpuStart);
    const indexedCpuMs = (cpu.user + cpu.system) / 1000 / 22;
    const baselineMs = await medianMs(baseline, 3);
    report(
      "compliance-originality",
      [
        {
          name: `originality of ${text.length} chars vs ${PIECES} pieces`,
          "median ms": Number(indexedMs.toFixed(2)),
          "CPU ms a check": Number(indexedCpuMs.toFixed(2)),
          "baseline ms (read + compare all)": Number(baselineMs.toFixed(1)),
          "baseline / indexed": Number((baselineMs / indexedMs).toFixed(1)),
          "goal ms": 20,
        },
      ],
      {
        pieces: PIECES,
        indexRows: rows,
        insertMs: Math.round(insertMs),
        indexMs: Math.round(indexMs),
        score: result.score,
        similar: found,
      },
    );
    console.log(
      `originality: median ${indexedMs.toFixed(2)} ms (CPU ${indexedCpuMs.toFixed(2)} ms; goal < 20 ms), baseline ${baselineMs.toFixed(0)} ms, ` +
        `${(baselineMs / indexedMs).toFixed(0)}x faster; score ${result.score}; index ${rows} rows, built in ${(indexMs / 1000).toFixed(1)} s`,
    );
  } finally {
    close();
  }
}
