CREATE TABLE `alliance_hires` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`job_created_at` text NOT NULL,
	`six_month_check_on` text,
	`still_employed_at_6_months` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alliance_hires_member_idx` ON `alliance_hires` (`member_id`,`job_created_at`,`six_month_check_on`,`still_employed_at_6_months`);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): alliance_hires is derived from applications,
-- jobs and follow_ups by these triggers, in the writer's own transaction; an application's row is
-- recomputed whenever its status, hire date or job changes (deleted applications cascade), the
-- six-month flag whenever its follow-ups change, and member and posting date when the job's change.
CREATE TRIGGER `alliance_hires_applications_insert` AFTER INSERT ON `applications` WHEN NEW.status = 'hired' BEGIN
  DELETE FROM alliance_hires WHERE application_id = NEW.id;
  INSERT INTO alliance_hires (application_id, member_id, job_created_at, six_month_check_on, still_employed_at_6_months)
    SELECT a.id, j.member_id, j.created_at, date(a.hired_on, '+6 months'),
           EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = a.id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = NEW.id AND a.status = 'hired';
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_hires_applications_update` AFTER UPDATE OF id, status, hired_on, job_id ON `applications` WHEN OLD.status = 'hired' OR NEW.status = 'hired' BEGIN
  DELETE FROM alliance_hires WHERE application_id = OLD.id;
  DELETE FROM alliance_hires WHERE application_id = NEW.id;
  INSERT INTO alliance_hires (application_id, member_id, job_created_at, six_month_check_on, still_employed_at_6_months)
    SELECT a.id, j.member_id, j.created_at, date(a.hired_on, '+6 months'),
           EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = a.id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = NEW.id AND a.status = 'hired';
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_hires_follow_ups_insert` AFTER INSERT ON `follow_ups` WHEN NEW.months_after_hire = 6 BEGIN
  UPDATE alliance_hires SET still_employed_at_6_months =
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = NEW.application_id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    WHERE application_id = NEW.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_hires_follow_ups_update` AFTER UPDATE OF application_id, months_after_hire, outcome ON `follow_ups` WHEN OLD.months_after_hire = 6 OR NEW.months_after_hire = 6 BEGIN
  UPDATE alliance_hires SET still_employed_at_6_months =
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = OLD.application_id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    WHERE application_id = OLD.application_id;
  UPDATE alliance_hires SET still_employed_at_6_months =
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = NEW.application_id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    WHERE application_id = NEW.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_hires_follow_ups_delete` AFTER DELETE ON `follow_ups` WHEN OLD.months_after_hire = 6 BEGIN
  UPDATE alliance_hires SET still_employed_at_6_months =
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = OLD.application_id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
    WHERE application_id = OLD.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_hires_jobs_update` AFTER UPDATE OF member_id, created_at ON `jobs` BEGIN
  UPDATE alliance_hires SET member_id = NEW.member_id, job_created_at = NEW.created_at
    WHERE application_id IN (SELECT id FROM applications WHERE job_id = NEW.id);
END;
--> statement-breakpoint
INSERT INTO alliance_hires (application_id, member_id, job_created_at, six_month_check_on, still_employed_at_6_months)
  SELECT a.id, j.member_id, j.created_at, date(a.hired_on, '+6 months'),
         EXISTS (SELECT 1 FROM follow_ups f WHERE f.application_id = a.id AND f.months_after_hire = 6 AND f.outcome = 'still_employed')
  FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.status = 'hired';
