import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { translator } from "~/i18n/i18n";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";
import { DEFAULT_TIMING } from "./livestream-rules";
import {
  blockKindKey,
  computeRunOfShow,
  totalSeconds,
  validateRunOfShow,
  type BlockKind,
  type RunOfShowBlock,
  type RunOfShowIssue,
} from "./run-of-show";
import type { ShowInput } from "./show-input";
import type { ShowScript } from "./show-script";
import { toShowScript } from "./show-script";
import { createShowState, type ShowState } from "./show-state";

type ShowRow = typeof schema.livestreamShows.$inferSelect;
type ProductRow = typeof schema.livestreamProducts.$inferSelect;

export interface ShowProductDto {
  name: string;
  painPoint: string;
  painSeconds: number;
  sellingPoint: string;
  sellingSeconds: number;
  perk: string;
  perkSeconds: number;
}

export interface ShowDto {
  id: number;
  title: string;
  status: string;
  version: number;
  ownerId: number;
  ownerName: string | null;
  scheduledAt: string | null;
  hostId: number | null;
  hostName: string | null;
  producerId: number | null;
  producerName: string | null;
  plannedMinutes: number;
  hostCharsPerMinute: number;
  products: ShowProductDto[];
  opening: string;
  interaction: string;
  cta: string;
  ctaUrl: string;
  closing: string;
  /** The run of show the screens use: frozen at start, computed from the script before. */
  blocks: RunOfShowBlock[];
  blocksFrozen: boolean;
  issues: RunOfShowIssue[];
  totalSeconds: number;
  liveStatus: ShowState["status"];
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

export interface ShowListItem {
  id: number;
  title: string;
  status: string;
  scheduledAt: string | null;
  hostName: string | null;
  producerName: string | null;
  productCount: number;
  plannedMinutes: number;
  liveStatus: ShowState["status"];
  updatedAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function productRows(db: DbOrTx, showId: number): ProductRow[] {
  return db
    .select()
    .from(schema.livestreamProducts)
    .where(eq(schema.livestreamProducts.showId, showId))
    .orderBy(asc(schema.livestreamProducts.position))
    .all();
}

function userNames(db: DbOrTx, ids: Array<number | null>): Map<number, string> {
  const wanted = ids.filter((id): id is number => id !== null);
  if (!wanted.length) return new Map();
  const rows = db
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(inArray(schema.users.id, wanted))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The engine's script from stored rows; the run of show is always derived from this. */
export function scriptFromRows(
  row: ShowRow,
  products: ProductRow[],
  title: string,
  names: Map<number, string>,
): ShowScript {
  return {
    title,
    scheduledAt: iso(row.scheduledAt),
    host: row.hostId ? (names.get(row.hostId) ?? "") : "",
    producer: row.producerId ? (names.get(row.producerId) ?? "") : "",
    plannedMinutes: row.plannedMinutes,
    hostCharsPerMinute: row.hostCharsPerMinute,
    products: products.map((p) => ({
      name: p.name,
      painPoint: { text: p.painPoint, seconds: p.painSeconds },
      sellingPoint: { text: p.sellingPoint, seconds: p.sellingSeconds },
      perk: { text: p.perk, seconds: p.perkSeconds },
    })),
    opening: { text: row.openingText, seconds: DEFAULT_TIMING.openingSeconds },
    interaction: { text: row.interactionText, seconds: DEFAULT_TIMING.interactionSeconds },
    cta: { text: row.ctaText, seconds: DEFAULT_TIMING.ctaSeconds, url: row.ctaUrl },
    closing: { text: row.closingText, seconds: DEFAULT_TIMING.closingSeconds },
  };
}

export interface LoadedShow {
  row: ShowRow;
  piece: typeof schema.pieces.$inferSelect;
  script: ShowScript;
  blocks: RunOfShowBlock[];
  frozen: boolean;
  state: ShowState;
}

/** Reads a show with its script, its blocks (frozen ones once started) and its live state. */
export function loadShow(db: DbOrTx, showId: number): LoadedShow | null {
  const piece = db
    .select()
    .from(schema.pieces)
    .where(and(eq(schema.pieces.id, showId), eq(schema.pieces.kind, "livestream")))
    .get();
  if (!piece) return null;
  const row = db
    .select()
    .from(schema.livestreamShows)
    .where(eq(schema.livestreamShows.pieceId, showId))
    .get();
  if (!row) return null;
  const names = userNames(db, [row.hostId, row.producerId]);
  const script = scriptFromRows(row, productRows(db, showId), piece.title, names);
  const frozen = row.frozenBlocksJson ? (JSON.parse(row.frozenBlocksJson) as RunOfShowBlock[]) : null;
  const blocks = frozen ?? computeRunOfShow(script);
  const stored = row.stateJson ? (JSON.parse(row.stateJson) as ShowState) : null;
  let state = stored ?? createShowState({ showId: String(showId), blockCount: blocks.length });
  // Before the start the script may still change, and with it the number of blocks.
  if (state.status === "idle" && state.blockCount !== blocks.length)
    state = { ...state, blockCount: blocks.length, blockIndex: 0 };
  return { row, piece, script, blocks, frozen: frozen !== null, state };
}

export function getShow(options: { db: Db; showId: number }): ShowDto | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const { row, piece, script, blocks, frozen, state } = loaded;
  const names = userNames(options.db, [row.hostId, row.producerId, piece.ownerId]);
  return {
    id: piece.id,
    title: piece.title,
    status: piece.status,
    version: piece.version,
    ownerId: piece.ownerId,
    ownerName: names.get(piece.ownerId) ?? null,
    scheduledAt: iso(row.scheduledAt),
    hostId: row.hostId,
    hostName: row.hostId ? (names.get(row.hostId) ?? null) : null,
    producerId: row.producerId,
    producerName: row.producerId ? (names.get(row.producerId) ?? null) : null,
    plannedMinutes: row.plannedMinutes,
    hostCharsPerMinute: row.hostCharsPerMinute,
    products: script.products.map((p) => ({
      name: p.name,
      painPoint: p.painPoint.text,
      painSeconds: p.painPoint.seconds,
      sellingPoint: p.sellingPoint.text,
      sellingSeconds: p.sellingPoint.seconds,
      perk: p.perk.text,
      perkSeconds: p.perk.seconds,
    })),
    opening: row.openingText,
    interaction: row.interactionText,
    cta: row.ctaText,
    ctaUrl: row.ctaUrl,
    closing: row.closingText,
    blocks,
    blocksFrozen: frozen,
    // Issues are about the script as it stands now, even after the blocks were frozen.
    issues: validateRunOfShow(script),
    totalSeconds: totalSeconds(blocks),
    liveStatus: state.status,
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function listShows(options: { db: Db }): ShowListItem[] {
  const { db } = options;
  const rows = db
    .select({ piece: schema.pieces, show: schema.livestreamShows })
    .from(schema.livestreamShows)
    .innerJoin(schema.pieces, eq(schema.pieces.id, schema.livestreamShows.pieceId))
    .orderBy(desc(schema.livestreamShows.scheduledAt), desc(schema.pieces.id))
    .all();
  const names = userNames(
    db,
    rows.flatMap((r) => [r.show.hostId, r.show.producerId]),
  );
  const counts = new Map<number, number>();
  for (const p of db
    .select({ showId: schema.livestreamProducts.showId })
    .from(schema.livestreamProducts)
    .all())
    counts.set(p.showId, (counts.get(p.showId) ?? 0) + 1);
  return rows.map(({ piece, show }) => ({
    id: piece.id,
    title: piece.title,
    status: piece.status,
    scheduledAt: iso(show.scheduledAt),
    hostName: show.hostId ? (names.get(show.hostId) ?? null) : null,
    producerName: show.producerId ? (names.get(show.producerId) ?? null) : null,
    productCount: counts.get(piece.id) ?? 0,
    plannedMinutes: show.plannedMinutes,
    liveStatus: show.stateJson ? (JSON.parse(show.stateJson) as ShowState).status : "idle",
    updatedAt: show.updatedAt.toISOString(),
  }));
}

/** People who can be named host or producer of a show, for the builder's pickers. */
export function listShowStaff(options: { db: Db }): {
  hosts: { value: string; label: string }[];
  producers: { value: string; label: string }[];
} {
  const users = options.db
    .select({
      id: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      roles: schema.users.roles,
      disabled: schema.users.disabled,
    })
    .from(schema.users)
    .all();
  const active = users.filter((u) => !u.disabled);
  const option = (u: (typeof users)[number]) => ({ value: String(u.id), label: `${u.name}（${u.email}）` });
  return {
    hosts: active.filter((u) => can(u.roles, "livestream.prompter")).map(option),
    producers: active.filter((u) => can(u.roles, "livestream.control")).map(option),
  };
}

/** Row-level rule: producers and reviewers edit any open show, copywriters their own. */
export function canEditShow(piece: { ownerId: number; status: string }, actor: Actor): boolean {
  if (!can(actor.roles, "livestream.edit")) return false;
  if (piece.status === "published" || piece.status === "archived") return false;
  if (can(actor.roles, "pieces.review") || can(actor.roles, "livestream.control")) return true;
  return piece.ownerId === actor.id;
}

/** Plain-text rendering of the script for the piece body: search and revisions see the words. */
function pieceBody(script: ShowScript): string {
  // Stored and diffed, so always in the studio's language.
  const t = translator("zh");
  const kind = (k: BlockKind) => t(blockKindKey(k));
  const part = (k: BlockKind, text: string) => t("livestream.scriptText.part", { kind: kind(k), text });
  const timed = (k: BlockKind, p: { text: string; seconds: number }) =>
    `  ${t("livestream.scriptText.timedPart", { kind: kind(k), seconds: p.seconds, text: p.text })}`;
  const lines = [
    t("livestream.scriptText.summary", {
      minutes: script.plannedMinutes,
      products: script.products.length,
    }),
    part("opening", script.opening.text),
  ];
  script.products.forEach((p, i) => {
    lines.push(
      t("livestream.productLabel", { n: i + 1, name: p.name }),
      timed("pain", p.painPoint),
      timed("selling", p.sellingPoint),
      timed("perk", p.perk),
    );
  });
  lines.push(
    part("interaction", script.interaction.text),
    t("livestream.scriptText.cta", { kind: kind("cta"), text: script.cta.text, url: script.cta.url }),
    part("closing", script.closing.text),
  );
  return lines.join("\n");
}

function checkStaff(db: DbOrTx, input: ShowInput) {
  for (const [field, id, capability, label] of [
    ["hostId", input.hostId, "livestream.prompter", "主播"],
    ["producerId", input.producerId, "livestream.control", "场控"],
  ] as const) {
    if (id === undefined) continue;
    const user = db
      .select({ roles: schema.users.roles, disabled: schema.users.disabled })
      .from(schema.users)
      .where(eq(schema.users.id, id))
      .get();
    if (!user || user.disabled || !can(user.roles, capability))
      return fail(400, "invalid_staff", `所选${label}不存在或没有${label}角色`, field);
  }
  return null;
}

function writeScript(tx: DbOrTx, showId: number, input: ShowInput, now: Date) {
  const script = toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } });
  const values = {
    scheduledAt: script.scheduledAt ? new Date(script.scheduledAt) : null,
    hostId: input.hostId ?? null,
    producerId: input.producerId ?? null,
    plannedMinutes: script.plannedMinutes,
    hostCharsPerMinute: script.hostCharsPerMinute,
    openingText: script.opening.text,
    interactionText: script.interaction.text,
    ctaText: script.cta.text,
    ctaUrl: script.cta.url,
    closingText: script.closing.text,
    updatedAt: now,
  };
  tx.delete(schema.livestreamProducts).where(eq(schema.livestreamProducts.showId, showId)).run();
  script.products.forEach((p, position) => {
    tx.insert(schema.livestreamProducts)
      .values({
        showId,
        position,
        name: p.name,
        painPoint: p.painPoint.text,
        painSeconds: p.painPoint.seconds,
        sellingPoint: p.sellingPoint.text,
        sellingSeconds: p.sellingPoint.seconds,
        perk: p.perk.text,
        perkSeconds: p.perk.seconds,
      })
      .run();
  });
  return { script, values };
}

/** Creates the piece (kind 'livestream') and the show in one transaction. */
export function createShow(options: {
  db: Db;
  actor: Actor;
  input: ShowInput;
  now: Date;
  pieceId?: number;
}): Result<{ showId: number }> {
  const { db, actor, input, now } = options;
  if (!can(actor.roles, "livestream.edit")) return fail(403, "forbidden", "你的角色不能创建直播脚本。");
  const staff = checkStaff(db, input);
  if (staff) return staff;
  return db.transaction((tx) => {
    const draft = toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } });
    const showId =
      options.pieceId ??
      insertPiece(tx, {
        actor,
        input: { kind: "livestream", title: input.title, body: pieceBody(draft) },
        now,
      });
    tx.insert(schema.livestreamShows)
      .values({
        pieceId: showId,
        plannedMinutes: input.plannedMinutes,
        hostCharsPerMinute: input.hostCharsPerMinute,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const { script, values } = writeScript(tx, showId, input, now);
    tx.update(schema.livestreamShows).set(values).where(eq(schema.livestreamShows.pieceId, showId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "livestream.create",
      entity: "piece",
      entityId: showId,
      after: {
        title: script.title,
        products: script.products.length,
        plannedMinutes: script.plannedMinutes,
        hostId: values.hostId,
        producerId: values.producerId,
      },
      at: now,
    });
    return { ok: true as const, showId };
  });
}

