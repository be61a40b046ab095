import { eq } from "drizzle-orm";
import { schema, type Db } from "~/lib/db.server";
import { fail, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { insertPiece } from "../pieces/create-piece.server";

export interface CreateEpisodeOptions {
  db: Db;
  actor: Actor;
  columnId: number;
  title: string;
  now: Date;
}

/** A new draft episode in the column, owned by the actor, with the column's mix category. */
export function createEpisode(options: CreateEpisodeOptions): Result<{ pieceId: number }> {
  const { db, actor, now } = options;
  if (!can(actor.roles, "pieces.create"))
    return fail(403, "forbidden", "你的角色不能创建内容。", { params: { context: "createPiece" } });
  const column = db.select().from(schema.columns).where(eq(schema.columns.id, options.columnId)).get();
  if (!column) return fail(404, "not_found", "栏目不存在。", { params: { context: "column" } });
  const mix = column.mixCategory as "车型讲解" | "用车技巧" | "车主故事";
  const pieceId = db.transaction((tx) =>
    insertPiece(tx, {
      actor,
      input: {
        kind: "episode",
        title: options.title,
        body: `结尾：${column.outroLine}`,
        columnId: column.id,
        mixCategory: mix,
      },
      now,
    }),
  );
  return { ok: true, pieceId };
}
