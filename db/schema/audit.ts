import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs } from "./shared-columns";

/**
 * Append-only, hash-chained log of every mutation. Triggers in the migration refuse UPDATE and
 * DELETE; each row's hash covers the previous row's hash, so a gap or an edit breaks the chain.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: serialId(),
    at: timestampMs("at").notNull(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    /** JSON: { before, after } summaries. */
    summary: text("summary").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);
