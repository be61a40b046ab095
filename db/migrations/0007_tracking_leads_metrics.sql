CREATE TABLE `event_rollups` (
	`piece_id` integer NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`plays` integer DEFAULT 0 NOT NULL,
	`progress_25` integer DEFAULT 0 NOT NULL,
	`progress_50` integer DEFAULT 0 NOT NULL,
	`progress_75` integer DEFAULT 0 NOT NULL,
	`completes` integer DEFAULT 0 NOT NULL,
	`form_starts` integer DEFAULT 0 NOT NULL,
	`leads` integer DEFAULT 0 NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	`watch_seconds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`piece_id`, `day`, `source`),
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_rollups_day_idx` ON `event_rollups` (`day`);--> statement-breakpoint
CREATE TABLE `rollup_visitors` (
	`piece_id` integer NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`visitor_hash` text NOT NULL,
	PRIMARY KEY(`piece_id`, `day`, `source`, `visitor_hash`)
);
--> statement-breakpoint
CREATE TABLE `tracking_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`piece_id` integer NOT NULL,
	`type` text NOT NULL,
	`source` text NOT NULL,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`visitor_hash` text NOT NULL,
	`day` text NOT NULL,
	`watch_seconds` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracking_events_event_id_unique` ON `tracking_events` (`event_id`);--> statement-breakpoint
CREATE INDEX `tracking_events_piece_at_idx` ON `tracking_events` (`piece_id`,`at`);--> statement-breakpoint
CREATE INDEX `tracking_events_at_idx` ON `tracking_events` (`at`);--> statement-breakpoint
CREATE TABLE `visitor_salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deletion_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`phone_hash` text NOT NULL,
	`phone_masked` text NOT NULL,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	`leads_erased` integer,
	`job_id` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `deletion_requests_status_due_idx` ON `deletion_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `lead_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_activities_lead_idx` ON `lead_activities` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`source` text NOT NULL,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`consultant` text,
	`name_cipher` text,
	`phone_cipher` text,
	`phone_masked` text,
	`phone_hash` text,
	`consent_version` text NOT NULL,
	`consent_hash` text NOT NULL,
	`consent_at` integer NOT NULL,
	`withdrawn_at` integer,
	`status` text NOT NULL,
	`assignee_id` integer,
	`first_contact_at` integer,
	`erased_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_piece_phone_idx` ON `leads` (`piece_id`,`phone_hash`);--> statement-breakpoint
CREATE INDEX `leads_phone_hash_idx` ON `leads` (`phone_hash`);--> statement-breakpoint
CREATE INDEX `leads_created_idx` ON `leads` (`created_at`);--> statement-breakpoint
CREATE INDEX `leads_status_idx` ON `leads` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `metric_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alias` text NOT NULL,
	`field` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_aliases_alias_unique` ON `metric_aliases` (`alias`);--> statement-breakpoint
CREATE TABLE `metric_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`file_name` text NOT NULL,
	`encoding` text NOT NULL,
	`as_of_day` text NOT NULL,
	`row_count` integer NOT NULL,
	`status` text NOT NULL,
	`payload` text,
	`created_by` integer NOT NULL,
	`applied_at` integer,
	`undone_at` integer,
	`undone_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_imports_status_idx` ON `metric_imports` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `platform_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`piece_id` integer NOT NULL,
	`slot_id` integer,
	`platform` text NOT NULL,
	`as_of_day` text NOT NULL,
	`plays` integer,
	`completion_rate` real,
	`avg_watch_seconds` real,
	`likes` integer,
	`comments` integer,
	`shares` integer,
	`saves` integer,
	`profile_visits` integer,
	`follower_gain` integer,
	`reads` integer,
	FOREIGN KEY (`import_id`) REFERENCES `metric_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `platform_metrics_piece_idx` ON `platform_metrics` (`piece_id`,`platform`,`import_id`);--> statement-breakpoint
CREATE INDEX `platform_metrics_import_idx` ON `platform_metrics` (`import_id`);