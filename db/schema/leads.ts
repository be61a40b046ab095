import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { serialId, timestampMs, timestamps } from "./shared-columns";
import { users } from "./auth";
import { pieces } from "./pieces";

/**
 * A person who left a phone number on a landing page, with consent. Name and phone are
 * AES-256-GCM ciphertexts under DATA_KEY; `phone_hash` (HMAC of the normalised number) dedupes per
 * piece and finds a person's leads for a deletion request. Erasing a lead nulls the personal
 * fields and keeps the row, so counts stay.
 */
export const leads = sqliteTable(
  "leads",
  {
    id: serialId(),
    pieceId: integer("piece_id")
      .notNull()
      .references(() => pieces.id),
    source: text("source").notNull(),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    /** The consultant from a poster's source (poster-{id}-{consultant}); null otherwise. */
    consultant: text("consultant"),
    nameCipher: text("name_cipher"),
    phoneCipher: text("phone_cipher"),
    /** 138****5678: what every role sees; null once erased. */
    phoneMasked: text("phone_masked"),
    phoneHash: text("phone_hash"),
    consentVersion: text("consent_version").notNull(),
    /** SHA-256 of the privacy notice text the person agreed to. */
    consentHash: text("consent_hash").notNull(),
    consentAt: timestampMs("consent_at").notNull(),
    /** Set when the person withdrew consent; the lead is then erased. */
    withdrawnAt: timestampMs("withdrawn_at"),
    /** new | contacted | visited | won | lost */
    status: text("status").notNull(),
    assigneeId: integer("assignee_id").references(() => users.id),
    firstContactAt: timestampMs("first_contact_at"),
    /** When the personal fields were erased (deletion request or withdrawal). */
    erasedAt: timestampMs("erased_at"),
    version: integer("version").notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("leads_piece_phone_idx").on(t.pieceId, t.phoneHash),
    index("leads_phone_hash_idx").on(t.phoneHash),
    // Covers what the dashboards count over a range (piece, source), read from the index alone.
    index("leads_created_cover_idx").on(t.createdAt, t.pieceId, t.source),
    index("leads_status_idx").on(t.status, t.createdAt),
  ],
);

/** What happened to a lead, in order: status changes, assignment, notes. */
export const leadActivities = sqliteTable(
  "lead_activities",
  {
    id: serialId(),
    leadId: integer("lead_id")
      .notNull()
      .references(() => leads.id),
    actorId: integer("actor_id").references(() => users.id),
    /** status | assign | note | reveal */
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
    at: timestampMs("at").notNull(),
  },
  (t) => [index("lead_activities_lead_idx").on(t.leadId, t.at)],
);

/**
 * A person's request, by phone number, to delete their data or withdraw consent (PIPL). Only the
 * keyed hash and the masked number are kept, never the number itself. Due 48 hours after it came.
 */
export const deletionRequests = sqliteTable(
  "deletion_requests",
  {
    id: serialId(),
    /** delete | withdraw */
    kind: text("kind").notNull(),
    phoneHash: text("phone_hash").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    /** pending | done | failed */
    status: text("status").notNull(),
    requestedAt: timestampMs("requested_at").notNull(),
    dueAt: timestampMs("due_at").notNull(),
    doneAt: timestampMs("done_at"),
    /** How many leads the job erased. */
    leadsErased: integer("leads_erased"),
    jobId: integer("job_id"),
    error: text("error"),
  },
  (t) => [index("deletion_requests_status_due_idx").on(t.status, t.dueAt)],
);
