import { and, eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { goLiveGate } from "./go-live-gate.server";
import { validateRunOfShow } from "./run-of-show";
import type { ShowSnapshotDto } from "./show-dto";
import { getShowHub } from "./show-hub-instance.server";
import { loadShow } from "./show-rows.server";
import { applyShowAction, type ShowAction, type ShowState } from "./show-state";

export interface RunShowCommandOptions {
  db: Db;
  actor: Actor;
  showId: number;
  action: ShowAction;
  now: Date;
}

/**
 * Applies one producer command: reads the stored state, applies the action, and writes the new
 * state, the log row and the audit entry in one transaction before any screen hears of it.
 * Going live is refused while the script has run-of-show issues or is not approved (editors and
 * admins may override the latter with a reason); the blocks are frozen then.
 */
export function runShowCommand(options: RunShowCommandOptions): Result<ShowSnapshotDto> {
  const { db, actor, showId, action, now } = options;
  const at = now.getTime();
  // An editor may send one command without the producer's right: going live with an override.
  const overriding = action.type === "start" && action.overrideReason !== undefined;
  if (!can(actor.roles, "livestream.control") && !(overriding && can(actor.roles, "pieces.review")))
    return fail(403, "forbidden", "你的角色不能操作直播（需要场控或管理员）。", {
      params: { context: "showCommand" },
    });
  const outcome = db.transaction((tx): Result<{ state: ShowState }> => {
    const loaded = loadShow(tx, showId);
    if (!loaded) return fail(404, "not_found", "直播不存在。", { params: { context: "show" } });
    if (action.type === "start") {
      const issues = validateRunOfShow(loaded.script, loaded.blocks);
      if (issues.length > 0)
        return fail(409, "not_ready", `脚本还有 ${issues.length} 个问题，不能开播：${issues[0].message}`, {
          params: { count: issues.length, first: issues[0].message },
        });
    }
    const gate =
      action.type === "start"
        ? goLiveGate({ piece: loaded.piece, actor, overrideReason: action.overrideReason })
        : null;
    if (gate && !gate.ok) return gate;
    const result = applyShowAction(loaded.state, action, at);
    if (!result.ok) return fail(409, result.code, result.message, { params: result.params });
    const { state, log } = result;
    const starting = action.type === "start";
    const changed = tx
      .update(schema.livestreamShows)
      .set({
        stateJson: JSON.stringify(state),
        stateVersion: state.version,
        ...(starting ? { frozenBlocksJson: JSON.stringify(loaded.blocks), startedAt: now } : {}),
        ...(action.type === "end" ? { endedAt: now } : {}),
        updatedAt: now,
      })
      // Guarded on the version read above: a concurrent command cannot be overwritten.
      .where(
        and(
          eq(schema.livestreamShows.pieceId, showId),
          eq(schema.livestreamShows.stateVersion, loaded.state.version),
        ),
      )
      .run().changes;
    if (changed !== 1) return fail(409, "conflict", "另一条指令刚刚生效，请重试。");
    tx.insert(schema.livestreamShowLog)
      .values({
        showId,
        version: state.version,
        at: now,
        actorId: actor.id,
        actionType: action.type,
        entryJson: JSON.stringify(log),
      })
      .run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: `livestream.${action.type}`,
      entity: "piece",
      entityId: showId,
      before: { status: log.statusBefore, blockIndex: log.blockIndexBefore },
      after: {
        status: log.statusAfter,
        blockIndex: log.blockIndexAfter,
        version: state.version,
        action,
        ...(starting ? { frozenBlocks: loaded.blocks.length } : {}),
      },
      at: now,
    });
    if (gate?.override)
      recordAudit(tx, {
        actor: auditActor(actor),
        action: "livestream.go_live_override",
        entity: "piece",
        entityId: showId,
        before: { scriptStatus: gate.override.status },
        after: { reason: gate.override.reason },
        at: now,
      });
    return { ok: true as const, state };
  });
  if (!outcome.ok) return outcome;
  // Published only after the commit: a screen never shows a state the database does not hold.
  getShowHub().publish(String(showId), outcome.state);
  return { ok: true, state: outcome.state, serverNow: at };
}
