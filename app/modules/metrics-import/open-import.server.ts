import { eq } from "drizzle-orm";
import { schema, type Db, type DbOrTx, type Tx } from "~/lib/db.server";
import { fail, type Failure, type Result } from "~/lib/result";
import type { Actor } from "../auth/actor";
import { ensureDefaultAliases } from "./ensure-default-aliases.server";
import { refuseUnlessImporter } from "./import-access";
import { readImportFile, type ImportEncoding } from "./read-import-file.server";

export interface ImportFile {
  ok: true;
  text: string;
  encoding: ImportEncoding;
}

/** An uploaded platform export and what the uploader said of it, as every import takes it. */
export interface ImportUpload {
  db: Db;
  actor: Actor;
  now: Date;
  timeZone: string;
  bytes: Uint8Array;
  fileName: string;
  platform: string;
  asOfDay: string;
}

/**
 * What every import does before its transaction, preview or apply: the role, the file read as
 * text (refused with its reason, nothing stored), and the studio's default aliases in place.
 */
export function openImport(options: {
  db: Db;
  actor: Actor;
  now: Date;
  bytes: Uint8Array;
  fileName: string;
}): ImportFile | Failure {
  const refused = refuseUnlessImporter(options.actor);
  if (refused) return refused;
  const file = readImportFile(options);
  if (!file.ok) return file;
  // Setup, not part of the import: a refused file still leaves the studio its default aliases.
  ensureDefaultAliases({ db: options.db, now: options.now });
  return file;
}

/** The import's own row: a preview keeps the decoded text until it is applied; an applied one does not. */
export function insertImportRow(
  tx: Tx,
  options: { actor: Actor; now: Date; platform: string; fileName: string; asOfDay: string },
  file: ImportFile,
  rowCount: number,
  state: { status: "preview"; payload: string } | { status: "applied" },
): number {
  const { actor, now } = options;
  return tx
    .insert(schema.metricImports)
    .values({
      platform: options.platform,
      fileName: options.fileName,
      encoding: file.encoding,
      asOfDay: options.asOfDay,
      rowCount,
      status: state.status,
      payload: state.status === "preview" ? state.payload : null,
      createdBy: actor.id,
      ...(state.status === "applied" ? { appliedAt: now } : {}),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: schema.metricImports.id })
    .get().id;
}

/** An import by id, or the 404 every import page and action answers for one that is not there. */
export function findImport(
  db: DbOrTx,
  importId: number,
): { ok: true; row: typeof schema.metricImports.$inferSelect } | Failure {
  const row = db.select().from(schema.metricImports).where(eq(schema.metricImports.id, importId)).get();
  return row
    ? { ok: true, row }
    : fail(404, "not_found", "未找到这次导入。", { params: { context: "import" } });
}

/**
 * What every change to an existing import (apply, undo, discard) starts with: the importers' role,
 * then, inside one transaction (IMMEDIATE when `config` says so), the import's row or its 404.
 */
export function changeImport<T>(
  options: { db: Db; actor: Actor; importId: number },
  change: (tx: Tx, row: typeof schema.metricImports.$inferSelect) => Result<T>,
  config?: { behavior: "immediate" },
): Result<T> {
  const refused = refuseUnlessImporter(options.actor);
  if (refused) return refused;
  return options.db.transaction((tx) => {
    const found = findImport(tx, options.importId);
    return found.ok ? change(tx, found.row) : found;
  }, config);
}
