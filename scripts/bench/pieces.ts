// Piece list query through the pieces module vs the same query as one hand-written SQL statement
// on the same SQLite file: the ratio is the cost of the module's query building and mapping.
import { pathToFileURL } from "node:url";
import { listPieces } from "../../app/modules/pieces/list-pieces.server";
import { benchPieceStudio, medianMs, report } from "./bench-utils";

export async function main() {
  const { studio, now, insertPiece, close } = benchPieceStudio("pieces");
  const kinds = ["episode", "poster", "article", "ebook", "handbook", "livestream"];
  studio.database.sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++)
      insertPiece({
        kind: kinds[i % 6],
        title: `第${i}条 雨季用车`,
        status: i % 4 ? "draft" : "approved",
        body: "正文".repeat(50),
        slug: `s-${i}`,
        at: now.getTime() - i * 1000,
      });
  })();
  const raw = studio.database.sqlite.prepare(
    // The same columns, joins, escaping and order as the module's query, written by hand.
    `select p.id, p.slug, p.kind, p.title, p.status, p.owner_id, u.name as owner_name, p.campaign_id, c.name as campaign_name, p.column_id, p.mix_category, p.version,
       p.due_at, p.scheduled_at, p.published_at, p.created_at, p.updated_at
     from pieces p left join users u on u.id = p.owner_id left join campaigns c on c.id = p.campaign_id
     where p.kind = ? and p.status = ? and (p.title like ? escape '\\' or p.body like ? escape '\\' or p.slug like ? escape '\\')
     order by p.updated_at desc, p.id desc limit 20`,
  );
  const rawCount = studio.database.sqlite.prepare(
    "select count(*) n from pieces p where p.kind = ? and p.status = ? and (p.title like ? escape '\\' or p.body like ? escape '\\' or p.slug like ? escape '\\')",
  );
  const baseline = await medianMs(() => {
    rawCount.get("article", "approved", "%雨季%", "%雨季%", "%雨季%");
    return raw.all("article", "approved", "%雨季%", "%雨季%", "%雨季%");
  }, 20);
  const studioMs = await medianMs(
    () =>
      listPieces({
        db: studio.db,
        query: { kind: "article", status: "approved", q: "雨季", page: 1, pageSize: 20 },
      }),
    20,
  );
  report("pieces", [
    { name: "hand-written SQL (baseline)", ms: Number(baseline.toFixed(2)), ratio: 1 },
    {
      name: "listPieces (module)",
      ms: Number(studioMs.toFixed(2)),
      ratio: Number((studioMs / baseline).toFixed(2)),
    },
  ]);
  close();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
