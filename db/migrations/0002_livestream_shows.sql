CREATE TABLE `livestream_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`show_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`pain_point` text NOT NULL,
	`pain_seconds` integer NOT NULL,
	`selling_point` text NOT NULL,
	`selling_seconds` integer NOT NULL,
	`perk` text NOT NULL,
	`perk_seconds` integer NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `livestream_shows`(`piece_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `livestream_products_show_position_idx` ON `livestream_products` (`show_id`,`position`);--> statement-breakpoint
CREATE TABLE `livestream_show_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`show_id` integer NOT NULL,
	`version` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action_type` text NOT NULL,
	`entry_json` text NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `livestream_shows`(`piece_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `livestream_show_log_version_idx` ON `livestream_show_log` (`show_id`,`version`);--> statement-breakpoint
CREATE INDEX `livestream_show_log_at_idx` ON `livestream_show_log` (`show_id`,`at`);--> statement-breakpoint
CREATE TABLE `livestream_shows` (
	`piece_id` integer PRIMARY KEY NOT NULL,
	`scheduled_at` integer,
	`host_id` integer,
	`producer_id` integer,
	`planned_minutes` integer NOT NULL,
	`host_chars_per_minute` integer NOT NULL,
	`opening_text` text DEFAULT '' NOT NULL,
	`interaction_text` text DEFAULT '' NOT NULL,
	`cta_text` text DEFAULT '' NOT NULL,
	`cta_url` text DEFAULT '' NOT NULL,
	`closing_text` text DEFAULT '' NOT NULL,
	`state_json` text,
	`state_version` integer DEFAULT 0 NOT NULL,
	`frozen_blocks_json` text,
	`started_at` integer,
	`ended_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
