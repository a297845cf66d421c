CREATE TABLE `pipeline_funnel_entries` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`seeker_id` integer NOT NULL,
	`stage` text NOT NULL,
	`at` text NOT NULL,
	`prev_same_at` text,
	`prev_stage_at` text,
	`prev_next_at` text,
	`gap_ms` integer,
	FOREIGN KEY (`event_id`) REFERENCES `pipeline_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pipeline_funnel_entries_period_idx` ON `pipeline_funnel_entries` (`stage`,`at`,`prev_same_at`,`prev_stage_at`,`prev_next_at`,`gap_ms`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `pipeline_funnel_entries_gap_idx` ON `pipeline_funnel_entries` (`stage`,`gap_ms`,`at`,`prev_same_at`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `pipeline_funnel_entries_seeker_idx` ON `pipeline_funnel_entries` (`seeker_id`,`at`);--> statement-breakpoint
CREATE INDEX `applications_created_idx` ON `applications` (`created_at`,`origin`,`job_id`,`first_response_at`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model views or triggers): the funnel entries are derived
-- from pipeline_events by these triggers, in the writer's own transaction. Stage order is
-- FUNNEL_STAGES (src/pipeline/stages.ts). "Before" is the seeker's event order: time, then id.
CREATE VIEW `pipeline_funnel_entry_values` AS
SELECT v.*, CAST(round(unixepoch(v.at, 'subsec') * 1000) AS INTEGER) - CAST(round(unixepoch(v.prev_stage_at, 'subsec') * 1000) AS INTEGER) AS gap_ms
FROM (
  SELECT e.id AS event_id, e.seeker_id, e.to_stage AS stage, e.at,
    (SELECT max(p.at) FROM pipeline_events p WHERE p.seeker_id = e.seeker_id AND p.to_stage = e.to_stage
       AND (p.at < e.at OR (p.at = e.at AND p.id < e.id))) AS prev_same_at,
    (SELECT max(p.at) FROM pipeline_events p WHERE p.seeker_id = e.seeker_id
       AND p.to_stage = CASE e.to_stage WHEN 'assessed' THEN 'registered' WHEN 'in_training' THEN 'assessed' WHEN 'trained' THEN 'in_training'
                          WHEN 'in_adaptation' THEN 'trained' WHEN 'employed' THEN 'in_adaptation' WHEN 'stably_employed' THEN 'employed' END
       AND (p.at < e.at OR (p.at = e.at AND p.id < e.id))) AS prev_stage_at,
    (SELECT max(p.at) FROM pipeline_events p WHERE p.seeker_id = e.seeker_id
       AND p.to_stage = CASE e.to_stage WHEN 'registered' THEN 'assessed' WHEN 'assessed' THEN 'in_training' WHEN 'in_training' THEN 'trained'
                          WHEN 'trained' THEN 'in_adaptation' WHEN 'in_adaptation' THEN 'employed' WHEN 'employed' THEN 'stably_employed' END
       AND (p.at < e.at OR (p.at = e.at AND p.id < e.id))) AS prev_next_at
  FROM pipeline_events e
  WHERE e.to_stage IN ('registered', 'assessed', 'in_training', 'trained', 'in_adaptation', 'employed', 'stably_employed')
) v;
--> statement-breakpoint
-- A new event can only change the entries from it on in the seeker's order: redo those.
CREATE TRIGGER `pipeline_funnel_entries_after_insert` AFTER INSERT ON `pipeline_events` BEGIN
  DELETE FROM pipeline_funnel_entries WHERE seeker_id = NEW.seeker_id AND (at > NEW.at OR (at = NEW.at AND event_id >= NEW.id));
  INSERT INTO pipeline_funnel_entries (event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms)
    SELECT event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms FROM pipeline_funnel_entry_values
    WHERE seeker_id = NEW.seeker_id AND (at > NEW.at OR (at = NEW.at AND event_id >= NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER `pipeline_funnel_entries_after_delete` AFTER DELETE ON `pipeline_events` BEGIN
  DELETE FROM pipeline_funnel_entries WHERE seeker_id = OLD.seeker_id AND (at > OLD.at OR (at = OLD.at AND event_id >= OLD.id));
  INSERT INTO pipeline_funnel_entries (event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms)
    SELECT event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms FROM pipeline_funnel_entry_values
    WHERE seeker_id = OLD.seeker_id AND (at > OLD.at OR (at = OLD.at AND event_id > OLD.id));
END;
--> statement-breakpoint
-- Events are not edited; should one be, its seekers' entries are redone in full.
CREATE TRIGGER `pipeline_funnel_entries_after_update` AFTER UPDATE OF seeker_id, to_stage, at ON `pipeline_events` BEGIN
  DELETE FROM pipeline_funnel_entries WHERE seeker_id IN (OLD.seeker_id, NEW.seeker_id);
  INSERT INTO pipeline_funnel_entries (event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms)
    SELECT event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms FROM pipeline_funnel_entry_values
    WHERE seeker_id IN (OLD.seeker_id, NEW.seeker_id);
END;
--> statement-breakpoint
INSERT INTO pipeline_funnel_entries (event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms)
  SELECT event_id, seeker_id, stage, at, prev_same_at, prev_stage_at, prev_next_at, gap_ms FROM pipeline_funnel_entry_values;
