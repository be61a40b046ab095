CREATE TABLE `ebook_chapter_texts` (
	`piece_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`markdown` text NOT NULL,
	PRIMARY KEY(`piece_id`, `sha256`),
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action
);
