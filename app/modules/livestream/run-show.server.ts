import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { renderRundownPdf } from "./render-rundown-pdf.server";
import { validateRunOfShow } from "./run-of-show";
import { getShowHub } from "./show-hub-instance.server";
import { buildShowReport, type ShowReport } from "./show-report";
import { loadShow } from "./show-rows.server";
import { applyShowAction, type ShowAction, type ShowLogEntry, type ShowState } from "./show-state";

export interface ShowSnapshotDto {
  state: ShowState;
  serverNow: number;
}

export function getShowSnapshot(options: { db: Db; showId: number; now: Date }): ShowSnapshotDto | null {
  const loaded = loadShow(options.db, options.showId);
  return loaded ? { state: loaded.state, serverNow: options.now.getTime() } : null;
}

/**
 * Applies one producer command: reads the stored state, applies the action, and writes the new
 * state, the log row and the audit entry in one transaction before any screen hears of it.
 * Going live is refused while the script has run-of-show issues; the blocks are frozen then.
 */
export function runShowCommand(options: {
  db: Db;
  actor: Actor;
  showId: number;
  action: ShowAction;
  now: Date;
}): Result<ShowSnapshotDto> {
  const { db, actor, showId, action, now } = options;
  const at = now.getTime();
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
    return { ok: true as const, state };
  });
  if (!outcome.ok) return outcome;
  // Published only after the commit: a screen never shows a state the database does not hold.
  getShowHub().publish(String(showId), outcome.state);
  return { ok: true, state: outcome.state, serverNow: at };
}

export interface ShowLogRow extends ShowLogEntry {
  id: number;
  actorName: string | null;
}

export function getShowLog(options: { db: Db; showId: number }): ShowLogRow[] {
  const rows = options.db
    .select({
      id: schema.livestreamShowLog.id,
      entryJson: schema.livestreamShowLog.entryJson,
      actorId: schema.livestreamShowLog.actorId,
    })
    .from(schema.livestreamShowLog)
    .where(eq(schema.livestreamShowLog.showId, options.showId))
    .orderBy(asc(schema.livestreamShowLog.version))
    .all();
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const names = new Map(
    ids.length
      ? options.db
          .select({ id: schema.users.id, name: schema.users.name })
          .from(schema.users)
          .where(inArray(schema.users.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  return rows.map((r) => ({
    ...(JSON.parse(r.entryJson) as ShowLogEntry),
    id: r.id,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
  }));
}

export interface ShowReportDto extends ShowReport {
  showId: number;
  title: string;
  status: ShowState["status"];
  /** No lead tracking exists yet: null means "not measured", shown as —. */
  leadsCaptured: number | null;
  log: ShowLogRow[];
}

/** Planned vs actual per block (overruns first), online peak, rounds fired, and the full log. */
export function getShowReport(options: { db: Db; showId: number }): ShowReportDto | null {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const log = getShowLog(options);
  const report = buildShowReport(loaded.blocks, log, loaded.state);
  return {
    ...report,
    showId: options.showId,
    title: loaded.piece.title,
    status: loaded.state.status,
    leadsCaptured: null,
    log,
  };
}

/** The printable rundown; rendered in the request (about half a second for a 90-minute show). */
export async function renderShowRundown(options: {
  db: Db;
  showId: number;
  timeZone: string;
  now: Date;
}): Promise<{ pdf: Buffer; title: string } | null> {
  const loaded = loadShow(options.db, options.showId);
  if (!loaded) return null;
  const pdf = await renderRundownPdf({
    script: loaded.script,
    blocks: loaded.blocks,
    timeZone: options.timeZone,
    now: options.now,
  });
  return { pdf, title: loaded.piece.title };
}
