import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { openSecret, sealedForStorage, secretHint } from "~/lib/sealed-secret.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { CADENCE_PERIODS, type ChannelDto } from "./calendar-types";
import { findChannelByKey, loadChannels, toRuleDto } from "./calendar-rows.server";
import type { UpdateChannelInput } from "./schemas";
import { isHttpUrl } from "./slot-rules";

/** A new HMAC-SHA256 key for the channel's webhook: 32 random bytes, hex. */
export function newWebhookSecret(): string {
  return crypto.randomBytes(32).toString("hex");
}

/**
 * Saves a channel's settings: name, colour, the kinds it takes, caption rules, publisher
 * (manual hand-off or webhook), operator, grace period and its cadence rules (replaced as a
 * whole). Setting a webhook generates its signing secret, returned here once in full
 * (`webhookSecret`) so it can be given to the receiver; afterwards only a hint is shown.
 */
export function updateChannel(options: {
  db: Db;
  /** Seals the webhook secret at rest and opens the stored one for its hint (decision 0047). */
  dataKey: Buffer;
  actor: Actor;
  now: Date;
  key: string;
  input: UpdateChannelInput;
}): Result<{ channel: ChannelDto; webhookSecret: string | null }> {
  const { db, dataKey, actor, now, input } = options;
  if (!can(actor.roles, "channels.manage"))
    return fail(403, "forbidden", "你的角色不能修改发布渠道。", { params: { context: "manageChannels" } });
  const before = findChannelByKey(db, options.key);
  if (!before) return fail(404, "not_found", "渠道不存在。", { params: { context: "channel" } });

  // The schema refuses these already; a caller that built its input by hand gets the same answer.
  if (input.webhookUrl !== null && !isHttpUrl(input.webhookUrl))
    return fail(
      400,
      "invalid_webhook_url",
      "webhook 地址必须是 http:// 或 https:// 开头的完整网址。",
      "webhookUrl",
    );
  if (input.publisher === "webhook" && !input.webhookUrl)
    return fail(400, "invalid_webhook_url", "选择 webhook 发布时请填写 webhook 地址。", {
      field: "webhookUrl",
      params: { context: "missing" },
    });
  for (const [i, rule] of input.rules.entries()) {
    if (!Number.isInteger(rule.count) || rule.count < 1)
      return fail(400, "invalid_cadence_rule", `第 ${i + 1} 条发布节奏规则的数量至少为 1。`, {
        field: `rules.${i}.count`,
        params: { index: i + 1 },
      });
    if (!(CADENCE_PERIODS as readonly string[]).includes(rule.period))
      return fail(400, "invalid_cadence_rule", `第 ${i + 1} 条发布节奏规则的周期必须是每天、每周或每月。`, {
        field: `rules.${i}.period`,
        params: { index: i + 1, context: "period" },
      });
  }
  if (input.operatorId !== null) {
    const operator = db
      .select({ disabled: schema.users.disabled })
      .from(schema.users)
      .where(eq(schema.users.id, input.operatorId))
      .get();
    if (!operator || operator.disabled)
      return fail(400, "invalid_operator", "所选交接人不存在或已停用。", "operatorId");
  }

  // A secret is made when a webhook is first set, when its address changes, or on request; a
  // receiver configured for the old address must not accept the new one's requests by default.
  // A stored secret that no longer opens is as good as none: saving makes a new one.
  const opened = before.webhookSecret ? openSecret(dataKey, before.webhookSecret) : null;
  const oldSecret = opened?.ok ? opened.secret : null;
  const needsSecret =
    input.webhookUrl !== null && (!oldSecret || input.rotateSecret || input.webhookUrl !== before.webhookUrl);
  const webhookSecret = needsSecret ? newWebhookSecret() : null;
  // Keeping the address keeps its secret; removing it removes the secret too.
  const keptSecret = input.webhookUrl === null ? null : (webhookSecret ?? oldSecret);
  const rulesBefore = db
    .select()
    .from(schema.cadenceRules)
    .where(eq(schema.cadenceRules.channelId, before.id))
    .all();

  db.transaction((tx) => {
    tx.update(schema.channels)
      .set({
        name: input.name,
        color: input.color,
        kinds: input.kinds,
        titleMax: input.titleMax,
        captionMax: input.captionMax,
        hashtagMax: input.hashtagMax,
        publisher: input.publisher,
        webhookUrl: input.webhookUrl,
        // Stored sealed; an unchanged secret keeps its stored value.
        webhookSecret: sealedForStorage(dataKey, keptSecret, webhookSecret ? null : before.webhookSecret),
        operatorId: input.operatorId,
        graceMinutes: input.graceMinutes,
        cadenceNote: input.cadenceNote,
      })
      .where(eq(schema.channels.id, before.id))
      .run();
    tx.delete(schema.cadenceRules).where(eq(schema.cadenceRules.channelId, before.id)).run();
    for (const rule of input.rules)
      tx.insert(schema.cadenceRules)
        .values({ channelId: before.id, ...rule, createdAt: now, updatedAt: now })
        .run();
    const { webhookSecret: _stored, ...beforeFields } = before;
    const { rotateSecret: _rotate, ...afterFields } = input;
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "channel.update",
      entity: "channel",
      entityId: before.key,
      // The secret itself never enters the log: only which one was in use.
      before: {
        ...beforeFields,
        webhookSecret: secretHint(oldSecret),
        rules: rulesBefore.map(toRuleDto),
      },
      after: {
        ...afterFields,
        webhookSecret: secretHint(keptSecret),
      },
      at: now,
    });
  });
  return { ok: true, channel: loadChannels(db, dataKey, [before.id])[0], webhookSecret };
}
