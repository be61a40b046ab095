import { and, eq, sql } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { slotStatusLabel } from "./slot-status-label";
import { auditSlot } from "../calendar/audit-slot.server";
import { auditActor, type Actor } from "../auth/actor";
import type { SlotStatus } from "../calendar/calendar-types";
import { finishOpenAttempts, recordAttempt } from "./attempt-rows.server";
import { publishPieceForSlot } from "./publish-piece.server";
import { canHandOffSlot, seesAllPublishing } from "./publishing-access";
import { liveUrlField } from "./publishing-schemas";
import {
  MARKABLE_SLOT_STATUSES,
  OPERATOR_MARKABLE_SLOT_STATUSES,
  type MarkPublishedResultDto,
} from "./publishing-types";
import { loadSlot } from "./slot-rows.server";

/**
 * Records that a slot is live at `url`: the operator after posting a hand-off by hand, or an editor
 * deciding an unconfirmed, failed or missed slot. The slot's first publication moves its piece to
 * `published`. Exactly one of two concurrent marks wins (guarded on the status read).
 */
export function markSlotPublished(options: {
  db: Db;
  actor: Actor;
  slotId: number;
  url: string;
  now: Date;
}): Result<MarkPublishedResultDto> {
  const { db, actor, now } = options;
  const found = loadSlot(db, options.slotId);
  if (!found) return fail(404, "not_found", "发布位不存在。", { params: { context: "slot" } });
  const { slot, channel } = found;
  if (!canHandOffSlot(actor, channel))
    return fail(403, "forbidden", "只有该渠道的运营人员或编辑可以标记发布。", {
      params: { context: "markPublished" },
    });
  const url = liveUrlField.safeParse(options.url);
  if (!url.success)
    return fail(400, "invalid_live_url", "请填写以 http:// 或 https:// 开头的完整链接。", "url");
  const status = slot.status as SlotStatus;
  const allowed = seesAllPublishing(actor.roles) ? MARKABLE_SLOT_STATUSES : OPERATOR_MARKABLE_SLOT_STATUSES;
  if (!allowed.includes(status))
    return fail(409, "slot_not_markable", `发布位当前是「${slotStatusLabel(status)}」，不能标记为已发布。`, {
      params: { status, statusLabel: slotStatusLabel(status) },
    });
  if (slot.heldReason)
    return fail(409, "slot_held", `发布位被拦下：${slot.heldReason}`, {
      params: { reason: slot.heldReason },
    });

  return db.transaction(
    (tx) => {
      const changed = tx
        .update(schema.slots)
        .set({
          status: "published",
          liveUrl: url.data,
          publishedAt: now,
          heldReason: null,
          version: sql`${schema.slots.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(schema.slots.id, slot.id), eq(schema.slots.status, slot.status)))
        .run().changes;
      if (changed !== 1)
        return fail(409, "stale", "这个发布位刚被他人修改，请刷新后再改。", {
          params: { context: "slotRace" },
        });
      // An attempt still open (an unconfirmed request the editor now settles) ends with this mark.
      finishOpenAttempts(tx, { slotId: slot.id, outcome: "unconfirmed", detail: "由人工确认结果", now });
      recordAttempt(tx, {
        slotId: slot.id,
        publisher: "manual",
        outcome: "published",
        detail: `${actor.name} 标记已发布：${url.data}`,
        startedAt: now,
        finishedAt: now,
      });
      auditSlot(tx, actor, "slot.mark_published", slot.id, now, {
        before: { status: slot.status },
        after: { status: "published", liveUrl: url.data },
      });
      const piecePublished = publishPieceForSlot(tx, {
        pieceId: slot.pieceId,
        slotId: slot.id,
        actorId: actor.id,
        auditActor: auditActor(actor),
        now,
      });
      return {
        ok: true as const,
        slotId: slot.id,
        status: "published" as const,
        liveUrl: url.data,
        publishedAt: now.toISOString(),
        piecePublished,
      };
    },
    { behavior: "immediate" },
  );
}
