CREATE TABLE `episode_renders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`number` integer NOT NULL,
	`job_id` integer NOT NULL,
	`video_path` text NOT NULL,
	`cover_path` text NOT NULL,
	`thumbnail_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`duration_seconds` real NOT NULL,
	`cover_at_second` real,
	`input_hash` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `episode_renders_piece_number_idx` ON `episode_renders` (`piece_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `episode_renders_job_idx` ON `episode_renders` (`job_id`);--> statement-breakpoint
CREATE TABLE `episode_script_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`position` integer NOT NULL,
	`voiceover` text NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`shot_note` text DEFAULT '' NOT NULL,
	`seconds` real NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episode_script_lines_piece_idx` ON `episode_script_lines` (`piece_id`,`position`);--> statement-breakpoint
CREATE TABLE `media_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer,
	`column_id` integer,
	`role` text NOT NULL,
	`kind` text NOT NULL,
	`original_name` text NOT NULL,
	`rel_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`duration_seconds` real,
	`width` integer,
	`height` integer,
	`sar` real DEFAULT 1 NOT NULL,
	`has_audio` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`verify_status` text NOT NULL,
	`verify_error` text,
	`verify_job_id` integer,
	`uploaded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`column_id`) REFERENCES `columns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verify_job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `media_assets_piece_idx` ON `media_assets` (`piece_id`,`position`);--> statement-breakpoint
CREATE INDEX `media_assets_column_idx` ON `media_assets` (`column_id`,`role`);--> statement-breakpoint
ALTER TABLE `columns` ADD `text_color` text DEFAULT '#ffffff' NOT NULL;--> statement-breakpoint
ALTER TABLE `columns` ADD `reading_speed_cps` real DEFAULT 4.5 NOT NULL;--> statement-breakpoint
ALTER TABLE `columns` ADD `version` integer DEFAULT 1 NOT NULL;