CREATE TABLE `cadence_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`count` integer NOT NULL,
	`period` text NOT NULL,
	`kinds` text DEFAULT '[]' NOT NULL,
	`label` text,
	`window_start` text,
	`window_end` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cadence_rules_channel_idx` ON `cadence_rules` (`channel_id`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`scope` text NOT NULL,
	`channel_id` integer,
	`user_id` integer,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_idx` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `publish_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`job_id` integer,
	`publisher` text NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`detail` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `publish_attempts_slot_idx` ON `publish_attempts` (`slot_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`publish_at` integer NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`held_reason` text,
	`live_url` text,
	`published_at` integer,
	`idempotency_key` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_idempotency_key_unique` ON `slots` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `slots_publish_at_idx` ON `slots` (`publish_at`);--> statement-breakpoint
CREATE INDEX `slots_status_publish_at_idx` ON `slots` (`status`,`publish_at`);--> statement-breakpoint
CREATE INDEX `slots_piece_idx` ON `slots` (`piece_id`);--> statement-breakpoint
CREATE INDEX `slots_channel_publish_at_idx` ON `slots` (`channel_id`,`publish_at`);--> statement-breakpoint
ALTER TABLE `channels` ADD `kinds` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `title_max` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `caption_max` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `hashtag_max` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `publisher` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `webhook_url` text;--> statement-breakpoint
ALTER TABLE `channels` ADD `webhook_secret` text;--> statement-breakpoint
ALTER TABLE `channels` ADD `operator_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `channels` ADD `grace_minutes` integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `color` text DEFAULT '#228be6' NOT NULL;