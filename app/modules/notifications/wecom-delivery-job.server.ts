import { eq } from "drizzle-orm";
import { translator } from "~/i18n/i18n";
import { schema } from "~/lib/db.server";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor } from "../auth/actor";
import { resolvePublicBase } from "../ebooks/public-url.server";
import { PermanentJobError, type JobHandler } from "../jobs/worker.server";
import { sendSignedWebhook, type WebhookOutcome } from "../webhooks/send-signed-webhook.server";
import { WECOM_JOB_TYPE, type WecomJobPayload } from "./enqueue-wecom.server";
import { isNotificationType } from "./notification-types";
import { notificationText } from "./notification-text";
import { wecomMarkdown } from "./wecom-message";
import { openRobotUrl } from "./wecom-robots.server";

/** WeCom's own codes that mean "later": 45009 too many messages a minute, -1 busy. */
const WECOM_RETRY_CODES = new Set([45009, -1]);

type Verdict = { kind: "delivered" | "retry" | "failed"; detail: string };

/**
 * A robot answers HTTP 200 with `{"errcode":0}` when it posted, and HTTP 200 with another errcode
 * when it did not. A message that may or may not have arrived is sent again: a repeated chat line
 * costs less than a review nobody hears of (decision 0039).
 */
export function judgeWecomAnswer(outcome: WebhookOutcome): Verdict {
  const head = outcome.status !== null ? `HTTP ${outcome.status} ${outcome.excerpt}`.trim() : outcome.excerpt;
  if (outcome.kind === "rejected") return { kind: "failed", detail: head };
  if (outcome.kind !== "delivered") return { kind: "retry", detail: head };
  const errcode = (outcome.json as { errcode?: unknown } | null)?.errcode;
  if (errcode === 0) return { kind: "delivered", detail: head };
  if (typeof errcode !== "number") return { kind: "failed", detail: `应答不是企业微信机器人的格式：${head}` };
  return { kind: WECOM_RETRY_CODES.has(errcode) ? "retry" : "failed", detail: head };
}

function parsePayload(payload: Record<string, unknown>): WecomJobPayload {
  const p = payload as Partial<WecomJobPayload>;
  if (typeof p.robotId !== "number" || !isNotificationType(p.type) || typeof p.link !== "string")
    throw new PermanentJobError("WeCom job without a robot, type or link");
  return { robotId: p.robotId, type: p.type, params: p.params ?? {}, link: p.link, names: p.names ?? [] };
}

/** Why a robot whose stored address does not open posts nothing (decision 0047). */
const WECOM_URL_UNREADABLE =
  "企业微信机器人地址无法解密（被改动或 DATA_KEY 不同），未发送；请在企业微信机器人设置中重新填写地址。";

/**
 * Posts one notification to one team's WeCom group through the one webhook sender (which refuses
 * private addresses). WeCom does not check signatures; the sender's headers are harmless there and
 * let a relay in between verify them (keyed with the robot's URL, which holds the robot's key).
 * The URL is stored sealed and opened here only; one that does not open fails this delivery at once,
 * without sending: retrying cannot help until an admin enters the address again.
 */
export const wecomDeliveryHandler: JobHandler = async (ctx) => {
  const { studio, job } = ctx;
  const payload = parsePayload(job.payload);
  const robot = studio.db
    .select()
    .from(schema.wecomRobots)
    .where(eq(schema.wecomRobots.id, payload.robotId))
    .get();
  if (!robot?.enabled) return { result: { robotId: payload.robotId, skipped: robot ? "disabled" : "gone" } };
  const url = openRobotUrl(studio.config.dataKey, robot.url);
  const audit = (after: Record<string, unknown>) =>
    studio.db.transaction((tx) =>
      recordAudit(tx, {
        actor: auditActor(null),
        action: "notification.wecom_delivery",
        entity: "wecom_robot",
        entityId: robot.id,
        after: { jobId: job.id, attempt: job.attempts, ...after },
        at: studio.now(),
      }),
    );
  if (url === null) {
    audit({ outcome: "failed", httpStatus: null, reason: "url_unreadable" });
    throw new PermanentJobError(`企业微信：${WECOM_URL_UNREADABLE}`);
  }
  // The group reads the studio's language.
  const t = translator("zh");
  const base = resolvePublicBase().url.replace(/\/+$/, "");
  const message = wecomMarkdown({
    heading: t(`notifications.types.${payload.type}`),
    text: notificationText(payload, t, studio.config.timeZone),
    names: payload.names,
    forLabel: t("notifications.wecomFor"),
    url: `${base}${payload.link}`,
    openLabel: t("notifications.wecomOpen"),
  });
  const outcome = await sendSignedWebhook({
    url,
    secret: url,
    event: `notification.${payload.type}`,
    payload: message,
    idempotencyKey: `wecom:${job.id}`,
    now: studio.now(),
    signal: ctx.signal,
  });
  const verdict = judgeWecomAnswer(outcome);
  const lastTry = job.attempts >= job.maxAttempts;
  audit({ outcome: verdict.kind, httpStatus: outcome.status });
  if (verdict.kind === "delivered") return { result: { robotId: robot.id, httpStatus: outcome.status } };
  const error = `企业微信：${verdict.detail}`.slice(0, 500);
  if (verdict.kind === "failed" || lastTry) throw new PermanentJobError(error);
  throw new Error(error);
};

export const notificationJobHandlers: Record<string, JobHandler> = {
  [WECOM_JOB_TYPE]: wecomDeliveryHandler,
};
