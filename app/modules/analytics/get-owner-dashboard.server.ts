import { inArray } from "drizzle-orm";
import { monthDays } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";
import { column, type AnalyticsTable } from "./analytics-table";
import { listPosts } from "./list-posts.server";
import { countLeads, rangeInstants, sumRollups } from "./rollup-figures.server";
import { TARGETS } from "./targets";

export interface OwnerFigures {
  ownerId: number;
  name: string;
  /** Short-video posts published in the month (the operators' 60 a month). */
  videoPosts: number;
  /** Of those, the ones with ≥ 500,000 platform plays (3 a month each). */
  viralPosts: number;
  /** Every post of the owner's pieces, any kind. */
  allPosts: number;
  views: number;
  leads: number;
}

/**
 * Per owner (the person who owns the pieces) in one month: short-video posts against 60 and
 * viral posts against 3 — the plan's targets for each short-video operator — with every post and
 * the landing-page views and leads of their pieces beside.
 */
export function getOwnerDashboard(options: { db: DbOrTx; month: string; timeZone: string }): {
  month: string;
  owners: OwnerFigures[];
  tables: AnalyticsTable[];
} {
  const { db, month, timeZone } = options;
  const { from, to } = monthDays(month);
  const { start, end } = rangeInstants(from, to, timeZone);
  const posts = listPosts({ db, start: start!, end: end!, asOfDay: to });
  const byPiece = sumRollups({ db, from, to, by: "piece" });
  const leads = countLeads({ db, from, to, timeZone, by: "piece" });
  const pieceIds = [
    ...new Set([...posts.map((post) => post.pieceId), ...byPiece.keys(), ...leads.keys()]),
  ] as number[];
  const ownerOf = new Map<number, number>();
  for (let i = 0; i < pieceIds.length; i += 500)
    for (const row of db
      .select({ id: schema.pieces.id, ownerId: schema.pieces.ownerId })
      .from(schema.pieces)
      .where(inArray(schema.pieces.id, pieceIds.slice(i, i + 500)))
      .all())
      ownerOf.set(row.id, row.ownerId);

  const owners = new Map<number, OwnerFigures>();
  const entry = (ownerId: number) => {
    let found = owners.get(ownerId);
    if (!found)
      owners.set(
        ownerId,
        (found = { ownerId, name: "", videoPosts: 0, viralPosts: 0, allPosts: 0, views: 0, leads: 0 }),
      );
    return found;
  };
  for (const post of posts) {
    const owner = entry(post.ownerId);
    owner.allPosts += 1;
    if (post.kind === "episode") {
      owner.videoPosts += 1;
      if (post.viral) owner.viralPosts += 1;
    }
  }
  for (const [id, f] of byPiece) {
    const ownerId = ownerOf.get(id as number);
    if (ownerId !== undefined) entry(ownerId).views += f.views;
  }
  for (const [id, n] of leads) {
    const ownerId = ownerOf.get(id as number);
    if (ownerId !== undefined) entry(ownerId).leads += n;
  }
  const names = new Map(
    owners.size === 0
      ? []
      : db
          .select({ id: schema.users.id, name: schema.users.name })
          .from(schema.users)
          .where(inArray(schema.users.id, [...owners.keys()]))
          .all()
          .map((u) => [u.id, u.name] as const),
  );
  const list = [...owners.values()]
    .map((owner) => ({ ...owner, name: names.get(owner.ownerId) ?? `#${owner.ownerId}` }))
    .sort((a, b) => b.videoPosts - a.videoPosts || b.allPosts - a.allPosts || a.name.localeCompare(b.name));
  return {
    month,
    owners: list,
    tables: [
      {
        id: "owners",
        title: "analytics.tables.owners",
        columns: [
          { key: "name", label: "analytics.columns.owner", kind: "text" },
          column("videoPosts", "number", TARGETS.postsPerOwnerMonth),
          column("viralPosts", "number", TARGETS.viralPostsPerOwnerMonth),
          column("allPosts", "number"),
          column("views", "number"),
          column("leads", "number"),
        ],
        rows: list.map((owner) => ({ ...owner })),
      },
    ],
  };
}
