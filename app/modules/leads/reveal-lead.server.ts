import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { decryptPersonal } from "~/lib/personal-data.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";

/**
 * One full number, for a role allowed to call it. The reveal is an activity on the lead and an
 * audit entry, both written in the transaction that decrypts, so no full view goes unrecorded.
 */
export function revealLead(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  leadId: number;
  now: Date;
}): Result<{ phone: string; name: string | null }> {
  const { db, dataKey, actor, leadId, now } = options;
  if (!can(actor.roles, "leads.reveal")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  return db.transaction((tx) => {
    const lead = tx.select().from(schema.leads).where(eq(schema.leads.id, leadId)).get();
    if (!lead) return fail(404, "not_found", "线索不存在。", { params: { context: "lead" } });
    if (!lead.phoneCipher) return fail(409, "lead_erased", "这条线索的个人信息已删除，无法查看号码。");
    const phone = decryptPersonal(dataKey, lead.phoneCipher);
    const name = lead.nameCipher ? decryptPersonal(dataKey, lead.nameCipher) : null;
    tx.insert(schema.leadActivities).values({ leadId, actorId: actor.id, kind: "reveal", at: now }).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "lead.reveal",
      entity: "lead",
      entityId: leadId,
      after: { leads: [leadId] },
      at: now,
    });
    return { ok: true, phone, name };
  });
}
