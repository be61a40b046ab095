import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { openSecret, sealedForStorage, secretHint } from "~/lib/sealed-secret.server";
import { isHttpUrl } from "../calendar/slot-rules";
import { newWebhookSecret } from "../calendar/update-channel.server";
import {
  CRM_SETTINGS_ID,
  crmSettingsRow,
  toCrmSettingsDto,
  type CrmSettingsDto,
} from "./crm-settings.server";

export interface CrmSettingsInput {
  url: string | null;
  enabled: boolean;
  rotateSecret: boolean;
  /** The settings' version the page showed (0 before the first save). */
  version: number;
}

/**
 * Sets where new leads are sent. Deciding where full phone numbers go is a privacy decision, so
 * it takes privacy.manage (admins). As with a channel's webhook, the studio makes the secret when
 * an address is first set, when the address changes, or on request, and answers it once in full
 * (`secret`) so it can be entered in the CRM; afterwards only a hint is shown.
 */
export function updateCrmSettings(options: {
  db: Db;
  /** Seals the secret at rest and opens the stored one for its hint (decision 0047). */
  dataKey: Buffer;
  actor: Actor;
  input: CrmSettingsInput;
  now: Date;
}): Result<{ settings: CrmSettingsDto; secret: string | null }> {
  const { db, dataKey, actor, input, now } = options;
  if (!can(actor.roles, "privacy.manage")) return fail(403, "forbidden", "你的角色无权执行此操作。");
  const url = input.url?.trim() || null;
  if (url !== null && !isHttpUrl(url))
    return fail(400, "invalid_webhook_url", "webhook 地址必须是 http:// 或 https:// 开头的完整网址。", "url");
  if (input.enabled && url === null)
    return fail(400, "invalid_webhook_url", "开启推送前请填写 CRM 的接收地址。", {
      field: "url",
      params: { context: "crm" },
    });
  return db.transaction((tx) => {
    const before = crmSettingsRow(tx);
    const current = before?.version ?? 0;
    if (input.version !== current)
      return fail(409, "stale", "CRM 设置刚被他人修改，请刷新后再改。", {
        params: { context: "crm", yours: input.version, current },
      });
    const opened = before?.secret ? openSecret(dataKey, before.secret) : null;
    const beforeSecret = opened?.ok ? opened.secret : null;
    // A stored secret that no longer opens is as good as none: saving makes a new one.
    const needsSecret = url !== null && (!beforeSecret || input.rotateSecret || url !== before?.url);
    const secret = needsSecret ? newWebhookSecret() : null;
    const keptSecret = url === null ? null : (secret ?? beforeSecret);
    const values = {
      url,
      // Removing the address removes its secret: a later address gets a new one.
      secret: sealedForStorage(dataKey, keptSecret, secret ? null : (before?.secret ?? null)),
      enabled: input.enabled,
      version: current + 1,
      updatedBy: actor.id,
      updatedAt: now,
    };
    if (before)
      tx.update(schema.crmSettings).set(values).where(eq(schema.crmSettings.id, CRM_SETTINGS_ID)).run();
    else
      tx.insert(schema.crmSettings)
        .values({ id: CRM_SETTINGS_ID, ...values })
        .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "crm.update",
      entity: "crm_settings",
      entityId: CRM_SETTINGS_ID,
      // The secret itself never enters the log: only which one was in use.
      before: before ? { url: before.url, enabled: before.enabled, secret: secretHint(beforeSecret) } : null,
      after: { url, enabled: input.enabled, secret: secretHint(keptSecret) },
      at: now,
    });
    return { ok: true as const, settings: toCrmSettingsDto(crmSettingsRow(tx), dataKey), secret };
  });
}
