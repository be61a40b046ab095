CREATE TABLE `ebook_build_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`job_id` integer NOT NULL,
	`profile` text NOT NULL,
	`requested_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ebook_build_requests_piece_idx` ON `ebook_build_requests` (`piece_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ebook_build_requests_job_idx` ON `ebook_build_requests` (`job_id`);--> statement-breakpoint
CREATE TABLE `ebook_builds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`job_id` integer NOT NULL,
	`profile` text NOT NULL,
	`pages` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`content_hash` text NOT NULL,
	`snapshot` text NOT NULL,
	`signoff_id` integer,
	`render_ms` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ebook_builds_piece_idx` ON `ebook_builds` (`piece_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ebook_builds_job_idx` ON `ebook_builds` (`job_id`);--> statement-breakpoint
CREATE TABLE `ebook_chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	`title` text NOT NULL,
	`markdown` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `ebook_sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ebook_chapters_section_idx` ON `ebook_chapters` (`section_id`,`position`);--> statement-breakpoint
CREATE INDEX `ebook_chapters_piece_idx` ON `ebook_chapters` (`piece_id`);--> statement-breakpoint
CREATE TABLE `ebook_images` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ebook_images_piece_name_idx` ON `ebook_images` (`piece_id`,`name`);--> statement-breakpoint
CREATE TABLE `ebook_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ebook_sections_piece_idx` ON `ebook_sections` (`piece_id`,`position`);--> statement-breakpoint
CREATE TABLE `ebook_signoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`build_id` integer NOT NULL,
	`content_hash` text NOT NULL,
	`organisation` text NOT NULL,
	`reviewer` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`voided_at` integer,
	`void_reason` text,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`build_id`) REFERENCES `ebook_builds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ebook_signoffs_piece_idx` ON `ebook_signoffs` (`piece_id`);--> statement-breakpoint
CREATE TABLE `ebooks` (
	`piece_id` integer PRIMARY KEY NOT NULL,
	`subtitle` text DEFAULT '' NOT NULL,
	`author` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`keywords` text NOT NULL,
	`trim` text NOT NULL,
	`target_pages` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
