CREATE TABLE `event_day_pieces` (
	`piece_id` integer NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`plays` integer DEFAULT 0 NOT NULL,
	`completes` integer DEFAULT 0 NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	`watch_seconds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`piece_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `event_day_sources` (
	`day` text NOT NULL,
	`source` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`plays` integer DEFAULT 0 NOT NULL,
	`completes` integer DEFAULT 0 NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	`watch_seconds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `source`)
);
--> statement-breakpoint
DROP INDEX `leads_created_idx`;--> statement-breakpoint
CREATE INDEX `leads_created_cover_idx` ON `leads` (`created_at`,`piece_id`,`source`);
--> statement-breakpoint
-- The day summaries start as the sums of the rollups already stored (one pass over the rollups,
-- not the raw events: about 350,000 rows for a year of ten million events), then the triggers
-- below keep them equal to the rollups in the same statement as every change (decision 0043).
INSERT INTO `event_day_sources` (`day`, `source`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
SELECT `day`, `source`, sum(`views`), sum(`visitors`), sum(`plays`), sum(`completes`), sum(`downloads`), sum(`watch_seconds`) FROM `event_rollups` GROUP BY `day`, `source`;
--> statement-breakpoint
INSERT INTO `event_day_pieces` (`piece_id`, `day`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
SELECT `piece_id`, `day`, sum(`views`), sum(`visitors`), sum(`plays`), sum(`completes`), sum(`downloads`), sum(`watch_seconds`) FROM `event_rollups` GROUP BY `piece_id`, `day`;
--> statement-breakpoint
CREATE TRIGGER `event_rollups_summaries_insert` AFTER INSERT ON `event_rollups`
BEGIN
  INSERT INTO `event_day_sources` (`day`, `source`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
  VALUES (NEW.`day`, NEW.`source`, NEW.`views`, NEW.`visitors`, NEW.`plays`, NEW.`completes`, NEW.`downloads`, NEW.`watch_seconds`)
  ON CONFLICT (`day`, `source`) DO UPDATE SET `views` = `views` + excluded.`views`, `visitors` = `visitors` + excluded.`visitors`, `plays` = `plays` + excluded.`plays`, `completes` = `completes` + excluded.`completes`, `downloads` = `downloads` + excluded.`downloads`, `watch_seconds` = `watch_seconds` + excluded.`watch_seconds`;
  INSERT INTO `event_day_pieces` (`piece_id`, `day`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
  VALUES (NEW.`piece_id`, NEW.`day`, NEW.`views`, NEW.`visitors`, NEW.`plays`, NEW.`completes`, NEW.`downloads`, NEW.`watch_seconds`)
  ON CONFLICT (`piece_id`, `day`) DO UPDATE SET `views` = `views` + excluded.`views`, `visitors` = `visitors` + excluded.`visitors`, `plays` = `plays` + excluded.`plays`, `completes` = `completes` + excluded.`completes`, `downloads` = `downloads` + excluded.`downloads`, `watch_seconds` = `watch_seconds` + excluded.`watch_seconds`;
END;
--> statement-breakpoint
-- A beacon's upsert adds to a row in place: the summaries take the difference.
CREATE TRIGGER `event_rollups_summaries_update` AFTER UPDATE ON `event_rollups`
WHEN NEW.`piece_id` = OLD.`piece_id` AND NEW.`day` = OLD.`day` AND NEW.`source` = OLD.`source`
BEGIN
  UPDATE `event_day_sources` SET `views` = `views` + NEW.`views` - OLD.`views`, `visitors` = `visitors` + NEW.`visitors` - OLD.`visitors`, `plays` = `plays` + NEW.`plays` - OLD.`plays`, `completes` = `completes` + NEW.`completes` - OLD.`completes`, `downloads` = `downloads` + NEW.`downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` + NEW.`watch_seconds` - OLD.`watch_seconds`
  WHERE `day` = NEW.`day` AND `source` = NEW.`source`;
  UPDATE `event_day_pieces` SET `views` = `views` + NEW.`views` - OLD.`views`, `visitors` = `visitors` + NEW.`visitors` - OLD.`visitors`, `plays` = `plays` + NEW.`plays` - OLD.`plays`, `completes` = `completes` + NEW.`completes` - OLD.`completes`, `downloads` = `downloads` + NEW.`downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` + NEW.`watch_seconds` - OLD.`watch_seconds`
  WHERE `piece_id` = NEW.`piece_id` AND `day` = NEW.`day`;
END;
--> statement-breakpoint
-- A row moved to another piece, day or source: out of the old summaries, into the new ones.
CREATE TRIGGER `event_rollups_summaries_move` AFTER UPDATE ON `event_rollups`
WHEN NOT (NEW.`piece_id` = OLD.`piece_id` AND NEW.`day` = OLD.`day` AND NEW.`source` = OLD.`source`)
BEGIN
  UPDATE `event_day_sources` SET `views` = `views` - OLD.`views`, `visitors` = `visitors` - OLD.`visitors`, `plays` = `plays` - OLD.`plays`, `completes` = `completes` - OLD.`completes`, `downloads` = `downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` - OLD.`watch_seconds`
  WHERE `day` = OLD.`day` AND `source` = OLD.`source`;
  UPDATE `event_day_pieces` SET `views` = `views` - OLD.`views`, `visitors` = `visitors` - OLD.`visitors`, `plays` = `plays` - OLD.`plays`, `completes` = `completes` - OLD.`completes`, `downloads` = `downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` - OLD.`watch_seconds`
  WHERE `piece_id` = OLD.`piece_id` AND `day` = OLD.`day`;
  INSERT INTO `event_day_sources` (`day`, `source`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
  VALUES (NEW.`day`, NEW.`source`, NEW.`views`, NEW.`visitors`, NEW.`plays`, NEW.`completes`, NEW.`downloads`, NEW.`watch_seconds`)
  ON CONFLICT (`day`, `source`) DO UPDATE SET `views` = `views` + excluded.`views`, `visitors` = `visitors` + excluded.`visitors`, `plays` = `plays` + excluded.`plays`, `completes` = `completes` + excluded.`completes`, `downloads` = `downloads` + excluded.`downloads`, `watch_seconds` = `watch_seconds` + excluded.`watch_seconds`;
  INSERT INTO `event_day_pieces` (`piece_id`, `day`, `views`, `visitors`, `plays`, `completes`, `downloads`, `watch_seconds`)
  VALUES (NEW.`piece_id`, NEW.`day`, NEW.`views`, NEW.`visitors`, NEW.`plays`, NEW.`completes`, NEW.`downloads`, NEW.`watch_seconds`)
  ON CONFLICT (`piece_id`, `day`) DO UPDATE SET `views` = `views` + excluded.`views`, `visitors` = `visitors` + excluded.`visitors`, `plays` = `plays` + excluded.`plays`, `completes` = `completes` + excluded.`completes`, `downloads` = `downloads` + excluded.`downloads`, `watch_seconds` = `watch_seconds` + excluded.`watch_seconds`;
END;
--> statement-breakpoint
CREATE TRIGGER `event_rollups_summaries_delete` AFTER DELETE ON `event_rollups`
BEGIN
  UPDATE `event_day_sources` SET `views` = `views` - OLD.`views`, `visitors` = `visitors` - OLD.`visitors`, `plays` = `plays` - OLD.`plays`, `completes` = `completes` - OLD.`completes`, `downloads` = `downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` - OLD.`watch_seconds`
  WHERE `day` = OLD.`day` AND `source` = OLD.`source`;
  UPDATE `event_day_pieces` SET `views` = `views` - OLD.`views`, `visitors` = `visitors` - OLD.`visitors`, `plays` = `plays` - OLD.`plays`, `completes` = `completes` - OLD.`completes`, `downloads` = `downloads` - OLD.`downloads`, `watch_seconds` = `watch_seconds` - OLD.`watch_seconds`
  WHERE `piece_id` = OLD.`piece_id` AND `day` = OLD.`day`;
END;
