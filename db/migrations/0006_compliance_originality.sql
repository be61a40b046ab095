CREATE TABLE `boilerplate_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`column_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`column_id`) REFERENCES `columns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `compliance_justifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text_hash` text NOT NULL,
	`note` text NOT NULL,
	`actor_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compliance_justifications_piece_idx` ON `compliance_justifications` (`piece_id`,`kind`);--> statement-breakpoint
CREATE TABLE `compliance_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term` text,
	`pattern` text,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`reason` text NOT NULL,
	`basis` text NOT NULL,
	`suggestion` text DEFAULT '' NOT NULL,
	`allowed_contexts` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_terms_term_idx` ON `compliance_terms` (`term`);--> statement-breakpoint
CREATE INDEX `compliance_terms_category_idx` ON `compliance_terms` (`category`);--> statement-breakpoint
CREATE TABLE `originality_bands` (
	`piece_id` integer NOT NULL,
	`band` integer NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`piece_id`, `band`),
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `originality_bands_key_idx` ON `originality_bands` (`band`,`key`);--> statement-breakpoint
CREATE TABLE `originality_thresholds` (
	`kind` text PRIMARY KEY NOT NULL,
	`threshold` real NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `piece_checks` (
	`piece_id` integer PRIMARY KEY NOT NULL,
	`text_hash` text NOT NULL,
	`library_version` integer NOT NULL,
	`findings` text DEFAULT '[]' NOT NULL,
	`block_count` integer DEFAULT 0 NOT NULL,
	`review_count` integer DEFAULT 0 NOT NULL,
	`originality` real,
	`originality_threshold` real NOT NULL,
	`similar` text DEFAULT '[]' NOT NULL,
	`flagged_at` integer,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `term_library_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`cause` text NOT NULL,
	`note` text,
	`term_count` integer NOT NULL,
	`terms` text NOT NULL,
	`actor_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
