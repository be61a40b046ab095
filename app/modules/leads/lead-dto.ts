import type { schema } from "~/lib/db.server";
import { firstContact } from "./first-contact";

export interface LeadDto {
  id: number;
  pieceId: number;
  pieceTitle: string;
  source: string;
  consultant: string | null;
  /** 138****5678; null once the person's data was erased. */
  phoneMasked: string | null;
  /** Only when revealed by a role that may see full numbers. */
  phone?: string | null;
  name?: string | null;
  status: string;
  createdAt: string;
  firstContactAt: string | null;
  /** Minutes from arrival to first contact (or until now while still new), against 15. */
  minutesToFirstContact: number;
  overdue: boolean;
  assigneeId: number | null;
  assigneeName: string | null;
  erased: boolean;
}

/** A lead as the inbox and its page show it: masked, with the time to its first contact. */
export function leadDto(
  lead: typeof schema.leads.$inferSelect,
  names: { pieceTitle: string; assigneeName: string | null; now: Date },
): LeadDto {
  const contact = firstContact({
    createdAt: lead.createdAt,
    firstContactAt: lead.firstContactAt,
    now: names.now,
  });
  return {
    id: lead.id,
    pieceId: lead.pieceId,
    pieceTitle: names.pieceTitle,
    source: lead.source,
    consultant: lead.consultant,
    phoneMasked: lead.phoneMasked,
    status: lead.status,
    createdAt: lead.createdAt.toISOString(),
    firstContactAt: lead.firstContactAt?.toISOString() ?? null,
    minutesToFirstContact: contact.minutes,
    // Only a lead still waiting for its first call is late; a lost lead never called is closed.
    overdue: contact.overdue && lead.status === "new",
    assigneeId: lead.assigneeId,
    assigneeName: names.assigneeName,
    erased: lead.erasedAt !== null,
  };
}
