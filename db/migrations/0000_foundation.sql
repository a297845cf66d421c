CREATE TABLE `alliance_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`credit_code` text,
	`street` text NOT NULL,
	`address` text,
	`description` text DEFAULT '' NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`headcount` integer NOT NULL,
	`disabled_headcount` integer DEFAULT 0 NOT NULL,
	`pledged_positions` integer DEFAULT 0 NOT NULL,
	`commitment_level` text DEFAULT 'committed' NOT NULL,
	`joined_on` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "alliance_members_headcount_ck" CHECK("alliance_members"."headcount" >= 0 AND "alliance_members"."disabled_headcount" >= 0 AND "alliance_members"."pledged_positions" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alliance_members_name_uq` ON `alliance_members` (`name`);--> statement-breakpoint
CREATE INDEX `alliance_members_street_idx` ON `alliance_members` (`street`);--> statement-breakpoint
CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`by_user_id` integer,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seeker_id` integer NOT NULL,
	`job_id` integer NOT NULL,
	`origin` text NOT NULL,
	`status` text NOT NULL,
	`message` text,
	`first_response_at` text,
	`trial_starts_on` text,
	`trial_ends_on` text,
	`seeker_assessment` text,
	`employer_assessment` text,
	`hired_on` text,
	`created_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_seeker_job_uq` ON `applications` (`seeker_id`,`job_id`);--> statement-breakpoint
CREATE INDEX `applications_job_status_idx` ON `applications` (`job_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`fields` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seeker_id` integer NOT NULL,
	`kind` text NOT NULL,
	`granted` integer NOT NULL,
	`text_version` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`by_user_id` integer,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_seeker_idx` ON `consents` (`seeker_id`,`kind`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`provider` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`skills` text NOT NULL,
	`accommodations` text NOT NULL,
	`duration_hours` integer NOT NULL,
	`work_mode` text NOT NULL,
	`street` text,
	`starts_on` text,
	`ends_on` text,
	`capacity` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "courses_capacity_ck" CHECK("courses"."capacity" >= 0 AND "courses"."duration_hours" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courses_code_uq` ON `courses` (`code`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seeker_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`status` text DEFAULT 'enrolled' NOT NULL,
	`enrolled_on` text NOT NULL,
	`completed_on` text,
	`result` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_seeker_course_uq` ON `enrollments` (`seeker_id`,`course_id`);--> statement-breakpoint
CREATE INDEX `enrollments_course_idx` ON `enrollments` (`course_id`,`status`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`seeker_id` integer NOT NULL,
	`months_after_hire` integer NOT NULL,
	`due_on` text NOT NULL,
	`outcome` text,
	`reason` text,
	`recorded_at` text,
	`recorded_by_user_id` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_app_months_uq` ON `follow_ups` (`application_id`,`months_after_hire`);--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`outcome`,`due_on`);--> statement-breakpoint
CREATE TABLE `job_accommodations` (
	`job_id` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`job_id`, `code`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_accommodations_code_idx` ON `job_accommodations` (`code`);--> statement-breakpoint
CREATE TABLE `job_courses` (
	`job_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	PRIMARY KEY(`job_id`, `course_id`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `job_skills` (
	`job_id` integer NOT NULL,
	`skill` text NOT NULL,
	`required` integer NOT NULL,
	PRIMARY KEY(`job_id`, `skill`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_skills_skill_idx` ON `job_skills` (`skill`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`street` text NOT NULL,
	`address` text,
	`work_mode` text NOT NULL,
	`hours` text NOT NULL,
	`salary_min` integer,
	`salary_max` integer,
	`openings` integer NOT NULL,
	`reserved` integer DEFAULT true NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`closed_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `alliance_members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "jobs_openings_ck" CHECK("jobs"."openings" >= 0),
	CONSTRAINT "jobs_salary_ck" CHECK("jobs"."salary_min" IS NULL OR "jobs"."salary_max" IS NULL OR "jobs"."salary_min" <= "jobs"."salary_max")
);
--> statement-breakpoint
CREATE INDEX `jobs_member_idx` ON `jobs` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `jobs_status_street_idx` ON `jobs` (`status`,`street`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`job_id` integer,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_match_uq` ON `notifications` (`user_id`,`job_id`) WHERE kind = 'match';--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`,`id`);--> statement-breakpoint
CREATE TABLE `pipeline_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seeker_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`by_user_id` integer,
	`reason` text,
	`course_id` integer,
	`job_id` integer,
	`application_id` integer,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pipeline_events_seeker_idx` ON `pipeline_events` (`seeker_id`,`at`);--> statement-breakpoint
CREATE INDEX `pipeline_events_to_at_idx` ON `pipeline_events` (`to_stage`,`at`);--> statement-breakpoint
CREATE TABLE `policy_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by_user_id` integer
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer,
	`sponsor_name` text NOT NULL,
	`title` text NOT NULL,
	`sector` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`street` text NOT NULL,
	`work_mode` text NOT NULL,
	`skills` text NOT NULL,
	`supports` text NOT NULL,
	`accommodations` text NOT NULL,
	`funding_amount` integer,
	`capacity` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `alliance_members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "projects_capacity_ck" CHECK("projects"."capacity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `projects_sector_status_idx` ON `projects` (`sector`,`status`);--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`);--> statement-breakpoint
CREATE TABLE `seeker_needs` (
	`seeker_id` integer NOT NULL,
	`code` text NOT NULL,
	`strength` text NOT NULL,
	PRIMARY KEY(`seeker_id`, `code`),
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `seeker_needs_code_idx` ON `seeker_needs` (`code`,`strength`);--> statement-breakpoint
CREATE TABLE `seeker_skills` (
	`seeker_id` integer NOT NULL,
	`skill` text NOT NULL,
	`level` text DEFAULT 'basic' NOT NULL,
	PRIMARY KEY(`seeker_id`, `skill`),
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `seeker_skills_skill_idx` ON `seeker_skills` (`skill`);--> statement-breakpoint
CREATE TABLE `seekers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`certificate_number` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`disability_category` integer NOT NULL,
	`disability_level` integer NOT NULL,
	`phone` text,
	`email` text,
	`street` text NOT NULL,
	`community` text,
	`education` text DEFAULT 'junior_secondary' NOT NULL,
	`about` text DEFAULT '' NOT NULL,
	`work_modes` text NOT NULL,
	`preferred_hours` text NOT NULL,
	`salary_expectation` integer,
	`stage` text DEFAULT 'registered' NOT NULL,
	`consent_sensitive_data` integer DEFAULT false NOT NULL,
	`consent_match_alerts` integer DEFAULT false NOT NULL,
	`consent_share_with_employers` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "seekers_category_ck" CHECK("seekers"."disability_category" BETWEEN 1 AND 7),
	CONSTRAINT "seekers_level_ck" CHECK("seekers"."disability_level" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seekers_certificate_uq` ON `seekers` (`certificate_number`);--> statement-breakpoint
CREATE INDEX `seekers_category_level_idx` ON `seekers` (`disability_category`,`disability_level`);--> statement-breakpoint
CREATE INDEX `seekers_street_idx` ON `seekers` (`street`);--> statement-breakpoint
CREATE INDEX `seekers_stage_idx` ON `seekers` (`stage`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`seeker_id` integer,
	`member_id` integer,
	`display_name` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`large_text` integer DEFAULT false NOT NULL,
	`high_contrast` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`password_changed_at` text,
	`last_login_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`seeker_id`) REFERENCES `seekers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `alliance_members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_link_ck" CHECK(("users"."role" = 'seeker' AND "users"."seeker_id" IS NOT NULL AND "users"."member_id" IS NULL)
       OR ("users"."role" = 'employer' AND "users"."member_id" IS NOT NULL AND "users"."seeker_id" IS NULL)
       OR ("users"."role" = 'staff' AND "users"."seeker_id" IS NULL AND "users"."member_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_seeker_uq` ON `users` (`seeker_id`);--> statement-breakpoint
CREATE INDEX `users_member_idx` ON `users` (`member_id`);