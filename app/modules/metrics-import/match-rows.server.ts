import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { formatInstant } from "~/lib/dates";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { ExportRow, RowProblem } from "./read-export";

export type MatchedBy = "url" | "platformId" | "title" | "manual";

export interface RowMatch {
  pieceId: number;
  pieceTitle: string;
  slotId: number | null;
  by: MatchedBy;
}

/** A person's choice for one row in the preview: this piece, or leave the row out. */
export type ManualChoice = number | "skip";

export interface MatchedRow extends ExportRow {
  match: RowMatch | null;
  skipped: boolean;
  /** Problems (the row's own and the match's) keep an unskipped row from being applied. */
  blocking: boolean;
}

/** Query parameters that only say where a link was shared from; they are not the video. */
const TRACKING_PARAM =
  /^(utm_\w+|share_\w+|from|previous_page|enter_from|xsec_\w+|timestamp|sec_uid|u_code|did|iid|app|source)$/i;

/**
 * A link as the studio compares it: no scheme, no www./m., no trailing slash or fragment, and
 * without the sharing parameters the apps add; what is left names the video.
 */
export function normaliseUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m)\./, "");
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAM.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `${host}${url.pathname.replace(/\/+$/, "")}${query}`;
}

/** The platform's id of a video in its link: `?id=`, `?modal_id=`, else the last path segment. */
export function platformIdOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:\/\//i.test(value.trim()) ? value.trim() : `https://${value.trim()}`);
  } catch {
    return null;
  }
  for (const key of ["id", "modal_id", "noteId", "note_id", "photoId"]) {
    const id = url.searchParams.get(key);
    if (id) return id;
  }
  const last = url.pathname.split("/").filter(Boolean).pop();
  return last ? last.replace(/\.html?$/i, "") : null;
}

interface SlotRef {
  id: number;
  pieceId: number;
  channelId: number;
  liveUrl: string | null;
  day: string;
}

/**
 * Finds the piece each row is about, in order: its link against the slots' live URLs (any
 * channel: a link names one video), its platform id against the ids in this channel's live URLs,
 * then its exact title — when several pieces share a title, the ones with a slot on this channel,
 * then the one whose slot went out on the row's publish day. A person's choice (`manual`)
 * overrides all of it. Rows left without a piece, and a second row on the same piece, get a
 * problem that blocks the apply unless the row is skipped.
 */
