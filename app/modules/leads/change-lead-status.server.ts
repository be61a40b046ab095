import type { Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { canMoveLead, isLeadStatus } from "./lead-status";
import { leadAtVersion, writeLeadChange } from "./write-lead-change.server";

export const MAX_LEAD_NOTE_LENGTH = 1000;

/**
 * Moves a lead along new → contacted → visited → won/lost (with the back-steps of LEAD_TRANSITIONS).
 * The first move away from "new" is the first contact: it sets first_contact_at, once.
 */
export function changeLeadStatus(options: {
  db: Db;
  actor: Actor;
  leadId: number;
  status: string;
  note: string | null;
  version: number;
  now: Date;
}): Result<{ version: number; firstContactAt: Date | null }> {
  const { db, actor, leadId, status, now } = options;
  if (!can(actor.roles, "leads.work")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  if (!isLeadStatus(status))
    return fail(
      400,
      "invalid_lead_status",
      "线索状态无效：只能是 新线索、已联系、已到店、已成交、已战败。",
      "status",
    );
  const note = options.note?.trim() || null;
  if (note && note.length > MAX_LEAD_NOTE_LENGTH)
    return fail(400, "text_too_long", "备注过长。", {
      field: "note",
      params: { length: note.length, max: MAX_LEAD_NOTE_LENGTH },
    });
  return db.transaction((tx) => {
    const found = leadAtVersion(tx, leadId, options.version);
    if (!found.ok) return found;
    const { lead } = found;
    if (!canMoveLead(lead.status, status))
      return fail(409, "invalid_transition", `线索不能从“${lead.status}”改为“${status}”。`, {
        field: "status",
        params: { context: "lead", from: lead.status, to: status },
      });
    const firstContactAt = lead.firstContactAt ?? now;
    const written = writeLeadChange(tx, {
      actor,
      lead,
      set: { status, firstContactAt },
      activity: { kind: "status", fromStatus: lead.status, toStatus: status, note },
      audit: {
        action: "lead.status",
        before: { status: lead.status, firstContactAt: lead.firstContactAt?.toISOString() ?? null },
        after: { status, firstContactAt: firstContactAt.toISOString(), note },
      },
      now,
    });
    return written.ok ? { ...written, firstContactAt } : written;
  });
}
