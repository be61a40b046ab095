import { inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/lib/db.server";
import type { BuildRow } from "./book-rows.server";

/**
 * The absolute URL each build's QR codes encode, by build id (null when unknown). It is the
 * `publicUrl` its job was queued with: the job row stays as long as the build (foreign key).
 */
export function getBuildQrUrls(options: {
  db: DbOrTx;
  builds: Array<Pick<BuildRow, "id" | "jobId">>;
}): Map<number, string | null> {
  const { db, builds } = options;
  const jobIds = [...new Set(builds.map((b) => b.jobId))];
  const payloads = new Map(
    jobIds.length
      ? db
          .select({ id: schema.jobs.id, payload: schema.jobs.payload })
          .from(schema.jobs)
          .where(inArray(schema.jobs.id, jobIds))
          .all()
          .map((j) => [j.id, j.payload] as const)
      : [],
  );
  return new Map(
    builds.map((b) => {
      const url = payloads.get(b.jobId)?.publicUrl;
      return [b.id, typeof url === "string" ? url : null];
    }),
  );
}
