import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { isSealedSecret, openSecret, secretHint, storedSecretHint } from "~/lib/sealed-secret.server";
import { sealPlainValues } from "../audit/seal-plain-values.server";

/** The one settings row's key (the table allows no other). */
export const CRM_SETTINGS_ID = 1;

export interface CrmSettingsDto {
  url: string | null;
  enabled: boolean;
  /** The secret's last four characters; never the secret. */
  secretHint: string | null;
  /** 0 while nothing was ever saved: the first save sends 0. */
  version: number;
  updatedAt: string | null;
}

export function crmSettingsRow(db: DbOrTx) {
  return db.select().from(schema.crmSettings).where(eq(schema.crmSettings.id, CRM_SETTINGS_ID)).get() ?? null;
}

/** The settings as the page shows them; the hint is read from the opened secret (stored sealed). */
export function toCrmSettingsDto(row: ReturnType<typeof crmSettingsRow>, dataKey: Buffer): CrmSettingsDto {
  return {
    url: row?.url ?? null,
    enabled: row?.enabled ?? false,
    secretHint: storedSecretHint(dataKey, row?.secret ?? null),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Whether new leads are sent at all (on, with an address and a secret); the secret stays sealed. */
export function crmPushOn(db: DbOrTx): boolean {
  const row = crmSettingsRow(db);
  return Boolean(row?.enabled && row.url && row.secret);
}

export type CrmTarget =
  | { ok: true; url: string; secret: string }
  /** `off`: the push is off or not set up; `unreadable`: the stored secret does not open. */
  | { ok: false; reason: "off" | "unreadable" };

/** Where a new lead goes now, with the opened secret to sign it. */
export function crmTarget(db: DbOrTx, dataKey: Buffer): CrmTarget {
  const row = crmSettingsRow(db);
  if (!row?.enabled || !row.url || !row.secret) return { ok: false, reason: "off" };
  const opened = openSecret(dataKey, row.secret);
  return opened.ok ? { ok: true, url: row.url, secret: opened.secret } : { ok: false, reason: "unreadable" };
}

/**
 * Seals a secret stored before decision 0047 (plain hex), audited without the secret. Run at boot
 * inside the caller's transaction; a sealed value is left alone, so running it again does nothing.
 * The settings' version stays: nothing an admin sees has changed.
 */
export function sealLegacyCrmSecret(tx: DbOrTx, options: { dataKey: Buffer; now: Date }): number {
  const row = crmSettingsRow(tx);
  if (!row?.secret || isSealedSecret(row.secret)) return 0;
  return sealPlainValues(tx, {
    ...options,
    action: "crm.seal_secret",
    entity: "crm_settings",
    field: "secret",
    hint: secretHint,
    values: [
      {
        entityId: CRM_SETTINGS_ID,
        plain: row.secret,
        store: (sealed) =>
          tx
            .update(schema.crmSettings)
            .set({ secret: sealed })
            .where(eq(schema.crmSettings.id, CRM_SETTINGS_ID))
            .run(),
      },
    ],
  });
}

/** The newest requests sent to the CRM (all leads, or one), for the settings page and a lead's page. */
export function listCrmDeliveries(options: { db: DbOrTx; leadId?: number; limit: number }) {
  const d = schema.leadCrmDeliveries;
  return options.db
    .select()
    .from(d)
    .where(options.leadId ? eq(d.leadId, options.leadId) : undefined)
    .orderBy(desc(d.at), desc(d.id))
    .limit(options.limit)
    .all()
    .map((row) => ({ ...row, at: row.at.toISOString() }));
}
