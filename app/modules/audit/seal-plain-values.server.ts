import type { DbOrTx } from "~/lib/db.server";
import { sealSecret } from "~/lib/sealed-secret.server";
import { auditActor } from "../auth/actor";
import { recordAudit } from "./record-audit.server";

/** One value a database still holds in clear, and how to store its sealed form. */
export interface PlainValue {
  entityId: string | number;
  plain: string;
  store: (sealed: string) => void;
}

/**
 * The boot step of decision 0047 for one kind of value: seals each plain value, stores it and
 * audits it with its hint only (`field` names it in the entry), inside the caller's transaction.
 * The rows' versions stay: nothing an admin sees has changed. Returns how many were sealed.
 */
export function sealPlainValues(
  tx: DbOrTx,
  options: {
    dataKey: Buffer;
    now: Date;
    action: string;
    entity: string;
    field: string;
    hint: (plain: string) => string | null;
    values: PlainValue[];
  },
): number {
  for (const value of options.values) {
    value.store(sealSecret(options.dataKey, value.plain));
    const hint = options.hint(value.plain);
    recordAudit(tx, {
      actor: auditActor(null),
      action: options.action,
      entity: options.entity,
      entityId: value.entityId,
      before: { [options.field]: hint, sealed: false },
      after: { [options.field]: hint, sealed: true },
      at: options.now,
    });
  }
  return options.values.length;
}
