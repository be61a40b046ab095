import { and, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";

/**
 * Erases the personal data of every lead with this phone hash: name, number, masked number and
 * hash are nulled, `erased_at` set (and `withdrawn_at` for a withdrawal of consent). The lead rows
 * stay, anonymous, so counts and lead rates do not change. Inside the caller's transaction;
 * running it again erases nothing more.
 */
export function eraseLeads(options: {
  tx: DbOrTx;
  phoneHash: string;
  now: Date;
  reason: "delete" | "withdraw";
  requestId: number;
}): number {
  const { tx, phoneHash, now } = options;
  const found = tx
    .select({ id: schema.leads.id })
    .from(schema.leads)
    .where(and(eq(schema.leads.phoneHash, phoneHash), isNull(schema.leads.erasedAt)))
    .all();
  for (const { id } of found) {
    tx.update(schema.leads)
      .set({
        nameCipher: null,
        phoneCipher: null,
        phoneMasked: null,
        phoneHash: null,
        erasedAt: now,
        ...(options.reason === "withdraw" ? { withdrawnAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(schema.leads.id, id))
      .run();
    tx.insert(schema.leadActivities)
      .values({
        leadId: id,
        actorId: null,
        kind: "erase",
        note: `${options.reason} #${options.requestId}`,
        at: now,
      })
      .run();
  }
  if (found.length > 0)
    recordAudit(tx, {
      actor: { id: null, label: "system" },
      action: "lead.erase",
      entity: "deletion_request",
      entityId: options.requestId,
      after: { reason: options.reason, leads: found.map((lead) => lead.id) },
      at: now,
    });
  return found.length;
}
