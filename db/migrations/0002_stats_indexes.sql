ALTER TABLE `alliance_members` ADD `average_wage` integer;--> statement-breakpoint
CREATE INDEX `applications_hired_idx` ON `applications` (`status`,`seeker_id`,`hired_on`);--> statement-breakpoint
CREATE INDEX `enrollments_completed_idx` ON `enrollments` (`course_id`,`status`,`completed_on`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_stats_idx` ON `follow_ups` (`months_after_hire`,`outcome`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `jobs_month_idx` ON `jobs` (substr("created_at", 1, 7));--> statement-breakpoint
CREATE INDEX `pipeline_events_to_seeker_idx` ON `pipeline_events` (`to_stage`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `projects_month_idx` ON `projects` (substr("created_at", 1, 7));--> statement-breakpoint
CREATE INDEX `seekers_stats_idx` ON `seekers` (`status`,`disability_category`,`disability_level`,`street`,`stage`,`created_at`);--> statement-breakpoint
CREATE INDEX `seekers_month_idx` ON `seekers` (substr("created_at", 1, 7));