CREATE TABLE `seeker_outcomes` (
	`seeker_id` integer PRIMARY KEY NOT NULL,
	`employed` integer NOT NULL,
	`stably` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `applications_hired_idx`;--> statement-breakpoint
CREATE INDEX `applications_hired_idx` ON `applications` (`status`,`seeker_id`,`hired_on`,`job_id`);--> statement-breakpoint
DROP INDEX `pipeline_funnel_entries_seeker_idx`;--> statement-breakpoint
CREATE INDEX `pipeline_funnel_entries_seeker_idx` ON `pipeline_funnel_entries` (`seeker_id`,`at`,`stage`,`prev_same_at`,`prev_stage_at`,`prev_next_at`,`gap_ms`);--> statement-breakpoint
CREATE INDEX `follow_ups_outcome_app_idx` ON `follow_ups` (`outcome`,`application_id`);--> statement-breakpoint
CREATE INDEX `job_skills_job_required_idx` ON `job_skills` (`job_id`,`skill`,`required`);--> statement-breakpoint
CREATE INDEX `jobs_id_member_idx` ON `jobs` (`id`,`member_id`,`created_at`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): seeker_outcomes is derived from
-- applications, pipeline_events and follow_ups by these triggers, in the writer's own transaction;
-- each change recomputes its seeker's row (src/stats/service.ts EMPLOYED_IDS / STABLY_IDS).
CREATE TRIGGER `seeker_outcomes_applications_insert` AFTER INSERT ON `applications` WHEN NEW.status = 'hired' BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_applications_update` AFTER UPDATE OF status, seeker_id ON `applications` WHEN (OLD.status = 'hired') OR (NEW.status = 'hired') BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_applications_delete` AFTER DELETE ON `applications` WHEN OLD.status = 'hired' BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_pipeline_events_insert` AFTER INSERT ON `pipeline_events` WHEN NEW.to_stage IN ('employed', 'stably_employed') BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_pipeline_events_update` AFTER UPDATE OF to_stage, seeker_id ON `pipeline_events` WHEN (OLD.to_stage IN ('employed', 'stably_employed')) OR (NEW.to_stage IN ('employed', 'stably_employed')) BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_pipeline_events_delete` AFTER DELETE ON `pipeline_events` WHEN OLD.to_stage IN ('employed', 'stably_employed') BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_follow_ups_insert` AFTER INSERT ON `follow_ups` WHEN NEW.months_after_hire = 6 AND NEW.outcome = 'still_employed' BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_follow_ups_update` AFTER UPDATE OF months_after_hire, outcome, seeker_id ON `follow_ups` WHEN (OLD.months_after_hire = 6 AND OLD.outcome = 'still_employed') OR (NEW.months_after_hire = 6 AND NEW.outcome = 'still_employed') BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
  DELETE FROM seeker_outcomes WHERE seeker_id = NEW.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT NEW.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = NEW.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = NEW.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = NEW.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_follow_ups_delete` AFTER DELETE ON `follow_ups` WHEN OLD.months_after_hire = 6 AND OLD.outcome = 'still_employed' BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.seeker_id;
  INSERT INTO seeker_outcomes (seeker_id, employed, stably)
    SELECT OLD.seeker_id, o.employed, o.stably FROM (SELECT
      EXISTS (SELECT 1 FROM applications WHERE status = 'hired' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'employed' AND seeker_id = OLD.seeker_id) AS employed,
      EXISTS (SELECT 1 FROM pipeline_events WHERE to_stage = 'stably_employed' AND seeker_id = OLD.seeker_id)
        OR EXISTS (SELECT 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed' AND seeker_id = OLD.seeker_id) AS stably) o
    WHERE o.employed OR o.stably;
END;
--> statement-breakpoint
CREATE TRIGGER `seeker_outcomes_seekers_delete` AFTER DELETE ON `seekers` BEGIN
  DELETE FROM seeker_outcomes WHERE seeker_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO seeker_outcomes (seeker_id, employed, stably)
  SELECT seeker_id, max(employed), max(stably) FROM (
    SELECT seeker_id, 1 AS employed, 0 AS stably FROM applications WHERE status = 'hired'
    UNION ALL SELECT seeker_id, 1, 0 FROM pipeline_events WHERE to_stage = 'employed'
    UNION ALL SELECT seeker_id, 0, 1 FROM pipeline_events WHERE to_stage = 'stably_employed'
    UNION ALL SELECT seeker_id, 0, 1 FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed')
  GROUP BY seeker_id;
