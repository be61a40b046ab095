import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { pieceCopy } from "../piece-copy.server";
import type { CheckedPart } from "./review-types";

/** Slots whose caption can still go out (now, or on a resend): their captions are checked. */
const CAPTION_SLOT_STATUSES = ["planned", "queued", "failed", "missed"];

/** What separates the copy and each caption in the checked text. */
const PART_GAP = "\n\n";

export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

export interface CheckedText {
  /** The copy, then each non-empty caption, a blank line apart. */
  text: string;
  /** sha256 of `text`: what `piece_checks.text_hash` stores. */
  hash: string;
  parts: CheckedPart[];
  /** What the originality check needs: the copy alone, with the piece's kind and column. */
  copy: { text: string; kind: string; columnId: number | null; title: string };
}

/**
 * The text the gates judge for a piece: its copy (script lines, run of show, chapters or body, as
 * `pieceCopy` assembles them) and the captions of its slots that can still go out. Without a slot
 * the checked text is the copy itself, so its hash is the copy's.
 */
export function readCheckedText(db: DbOrTx, pieceId: number): CheckedText | null {
  const copy = pieceCopy({ db, pieceId });
  if (!copy) return null;
  const captions = db
    .select({ slotId: schema.slots.id, caption: schema.slots.caption, channelName: schema.channels.name })
    .from(schema.slots)
    .innerJoin(schema.channels, eq(schema.channels.id, schema.slots.channelId))
    .where(and(eq(schema.slots.pieceId, pieceId), inArray(schema.slots.status, CAPTION_SLOT_STATUSES)))
    .orderBy(asc(schema.slots.id))
    .all()
    .filter((row) => row.caption.trim() !== "");

  const parts: CheckedPart[] = [
    {
      source: "copy",
      slotId: null,
      channelName: null,
      start: 0,
      end: copy.text.length,
      hash: sha256(copy.text),
    },
  ];
  let text = copy.text;
  for (const row of captions) {
    const start = text.length + PART_GAP.length;
    text += PART_GAP + row.caption;
    parts.push({
      source: "caption",
      slotId: row.slotId,
      channelName: row.channelName,
      start,
      end: text.length,
      hash: sha256(row.caption),
    });
  }
  return {
    text,
    hash: sha256(text),
    parts,
    copy: { text: copy.text, kind: copy.kind, columnId: copy.columnId, title: copy.title },
  };
}