/** Saves the whole script (products and fixed blocks) as a new piece revision. */
export function updateShow(options: {
  db: Db;
  actor: Actor;
  showId: number;
  input: ShowInput;
  now: Date;
}): Result<{ version: number }> {
  const { db, actor, showId, input, now } = options;
  const loaded = loadShow(db, showId);
  if (!loaded) return fail(404, "not_found", "直播脚本不存在。");
  const { piece } = loaded;
  if (!canEditShow(piece, actor))
    return fail(
      403,
      "forbidden",
      "你不能编辑这场直播的脚本（文案只能编辑自己的脚本，已发布或归档的不能修改）。",
    );
  if (input.version !== undefined && input.version !== piece.version) {
    return fail(
      409,
      "stale",
      `脚本已被他人修改（你编辑的是第 ${input.version} 版，当前是第 ${piece.version} 版）。请刷新后再改，你的修改尚未保存。`,
    );
  }
  const staff = checkStaff(db, input);
  if (staff) return staff;
  const version = piece.version + 1;
  return db.transaction((tx) => {
    const body = pieceBody(toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } }));
    // Guarded on the version read above, so two concurrent saves cannot both land.
    const changed = tx
      .update(schema.pieces)
      .set({ title: input.title, body, version, updatedAt: now })
      .where(and(eq(schema.pieces.id, showId), eq(schema.pieces.version, piece.version)))
      .run().changes;
    if (changed !== 1) return fail(409, "stale", "脚本刚被他人修改，请刷新后再改。");
    const { script, values } = writeScript(tx, showId, input, now);
    tx.update(schema.livestreamShows).set(values).where(eq(schema.livestreamShows.pieceId, showId)).run();
    tx.insert(schema.pieceRevisions)
      .values({ pieceId: showId, version, title: script.title, body, authorId: actor.id, createdAt: now })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "livestream.update",
      entity: "piece",
      entityId: showId,
      before: {
        title: piece.title,
        version: piece.version,
        products: loaded.script.products.length,
        plannedMinutes: loaded.script.plannedMinutes,
      },
      after: {
        title: script.title,
        version,
        products: script.products.length,
        plannedMinutes: script.plannedMinutes,
      },
      at: now,
    });
    return { ok: true as const, version };
  });
}
