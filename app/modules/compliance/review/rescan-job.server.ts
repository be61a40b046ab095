import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { schema } from "~/lib/db.server";
import type { JobHandler } from "../../jobs/worker.server";
import { currentCompiledLibrary } from "../library-cache.server";
import { COMPLIANCE_RESCAN_JOB } from "../terms/library-version.server";
import { checkPiece } from "./check-piece.server";
import { WATCHED_PIECE_STATUSES } from "./review-types";

/**
 * The job every change of the term library queues in its transaction (`{ version }`): re-checks every piece in review, approved or scheduled against the library as it is now, one
 * piece per transaction; a piece whose findings now include findings it did not have before is
 * flagged. A piece already checked under this (or a newer) library is skipped, so a job run again
 * after a crash, or a second job for the same change, only finishes what is left. A text edited
 * since its check is the gates' business (they compare hashes), not this job's.
 */
export const rescanHandler: JobHandler = async ({ studio, signal, reportProgress }) => {
  const { db } = studio;
  const version = currentCompiledLibrary(db).version;
  // Pieces without a check under this library: one query, so a run that has nothing left to do costs one read.
  const ids = db
    .select({ id: schema.pieces.id })
    .from(schema.pieces)
    .leftJoin(schema.pieceChecks, eq(schema.pieceChecks.pieceId, schema.pieces.id))
    .where(
      and(
        inArray(schema.pieces.status, [...WATCHED_PIECE_STATUSES]),
        or(isNull(schema.pieceChecks.pieceId), lt(schema.pieceChecks.termsVersion, version)),
      ),
    )
    .orderBy(asc(schema.pieces.id))
    .all()
    .map((row) => row.id);
  let flagged = 0;
  for (const [index, pieceId] of ids.entries()) {
    signal.throwIfAborted();
    const done = checkPiece({ db, pieceId, now: studio.now(), flagNew: true });
    if (done.ok && done.added.length > 0 && done.check.flaggedAt) flagged += 1;
    reportProgress((index + 1) / ids.length);
    // One piece per transaction, yielding between them: pages keep being served during a long pass.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: { version, checked: ids.length, flagged } };
};

export const complianceJobHandlers: Record<string, JobHandler> = { [COMPLIANCE_RESCAN_JOB]: rescanHandler };
