import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import { recordAudit } from "../audit/record-audit.server";
import { auditActor, type Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";
import type { ShowInput } from "./show-input";
import { toShowScript } from "./show-script";
import { checkStaff, pieceBody, writeScript } from "./show-script-writer.server";

export interface CreateShowOptions {
  db: Db;
  actor: Actor;
  input: ShowInput;
  now: Date;
  pieceId?: number;
  /** The show this one copies (duplicateShow): audited as a duplicate of it. */
  duplicateOf?: number;
}

/** Creates the piece (kind 'livestream') and the show in one transaction. */
export function createShow(options: CreateShowOptions): Result<{ showId: number }> {
  const { db, actor, input, now } = options;
  if (!can(actor.roles, "livestream.edit"))
    return fail(403, "forbidden", "你的角色不能创建直播脚本。", { params: { context: "createShow" } });
  const staff = checkStaff(db, input);
  if (staff) return staff;
  return db.transaction((tx) => {
    const draft = toShowScript(input, { timing: { hostCharsPerMinute: input.hostCharsPerMinute } });
    const showId =
      options.pieceId ??
      insertPiece(tx, {
        actor,
        input: { kind: "livestream", title: input.title, body: pieceBody(draft) },
        now,
      });
    tx.insert(schema.livestreamShows)
      .values({
        pieceId: showId,
        plannedMinutes: input.plannedMinutes,
        hostCharsPerMinute: input.hostCharsPerMinute,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const { script, values } = writeScript(tx, showId, input, now);
    tx.update(schema.livestreamShows).set(values).where(eq(schema.livestreamShows.pieceId, showId)).run();
    recordAudit(tx, {
      actor: auditActor(actor),
      action: options.duplicateOf ? "livestream.duplicate" : "livestream.create",
      entity: "piece",
      entityId: showId,
      after: {
        ...(options.duplicateOf ? { duplicateOf: options.duplicateOf } : {}),
        title: script.title,
        products: script.products.length,
        plannedMinutes: script.plannedMinutes,
        hostId: values.hostId,
        producerId: values.producerId,
      },
      at: now,
    });
    return { ok: true as const, showId };
  });
}
