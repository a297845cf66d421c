-- 0004's applications_hired_job_idx made SQLite sort the hired seekers for the employment figures instead of reading applications_hired_idx in seeker order; the alliance's hires do without it.
DROP INDEX `applications_hired_job_idx`;--> statement-breakpoint
CREATE INDEX `seekers_id_stats_idx` ON `seekers` (`id`,`status`,`disability_category`,`disability_level`,`street`,`created_at`);