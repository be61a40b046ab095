CREATE TABLE `brand_kits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_name` text NOT NULL,
	`primary_color` text NOT NULL,
	`accent_color` text NOT NULL,
	`text_color` text NOT NULL,
	`hotline` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`logo_sha256` text,
	`logo_width` integer,
	`logo_height` integer,
	`logo_bytes` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `poster_renders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`number` integer NOT NULL,
	`source` text NOT NULL,
	`job_id` integer,
	`template` text,
	`size` text,
	`fields` text,
	`variants` text DEFAULT '[]' NOT NULL,
	`asset_id` integer,
	`width` integer,
	`height` integer,
	`bytes` integer,
	`sha256` text,
	`requested_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asset_id`) REFERENCES `media_assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poster_renders_piece_number_idx` ON `poster_renders` (`piece_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `poster_renders_job_idx` ON `poster_renders` (`job_id`);--> statement-breakpoint
CREATE TABLE `poster_variants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`render_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`source` text NOT NULL,
	`rel_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`render_id`) REFERENCES `poster_renders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poster_variants_render_key_idx` ON `poster_variants` (`render_id`,`key`);--> statement-breakpoint
CREATE INDEX `poster_variants_render_idx` ON `poster_variants` (`render_id`);--> statement-breakpoint
CREATE TABLE `posters` (
	`piece_id` integer PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`size` text NOT NULL,
	`fields` text NOT NULL,
	`photo_sha256` text,
	`photo_format` text,
	`photo_width` integer,
	`photo_height` integer,
	`photo_bytes` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
