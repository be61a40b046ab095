import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs, timestamps } from "./shared-columns";

/** Durable job queue: renders, builds, publishing and deletion requests never run in a request. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: serialId(),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** queued | running | succeeded | failed | cancelled */
    status: text("status").notNull(),
    idempotencyKey: text("idempotency_key").unique(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAfter: timestampMs("run_after").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestampMs("lease_until"),
    progress: real("progress").notNull().default(0),
    progressNote: text("progress_note"),
    etaSeconds: integer("eta_seconds"),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    cancelRequested: integer("cancel_requested", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by"),
    ...timestamps(),
    startedAt: timestampMs("started_at"),
    finishedAt: timestampMs("finished_at"),
  },
  (t) => [index("jobs_status_run_after_idx").on(t.status, t.runAfter)],
);
