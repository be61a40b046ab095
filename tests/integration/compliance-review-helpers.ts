import { asc, eq } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { seedTermLibrary } from "~/modules/compliance/terms/seed-term-library.server";
import type { TermEntry } from "~/modules/compliance/terms/term-types";
import { createPiece } from "~/modules/pieces/create-piece.server";
import type { PieceKind } from "~/modules/pieces/status-machine";
import { transitionPiece } from "~/modules/pieces/transition-piece.server";
import { loader as pieceLoader } from "~/routes/_app.pieces.$id";
import { getRequest, respond, routeArgs } from "../setup/test-studio";
import { rowCount } from "../setup/row-count";

const BASIS = "《中华人民共和国广告法》第九条";

/** A small library: 最好 must go (block), 零首付 needs a reviewer's word (review). */
export const TEST_TERMS: TermEntry[] = [
  {
    term: "最好",
    pattern: null,
    category: "absolute",
    severity: "block",
    reason: "绝对化用语，无法证实。",
    basis: BASIS,
    suggestion: "写出具体、可核实的优点",
    allowedContexts: ["最好是"],
  },
  {
    term: "零首付",
    pattern: null,
    category: "auto_finance",
    severity: "review",
    reason: "金融方案须写明条件和提供方。",
    basis: "《汽车金融公司管理办法》",
    suggestion: "写明首付比例、期数和金融机构",
    allowedContexts: [],
  },
];

/** A copy long enough for an originality score (more than 60 characters). */
export const LONG_COPY =
  "雨天开车前挡风玻璃起雾，先打开空调的除雾功能，把风向调到挡风玻璃，再打开外循环，让车内外温差慢慢变小。" +
  "如果雾气很重，可以把后窗加热也一起打开，几分钟后视线就会恢复，千万不要用手直接去擦玻璃。";

export function seedTerms(studio: Studio) {
  seedTermLibrary({ db: studio.db, now: studio.now(), terms: TEST_TERMS });
}

export function draftPiece(
  studio: Studio,
  owner: Actor,
  body: string,
  options: { kind?: PieceKind; title?: string } = {},
) {
  const created = createPiece({
    db: studio.db,
    actor: owner,
    input: { kind: options.kind ?? "poster", title: options.title ?? "周末到店试驾", body },
    now: studio.now(),
  });
  if (!created.ok) throw new Error(created.message);
  return created.pieceId;
}

export function move(studio: Studio, actor: Actor, pieceId: number, action: string) {
  return transitionPiece({ db: studio.db, actor, pieceId, action, now: studio.now() });
}

/** Moves a piece through actions that must all pass. */
export function moveAll(studio: Studio, steps: Array<[Actor, string]>, pieceId: number) {
  for (const [actor, action] of steps) {
    const done = move(studio, actor, pieceId, action);
    if (!done.ok) throw new Error(`${action}: ${done.message}`);
  }
}

export const checkRow = (studio: Studio, pieceId: number) =>
  studio.db.select().from(schema.pieceChecks).where(eq(schema.pieceChecks.pieceId, pieceId)).get();

export const justificationRows = (studio: Studio, pieceId: number) =>
  studio.db
    .select()
    .from(schema.complianceJustifications)
    .where(eq(schema.complianceJustifications.pieceId, pieceId))
    .orderBy(asc(schema.complianceJustifications.id))
    .all();

export const pieceStatus = (studio: Studio, pieceId: number) =>
  studio.db
    .select({ status: schema.pieces.status })
    .from(schema.pieces)
    .where(eq(schema.pieces.id, pieceId))
    .get()!.status;

/** Rows a refused step must leave alone. */
export function counts(studio: Studio) {
  return {
    audit: rowCount(studio, schema.auditLog),
    transitions: rowCount(studio, schema.pieceTransitions),
    justifications: rowCount(studio, schema.complianceJustifications),
    checks: JSON.stringify(studio.db.select().from(schema.pieceChecks).all()),
  };
}

/** What the piece page's loader hands its review panel. */
export async function pageReview(cookie: string, pieceId: number) {
  const res = await respond(() =>
    pieceLoader(routeArgs(getRequest(`/pieces/${pieceId}`, { Cookie: cookie }), { id: String(pieceId) })),
  );
  const data = (await res.json()) as Awaited<ReturnType<typeof pieceLoader>>;
  return { review: data.review!, canJustify: data.canJustify };
}
