CREATE TABLE `application_waits` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`wait_ms` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `application_waits_period_idx` ON `application_waits` (`member_id`,`created_at`,`wait_ms`);--> statement-breakpoint
CREATE INDEX `application_waits_wait_idx` ON `application_waits` (`member_id`,`wait_ms`,`created_at`);--> statement-breakpoint
DROP INDEX `applications_created_idx`;--> statement-breakpoint
CREATE INDEX `applications_hired_job_idx` ON `applications` (`status`,`job_id`,`hired_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_app_outcome_idx` ON `follow_ups` (`application_id`,`months_after_hire`,`outcome`);--> statement-breakpoint
CREATE INDEX `jobs_open_idx` ON `jobs` (`status`,`openings`,`work_mode`,`street`,`member_id`);--> statement-breakpoint
CREATE INDEX `jobs_member_created_idx` ON `jobs` (`member_id`,`created_at`,`status`,`openings`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): application_waits is derived from
-- applications and jobs by these triggers, in the writer's own transaction. Only candidates'
-- own applications count (invitations are the employer's move). Waits in whole milliseconds.
CREATE TRIGGER `application_waits_after_insert` AFTER INSERT ON `applications` WHEN NEW.origin IN ('applied', 'referred') BEGIN
  INSERT INTO application_waits (application_id, member_id, created_at, wait_ms)
    SELECT NEW.id, j.member_id, NEW.created_at,
           CAST(round(unixepoch(NEW.first_response_at, 'subsec') * 1000) AS INTEGER) - CAST(round(unixepoch(NEW.created_at, 'subsec') * 1000) AS INTEGER)
    FROM jobs j WHERE j.id = NEW.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER `application_waits_after_update` AFTER UPDATE OF origin, job_id, created_at, first_response_at ON `applications` BEGIN
  DELETE FROM application_waits WHERE application_id = OLD.id;
  INSERT INTO application_waits (application_id, member_id, created_at, wait_ms)
    SELECT NEW.id, j.member_id, NEW.created_at,
           CAST(round(unixepoch(NEW.first_response_at, 'subsec') * 1000) AS INTEGER) - CAST(round(unixepoch(NEW.created_at, 'subsec') * 1000) AS INTEGER)
    FROM jobs j WHERE j.id = NEW.job_id AND NEW.origin IN ('applied', 'referred');
END;
--> statement-breakpoint
CREATE TRIGGER `application_waits_after_job_member` AFTER UPDATE OF member_id ON `jobs` BEGIN
  UPDATE application_waits SET member_id = NEW.member_id WHERE application_id IN (SELECT id FROM applications WHERE job_id = NEW.id);
END;
--> statement-breakpoint
INSERT INTO application_waits (application_id, member_id, created_at, wait_ms)
  SELECT a.id, j.member_id, a.created_at,
         CAST(round(unixepoch(a.first_response_at, 'subsec') * 1000) AS INTEGER) - CAST(round(unixepoch(a.created_at, 'subsec') * 1000) AS INTEGER)
  FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.origin IN ('applied', 'referred');
