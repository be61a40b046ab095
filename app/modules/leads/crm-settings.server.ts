import { desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import { secretHint } from "../calendar/calendar-rows.server";

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

export function toCrmSettingsDto(row: ReturnType<typeof crmSettingsRow>): CrmSettingsDto {
  return {
    url: row?.url ?? null,
    enabled: row?.enabled ?? false,
    secretHint: secretHint(row?.secret ?? null),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Where a new lead goes now, or null when the CRM push is off or not set up. */
export function crmTarget(db: DbOrTx): { url: string; secret: string } | null {
  const row = crmSettingsRow(db);
  return row?.enabled && row.url && row.secret ? { url: row.url, secret: row.secret } : null;
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
