import { asc, eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { isSealedSecret, openSecret, sealedForStorage, storedSecretHint } from "~/lib/sealed-secret.server";
import { recordAudit } from "../audit/record-audit.server";
import { sealPlainValues } from "../audit/seal-plain-values.server";
import { auditActor, type Actor } from "../auth/actor";
import { can, isRole } from "../auth/permissions";
import { allowedPrivateHosts, refusedHost } from "../webhooks/outbound-address.server";

export interface WecomRobotDto {
  id: number;
  name: string;
  /**
   * The address with the robot's key masked: the key is a secret that posts to the group. Null when
   * the stored address does not open (changed in the file, or another DATA_KEY): enter it again.
   */
  urlHint: string | null;
  roles: string[];
  enabled: boolean;
  version: number;
}

export interface WecomRobotInput {
  id?: number;
  name: string;
  /** Empty on an update keeps the saved address. */
  url: string;
  roles: string[];
  enabled: boolean;
  version?: number;
}

export function maskRobotUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const [name, value] of parsed.searchParams)
      parsed.searchParams.set(name, value.length > 4 ? `****${value.slice(-4)}` : "****");
    return decodeURIComponent(parsed.toString());
  } catch {
    return "****";
  }
}

/**
 * Where a robot may point: https to a public host. Plain http, and private or loopback hosts, only
 * when the host is listed in WEBHOOK_ALLOW_PRIVATE_HOSTS (a relay on the LAN, or the tests' server
 * on loopback). The sender checks again where it connects, so a name that later resolves to a
 * private address is still refused (outbound-address.server.ts).
 */
export function checkRobotUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not_url";
  }
  if (url.username || url.password) return "credentials";
  const allowed = allowedPrivateHosts();
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (url.protocol === "http:" && !allowed.has(host)) return "not_https";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "not_https";
  if (refusedHost(url, allowed)) return "private";
  return null;
}

/**
 * The robot's address as stored (sealed, decision 0047) opened: only the delivery job needs it, to
 * post. Null when the sealed value does not open.
 */
export function openRobotUrl(dataKey: Buffer, stored: string): string | null {
  const opened = openSecret(dataKey, stored);
  return opened.ok ? opened.secret : null;
}

function toDto(row: typeof schema.wecomRobots.$inferSelect, dataKey: Buffer): WecomRobotDto {
  return {
    id: row.id,
    name: row.name,
    urlHint: storedSecretHint(dataKey, row.url, maskRobotUrl),
    roles: row.roles,
    enabled: row.enabled,
    version: row.version,
  };
}

export function listWecomRobots(options: { db: DbOrTx; dataKey: Buffer }): WecomRobotDto[] {
  return options.db
    .select()
    .from(schema.wecomRobots)
    .orderBy(asc(schema.wecomRobots.id))
    .all()
    .map((row) => toDto(row, options.dataKey));
}

const refuse = () => fail(403, "forbidden", "你的角色无权执行此操作。");

/**
 * Creates or changes a team's robot (admins). The address is stored sealed; a save that leaves it
 * empty keeps the stored value as it is. The audit log keeps the masked address only.
 */
export function saveWecomRobot(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  input: WecomRobotInput;
  now: Date;
}): Result<{ robot: WecomRobotDto }> {
  const { db, dataKey, actor, input, now } = options;
  if (!can(actor.roles, "users.manage")) return refuse();
  const url = input.url.trim();
  const name = input.name.trim();
  const roles = [...new Set(input.roles)].filter(isRole);
  if (roles.length === 0 || roles.length !== new Set(input.roles).size)
    return fail(400, "bad_role", "请选择这个群对应的团队（至少一个角色）。", {
      field: "roles",
      params: { context: "wecom" },
    });
  return db.transaction((tx) => {
    const before = input.id
      ? tx.select().from(schema.wecomRobots).where(eq(schema.wecomRobots.id, input.id)).get()
      : undefined;
    if (input.id && !before)
      return fail(404, "not_found", "企业微信机器人不存在。", { params: { context: "wecom" } });
    if (before && input.version !== before.version)
      return fail(409, "stale", "机器人设置刚被他人修改，请刷新后再改。", {
        params: { context: "wecom", yours: input.version ?? 0, current: before.version },
      });
    // A stored address that no longer opens is as good as none: the save must bring one.
    const address = url || (before ? openRobotUrl(dataKey, before.url) : null);
    if (!address)
      return fail(400, "invalid_webhook_url", "请填写企业微信机器人的 Webhook 地址。", {
        field: "url",
        params: { context: "wecomMissing" },
      });
    if (url && checkRobotUrl(url))
      return fail(
        400,
        "invalid_webhook_url",
        "企业微信机器人地址必须是 https 网址，且不能指向内网或本机地址。",
        { field: "url", params: { context: "wecom" } },
      );
    const values = {
      name,
      roles,
      enabled: input.enabled,
      // Sealed; an unchanged address keeps its stored value.
      url: sealedForStorage(dataKey, address, url ? null : (before?.url ?? null)),
      updatedAt: now,
    };
    const row = before
      ? tx
          .update(schema.wecomRobots)
          .set({ ...values, version: before.version + 1 })
          .where(eq(schema.wecomRobots.id, before.id))
          .returning()
          .get()
      : tx
          .insert(schema.wecomRobots)
          .values({ ...values, createdBy: actor.id, createdAt: now })
          .returning()
          .get();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: before ? "wecom_robot.update" : "wecom_robot.create",
      entity: "wecom_robot",
      entityId: row.id,
      before: before ? toDto(before, dataKey) : null,
      after: toDto(row, dataKey),
      at: now,
    });
    return { ok: true as const, robot: toDto(row, dataKey) };
  });
}

/** Removes a robot; deliveries already queued for it find it gone and stop. */
export function deleteWecomRobot(options: {
  db: Db;
  dataKey: Buffer;
  actor: Actor;
  robotId: number;
  now: Date;
}): Result {
  const { db, actor, now } = options;
  if (!can(actor.roles, "users.manage")) return refuse();
  return db.transaction((tx) => {
    const before = tx
      .select()
      .from(schema.wecomRobots)
      .where(eq(schema.wecomRobots.id, options.robotId))
      .get();
    if (!before) return fail(404, "not_found", "企业微信机器人不存在。", { params: { context: "wecom" } });
    tx.delete(schema.wecomRobots).where(eq(schema.wecomRobots.id, before.id)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "wecom_robot.delete",
      entity: "wecom_robot",
      entityId: before.id,
      before: toDto(before, options.dataKey),
      at: now,
    });
    return { ok: true as const };
  });
}

/**
 * Seals the robot addresses stored before decision 0047 (in clear), audited with the masked address
 * only. Run at boot inside the caller's transaction; a sealed value is left alone, so running it
 * again does nothing. The robot's version stays: nothing an admin sees has changed.
 */
export function sealLegacyRobotUrls(tx: DbOrTx, options: { dataKey: Buffer; now: Date }): number {
  const r = schema.wecomRobots;
  const rows = tx.select({ id: r.id, url: r.url }).from(r).all();
  return sealPlainValues(tx, {
    ...options,
    action: "wecom_robot.seal_url",
    entity: "wecom_robot",
    field: "urlHint",
    hint: maskRobotUrl,
    values: rows
      .filter((row) => !isSealedSecret(row.url))
      .map((row) => ({
        entityId: row.id,
        plain: row.url,
        store: (sealed) => tx.update(r).set({ url: sealed }).where(eq(r.id, row.id)).run(),
      })),
  });
}
