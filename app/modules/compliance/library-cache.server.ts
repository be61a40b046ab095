/**
 * The current term library, compiled once per library version. Every scan (the editors' live
 * check, a piece's check, the review and publish gates, the rescan after a library change) asks
 * for it; asking costs one indexed read of the current version number, and a compile only when
 * the version moved.
 *
 * One cache entry per database connection (the studio has one; the tests open one per studio).
 * Inside a transaction the cached library is used when its version is the one the transaction
 * sees, but a library compiled inside a transaction is not kept: the transaction might roll back,
 * and a later change would then reuse its version number with other terms.
 */
import type { DbOrTx } from "~/lib/db.server";
import type { ScanTerm } from "./compliance-types";
import { compileLibrary, type CompiledLibrary } from "./scanner/scan";
import { currentLibraryVersion, loadTermRows, rowToEntry } from "./terms/term-rows.server";

export interface CurrentLibrary {
  lib: CompiledLibrary;
  /** max(version) of term_library_versions; 0 before the library was first written. */
  version: number;
}

let cache = new WeakMap<object, CurrentLibrary>();

/** The connection behind a database or transaction handle (both carry their session's client). */
function connectionOf(db: DbOrTx): { inTransaction?: boolean } {
  const session = (db as unknown as { session?: { client?: { inTransaction?: boolean } } }).session;
  return session?.client ?? (db as object);
}

/** The library's terms as the scanner takes them, oldest first. */
function loadScanTerms(db: DbOrTx): ScanTerm[] {
  return loadTermRows(db).map((row) => ({ id: row.id, ...rowToEntry(row) }));
}

/** The current library, compiled; recompiled only when its version changed. */
export function currentCompiledLibrary(db: DbOrTx): CurrentLibrary {
  const connection = connectionOf(db);
  const version = currentLibraryVersion(db);
  const cached = cache.get(connection);
  if (cached && cached.version === version) return cached;
  const current = { lib: compileLibrary(loadScanTerms(db)), version };
  if (!connection.inTransaction) cache.set(connection, current);
  return current;
}

/** Forgets every compiled library (the next scan compiles again). */
export function invalidateLibraryCache(): void {
  cache = new WeakMap();
}
