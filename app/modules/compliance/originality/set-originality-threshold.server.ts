import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../../audit/record-audit.server";
import { auditActor, type Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import { PIECE_KINDS } from "../../pieces/status-machine";
import { thresholdFor } from "./originality-settings.server";

/** Sets a kind's minimum originality (0–1). Editors and admins (`terms.manage`); audited. */
export function setOriginalityThreshold(options: {
  db: Db;
  actor: Actor;
  kind: string;
  threshold: number;
  now: Date;
}): Result<{ threshold: number }> {
  const { db, actor, kind, threshold, now } = options;
  if (!can(actor.roles, "terms.manage"))
    return fail(403, "forbidden", "你的角色不能修改原创度设置。", {
      params: { context: "manageOriginality" },
    });
  if (!(PIECE_KINDS as readonly string[]).includes(kind))
    return fail(400, "unknown_kind", "未知的内容类型。", "kind");
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    return fail(400, "invalid_threshold", "门槛必须在 0% 到 100% 之间。", "threshold");
  return db.transaction((tx) => {
    const before = thresholdFor(tx, kind);
    tx.insert(schema.originalityThresholds)
      .values({ kind, threshold, updatedAt: now })
      .onConflictDoUpdate({ target: schema.originalityThresholds.kind, set: { threshold, updatedAt: now } })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: "originality.threshold.set",
      entity: "originality_threshold",
      entityId: kind,
      before: { threshold: before },
      after: { threshold },
      at: now,
    });
    return { ok: true as const, threshold };
  });
}
