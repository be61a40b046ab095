/**
 * Every code an expected failure may carry, declared once. A `Failure` (`fail()`), an API error
 * (`apiError()`) and a request refusal take only these, so a client can branch on a code and the
 * screens and the API can translate it (`errors.<code>` in `app/i18n/errors.ts`). Codes are part of
 * the API: rename none, add new ones here first.
 */
export const ERROR_CODES = [
  // Requests and sign-in
  "unauthenticated",
  "forbidden",
  "password_change_required",
  "cross_site_request",
  "method_not_allowed",
  "not_found",
  "unsupported_media_type",
  "invalid_json",
  "invalid_body",
  "invalid_query",
  "compare_needs_two_builds",
  "payload_too_large",
  "text_too_long",
  "too_many_fields",
  "unknown_intent",
  "bad_credentials",
  "throttled",
  "bad_password",
  "same_password",
  "email_taken",
  "self_lockout",
  "unknown_user",
  // Editing and the workflow
  "stale",
  "conflict",
  "unknown_transition",
  "not_owner",
  "invalid_transition",
  "note_required",
  "scheduled_at_required",
  "finished",
  // Columns, episodes and media
  "unknown_channel",
  "no_column",
  "bad_role",
  "script_invalid",
  "already_verified",
  "clips_pending",
  "no_clips",
  "bad_cover",
  "bad_column",
  "bad_clip",
  "bad_script",
  "body_too_short",
  "footage_too_short",
  "too_many_clips",
  "not_multipart",
  "bad_multipart",
  "no_file",
  "missing_file",
  "empty_file",
  "too_large",
  "not_media",
  "audio_only",
  "unknown_codec",
  "bad_duration",
  "bad_dimensions",
  "corrupt",
  "incomplete_image",
  "write_failed",
  "aborted",
  "bad_range",
  // E-books and handbooks
  "unknown_section",
  "section_not_empty",
  "stale_order",
  "invalid_name",
  "not_an_image",
  "content_problem",
  "signoff_required",
  "unknown_build",
  "build_outdated",
  "qr_not_public",
  "invalid_slug",
  "invalid_source",
  "public_url_not_public",
  // Livestreams
  "invalid_staff",
  "script_issues",
  "not_ready",
  "script_not_approved",
  "override_reason_required",
  "too_many_streams",
  "invalid_action",
  "not_running",
  "already_started",
  "already_ended",
  "not_paused",
  "at_first_block",
  "at_last_block",
  "block_out_of_range",
  "invalid_adjust",
  "offset_limit",
  "invalid_online_count",
  "below_threshold",
  "rounds_exhausted",
  "round_active",
  // Originality: thresholds and boilerplate
  "unknown_kind",
  "invalid_threshold",
  "boilerplate_too_short",
  "boilerplate_too_long",
  "boilerplate_duplicate",
  // Calendar and channels
  "slot_in_past",
  "kind_not_accepted",
  "caption_too_long",
  "title_too_long",
  "too_many_hashtags",
  // Posters
  "poster_field_required",
  "poster_text_too_long",
  "poster_image_unreadable",
  "poster_qr_url_invalid",
  "poster_font_unknown",
  "piece_not_schedulable",
  "slot_locked",
  "slot_has_attempts",
  "invalid_webhook_url",
  "invalid_cadence_rule",
  "invalid_operator",
  // Publishing and calendar feeds
  "invalid_live_url",
  "slot_not_markable",
  "slot_not_resendable",
  "slot_held",
  "changed_after_approval",
  // Compliance review and publish gates
  "compliance_blocked",
  "justification_required",
  "originality_too_low",
  "text_changed",
  "nothing_to_justify",
  // The sensitive-term library and CSV files
  "term_exists",
  "term_blank",
  "term_pattern_refused",
  "term_import_row",
  "library_version_current",
  "library_version_invalid",
  "csv_malformed",
  "csv_encoding",
  "csv_header",
  "csv_empty",
  // Platform metrics imports
  "import_file_type",
  "import_no_figures",
  "import_row",
  "import_not_preview",
  "import_not_applied",
  "as_of_in_future",
  "alias_exists",
  // Tracking and leads (public landing pages)
  "unknown_page",
  "event_unknown_type",
  "event_batch_too_large",
  "rate_limited",
  "consent_required",
  "bad_phone",
  "honeypot",
  // Lead inbox
  "invalid_lead_status",
  "lead_erased",
  // Articles
  "article_too_short",
  "testimonial_required",
  "testimonial_incomplete",
  // Comments on a line
  "unknown_anchor",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Values a translation interpolates (`{{limit}}`), and optionally an i18next `context` that picks
 * a more specific text (`errors.not_found_book`, falling back to `errors.not_found`).
 */
export type ErrorParams = { context?: string } & Record<string, string | number | undefined>;

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && KNOWN.has(value);
}
