CREATE TABLE `episode_settings` (
	`piece_id` integer PRIMARY KEY NOT NULL,
	`short_script_fit` text DEFAULT 'pad' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