export function matchRows(options: {
  tx: DbOrTx;
  channelId: number;
  rows: ExportRow[];
  manual: ReadonlyMap<number, ManualChoice>;
  timeZone: string;
}): MatchedRow[] {
  const { tx, channelId, rows, manual, timeZone } = options;
  const slotRows = (where: ReturnType<typeof and>) =>
    tx
      .select({
        id: schema.slots.id,
        pieceId: schema.slots.pieceId,
        channelId: schema.slots.channelId,
        liveUrl: schema.slots.liveUrl,
        publishAt: schema.slots.publishAt,
        publishedAt: schema.slots.publishedAt,
      })
      .from(schema.slots)
      .where(where)
      .all()
      .map((s): SlotRef => ({
        id: s.id,
        pieceId: s.pieceId,
        channelId: s.channelId,
        liveUrl: s.liveUrl,
        day: formatInstant(s.publishedAt ?? s.publishAt, timeZone, "YYYY-MM-DD"),
      }));

  const byUrl = new Map<string, SlotRef[]>();
  if (rows.some((r) => r.url))
    for (const slot of slotRows(and(isNotNull(schema.slots.liveUrl)))) {
      const key = normaliseUrl(slot.liveUrl!);
      if (key) byUrl.set(key, [...(byUrl.get(key) ?? []), slot]);
    }
  const channelSlots = slotRows(and(eq(schema.slots.channelId, channelId)));
  const byPlatformId = new Map<string, SlotRef>();
  const channelSlotsOf = new Map<number, SlotRef[]>();
  for (const slot of channelSlots) {
    channelSlotsOf.set(slot.pieceId, [...(channelSlotsOf.get(slot.pieceId) ?? []), slot]);
    const id = slot.liveUrl ? platformIdOf(slot.liveUrl) : null;
    if (id) byPlatformId.set(id, slot);
  }

  const titles = [...new Set(rows.map((r) => r.title).filter((t): t is string => Boolean(t)))];
  const byTitle = new Map<string, Array<{ id: number; title: string }>>();
  for (let i = 0; i < titles.length; i += 500)
    for (const piece of tx
      .select({ id: schema.pieces.id, title: schema.pieces.title })
      .from(schema.pieces)
      .where(inArray(schema.pieces.title, titles.slice(i, i + 500)))
      .all())
      byTitle.set(piece.title, [...(byTitle.get(piece.title) ?? []), piece]);

  const manualIds = [...manual.values()].filter((v): v is number => typeof v === "number");
  const manualPieces = new Map(
    manualIds.length
      ? tx
          .select({ id: schema.pieces.id, title: schema.pieces.title })
          .from(schema.pieces)
          .where(inArray(schema.pieces.id, manualIds))
          .all()
          .map((p) => [p.id, p.title])
      : [],
  );
  const titleOf = (pieceId: number) => {
    const known = manualPieces.get(pieceId);
    if (known !== undefined) return known;
    const row = tx
      .select({ title: schema.pieces.title })
      .from(schema.pieces)
      .where(eq(schema.pieces.id, pieceId))
      .get();
    return row?.title ?? "";
  };
  /** The piece's slot on this channel: the one on the row's day, else the only one. */
  const channelSlot = (pieceId: number, day: string | null) => {
    const slots = channelSlotsOf.get(pieceId) ?? [];
    return (
      (day ? slots.find((s) => s.day === day) : undefined) ?? (slots.length === 1 ? slots[0] : undefined)
    );
  };

  const usedBy = new Map<number, number>();
  return rows.map((row): MatchedRow => {
    const problems: RowProblem[] = [...row.problems];
    const choice = manual.get(row.row);
    let match: RowMatch | null = null;
    if (choice === "skip") return { ...row, problems, match: null, skipped: true, blocking: false };
    if (typeof choice === "number") {
      if (manualPieces.has(choice))
        match = {
          pieceId: choice,
          pieceTitle: manualPieces.get(choice)!,
          slotId: channelSlot(choice, row.publishedDay)?.id ?? null,
          by: "manual",
        };
      else problems.push({ problem: "unknownPiece", value: String(choice) });
    }
    if (!match && choice === undefined && row.url) {
      const key = normaliseUrl(row.url);
      const slots = key ? byUrl.get(key) : undefined;
      const slot = slots?.find((s) => s.channelId === channelId) ?? slots?.[0];
      if (slot)
        match = { pieceId: slot.pieceId, pieceTitle: titleOf(slot.pieceId), slotId: slot.id, by: "url" };
    }
    if (!match && choice === undefined) {
      const id = row.platformId ?? (row.url ? platformIdOf(row.url) : null);
      const slot = id ? byPlatformId.get(id) : undefined;
      if (slot)
        match = {
          pieceId: slot.pieceId,
          pieceTitle: titleOf(slot.pieceId),
          slotId: slot.id,
          by: "platformId",
        };
    }
    if (!match && choice === undefined && row.title) {
      let candidates = byTitle.get(row.title) ?? [];
      if (candidates.length > 1) {
        const onChannel = candidates.filter((p) => channelSlotsOf.has(p.id));
        if (onChannel.length) candidates = onChannel;
      }
      if (candidates.length > 1 && row.publishedDay) {
        const thatDay = candidates.filter((p) =>
          (channelSlotsOf.get(p.id) ?? []).some((s) => s.day === row.publishedDay),
        );
        if (thatDay.length) candidates = thatDay;
      }
      if (candidates.length === 1) {
        const [piece] = candidates;
        match = {
          pieceId: piece.id,
          pieceTitle: piece.title,
          slotId: channelSlot(piece.id, row.publishedDay)?.id ?? null,
          by: "title",
        };
      } else if (candidates.length > 1) problems.push({ problem: "ambiguous", count: candidates.length });
    }
    if (!match && !problems.some((p) => p.problem === "ambiguous" || p.problem === "unknownPiece"))
      problems.push({ problem: "unmatched" });
    if (match) {
      const other = usedBy.get(match.pieceId);
      if (other !== undefined) problems.push({ problem: "samePiece", other });
      else usedBy.set(match.pieceId, row.row);
    }
    return { ...row, problems, match, skipped: false, blocking: problems.length > 0 };
  });
}
