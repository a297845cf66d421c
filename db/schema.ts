/**
 * The single source of truth for AbilityBridge's data: the three libraries (demand, job supply,
 * entrepreneurship projects), the alliance, the training catalogue, accounts, the pipeline and
 * the records that make the service accountable (events, notifications, audit log).
 *
 * Properties are camelCase, columns snake_case. Times are ISO-8601 UTC strings
 * (`2026-11-25T08:00:00.000Z`); calendar dates are `YYYY-MM-DD`. Money is whole CNY per month.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACCOMMODATION_CODES,
  EDUCATION_CODES,
  HOURS_CODES,
  MEMBER_KIND_CODES,
  NEED_STRENGTHS,
  PIPELINE_STAGE_CODES,
  STREET_CODES,
  WORK_MODE_CODES,
  type Hours,
  type ProjectSupport,
  type WorkMode,
} from '../matching/vocabulary.js';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text('created_at').notNull().default(now);
const updatedAt = () => text('updated_at').notNull().default(now);

export const RECORD_STATUSES = ['active', 'archived'] as const;
export const JOB_STATUSES = ['open', 'closed', 'archived'] as const;
export const PROJECT_STATUSES = ['open', 'closed', 'archived'] as const;
export const COURSE_STATUSES = ['open', 'archived'] as const;
export const ENROLLMENT_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export const USER_ROLES = ['seeker', 'employer', 'staff'] as const;
export const LOCALES = ['zh-CN', 'en'] as const;
export const SEEKER_STATUSES = ['active', 'archived', 'anonymised'] as const;
export const CONSENT_KINDS = ['sensitive_data', 'match_alerts', 'share_with_employers'] as const;
export const APPLICATION_ORIGINS = ['applied', 'invited', 'referred'] as const;
export const APPLICATION_STATUSES = [
  'invited', 'applied', 'interviewing', 'trial', 'hired', 'rejected', 'withdrawn', 'declined',
] as const;
export const FOLLOW_UP_OUTCOMES = ['still_employed', 'left'] as const;
export const COMMITMENT_LEVELS = ['committed', 'employer', 'leader'] as const;

/** 社会助残联盟: the 40 member employers and organisations that reserve jobs. */
export const allianceMembers = sqliteTable(
  'alliance_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: MEMBER_KIND_CODES }).notNull(),
    /** Unified social credit code (统一社会信用代码), 18 characters; optional. */
    creditCode: text('credit_code'),
    street: text('street', { enum: STREET_CODES }).notNull(),
    address: text('address'),
    description: text('description').notNull().default(''),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** Staff on the payroll (for the quota). */
    headcount: integer('headcount').notNull(),
    /** Disabled employees already placed. */
    disabledHeadcount: integer('disabled_headcount').notNull().default(0),
    /** Positions pledged (reserved, 预留) for disabled people. */
    pledgedPositions: integer('pledged_positions').notNull().default(0),
    /**
     * Last year's average staff wage, whole CNY per YEAR (the one yearly money figure: the levy
     * formula is yearly); null until the member or staff enter it (the quota dashboard then
     * estimates with the local average wage).
     */
    averageWage: integer('average_wage'),
    commitmentLevel: text('commitment_level', { enum: COMMITMENT_LEVELS }).notNull().default('committed'),
    joinedOn: text('joined_on').notNull(),
    status: text('status', { enum: RECORD_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('alliance_members_name_uq').on(t.name),
    index('alliance_members_street_idx').on(t.street),
    check('alliance_members_headcount_ck', sql`${t.headcount} >= 0 AND ${t.disabledHeadcount} >= 0 AND ${t.pledgedPositions} >= 0`),
  ],
);

/** 就业需求库: disabled job seekers. */
export const seekers = sqliteTable(
  'seekers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 20-character second-generation disability certificate number; sensitive. */
    certificateNumber: text('certificate_number').notNull(),
    /** Derived from the resident ID inside the certificate number. */
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    disabilityCategory: integer('disability_category').notNull(),
    disabilityLevel: integer('disability_level').notNull(),
    phone: text('phone'),
    email: text('email'),
    street: text('street', { enum: STREET_CODES }).notNull(),
    community: text('community'),
    education: text('education', { enum: EDUCATION_CODES }).notNull().default('junior_secondary'),
    about: text('about').notNull().default(''),
    workModes: text('work_modes', { mode: 'json' }).$type<WorkMode[]>().notNull(),
    preferredHours: text('preferred_hours', { mode: 'json' }).$type<Hours[]>().notNull(),
    /** Expected monthly pay, CNY. */
    salaryExpectation: integer('salary_expectation'),
    stage: text('stage', { enum: PIPELINE_STAGE_CODES }).notNull().default('registered'),
    /** Current consent flags; the history with text versions lives in `consents`. */
    consentSensitiveData: integer('consent_sensitive_data', { mode: 'boolean' }).notNull().default(false),
    consentMatchAlerts: integer('consent_match_alerts', { mode: 'boolean' }).notNull().default(false),
    consentShareWithEmployers: integer('consent_share_with_employers', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: SEEKER_STATUSES }).notNull().default('active'),
    /** When the seeker asked for their data to be deleted; staff confirm by anonymising. */
    deletionRequestedAt: text('deletion_requested_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('seekers_certificate_uq').on(t.certificateNumber),
    index('seekers_category_level_idx').on(t.disabilityCategory, t.disabilityLevel),
    index('seekers_street_idx').on(t.street),
    index('seekers_stage_idx').on(t.stage),
    // Statistics: every filter and grouping column, so counts by category, level, street or stage read the index alone.
    index('seekers_stats_idx').on(t.status, t.disabilityCategory, t.disabilityLevel, t.street, t.stage, t.createdAt),
    index('seekers_month_idx').on(sql`substr(${t.createdAt}, 1, 7)`),
    // Employment figures: the dimensions of each seeker counted, by id, from the index alone.
    index('seekers_id_stats_idx').on(t.id, t.status, t.disabilityCategory, t.disabilityLevel, t.street, t.createdAt),
    check('seekers_category_ck', sql`${t.disabilityCategory} BETWEEN 1 AND 7`),
    check('seekers_level_ck', sql`${t.disabilityLevel} BETWEEN 1 AND 4`),
  ],
);

export const seekerNeeds = sqliteTable(
  'seeker_needs',
  {
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    code: text('code', { enum: ACCOMMODATION_CODES }).notNull(),
    strength: text('strength', { enum: NEED_STRENGTHS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seekerId, t.code] }), index('seeker_needs_code_idx').on(t.code, t.strength)],
);

/**
 * For the accommodation gaps: how many seekers (of any status) need each accommodation, by
 * strength. Derived from `seeker_needs` only, kept by triggers in the migration (in the writer's
 * transaction), never written by the application (src/stats/service.ts `accommodationGaps`).
 */
export const seekerNeedCounts = sqliteTable(
  'seeker_need_counts',
  {
    code: text('code', { enum: ACCOMMODATION_CODES }).notNull(),
    strength: text('strength', { enum: NEED_STRENGTHS }).notNull(),
    seekers: integer('seekers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.strength] })],
);

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced'] as const;

export const seekerSkills = sqliteTable(
  'seeker_skills',
  {
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    /** Skill label as entered; the matcher resolves synonyms and languages. */
    skill: text('skill').notNull(),
    level: text('level', { enum: SKILL_LEVELS }).notNull().default('basic'),
  },
  (t) => [primaryKey({ columns: [t.seekerId, t.skill] }), index('seeker_skills_skill_idx').on(t.skill)],
);

/**
 * For the skills statistics: how many seekers (of any status) hold each skill label. Derived from
 * `seeker_skills` only, kept by triggers in the migration (in the writer's transaction), never
 * written by the application: the unfiltered supply is one small table instead of a pass over
 * every seeker's skills (src/stats/service.ts `skills`).
 */
export const seekerSkillLabels = sqliteTable('seeker_skill_labels', {
  label: text('label').primaryKey(),
  seekers: integer('seekers').notNull(),
});

/** Consent history (PIPL Arts. 23, 28–29): every grant and withdrawal with its text version. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    textVersion: text('text_version').notNull(),
    at: createdAt(),
    byUserId: integer('by_user_id'),
  },
  (t) => [index('consents_seeker_idx').on(t.seekerId, t.kind)],
);

/** 岗位供给库: openings posted and reserved by alliance members. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id').notNull().references(() => allianceMembers.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    street: text('street', { enum: STREET_CODES }).notNull(),
    address: text('address'),
    workMode: text('work_mode', { enum: WORK_MODE_CODES }).notNull(),
    hours: text('hours', { enum: HOURS_CODES }).notNull(),
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    /** Openings still unfilled; hiring decrements it and the job closes at zero. */
    openings: integer('openings').notNull(),
    /** Reserved (预留) for disabled people under the member's pledge. */
    reserved: integer('reserved', { mode: 'boolean' }).notNull().default(true),
    /** Checked by staff; never settable by employers. */
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('open'),
    postedAt: createdAt(),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jobs_member_idx').on(t.memberId, t.status),
    index('jobs_status_street_idx').on(t.status, t.street),
    index('jobs_month_idx').on(sql`substr(${t.createdAt}, 1, 7)`),
    // Statistics: open jobs with openings (mode, street, member) and a member's jobs of a period, from the index alone.
    index('jobs_open_idx').on(t.status, t.openings, t.workMode, t.street, t.memberId),
    index('jobs_member_created_idx').on(t.memberId, t.createdAt, t.status, t.openings),
    // Hires per member (quota, alliance): a job's member and creation from a narrow index, not the wide row.
    index('jobs_id_member_idx').on(t.id, t.memberId, t.createdAt),
    check('jobs_openings_ck', sql`${t.openings} >= 0`),
    check('jobs_salary_ck', sql`${t.salaryMin} IS NULL OR ${t.salaryMax} IS NULL OR ${t.salaryMin} <= ${t.salaryMax}`),
  ],
);

export const jobSkills = sqliteTable(
  'job_skills',
  {
    jobId: integer('job_id').notNull().references(() => jobs.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    required: integer('required', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.skill] }),
    index('job_skills_skill_idx').on(t.skill),
    // Skills demanded by open jobs: a job's skills with `required` from the index alone.
    index('job_skills_job_required_idx').on(t.jobId, t.skill, t.required),
  ],
);

export const jobAccommodations = sqliteTable(
  'job_accommodations',
  {
    jobId: integer('job_id').notNull().references(() => jobs.id, { onDelete: 'cascade' }),
    code: text('code', { enum: ACCOMMODATION_CODES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.code] }), index('job_accommodations_code_idx').on(t.code)],
);

/** Courses a job requires before hire (pre-job training shaped by employers' needs). */
export const jobCourses = sqliteTable(
  'job_courses',
  {
    jobId: integer('job_id').notNull().references(() => jobs.id, { onDelete: 'cascade' }),
    courseId: integer('course_id').notNull().references(() => courses.id),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.courseId] })],
);

/** 创业项目库: projects disabled people can start or join. */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Sponsoring alliance member, if any. */
    memberId: integer('member_id').references(() => allianceMembers.id),
    sponsorName: text('sponsor_name').notNull(),
    title: text('title').notNull(),
    sector: text('sector').notNull(),
    description: text('description').notNull().default(''),
    street: text('street', { enum: STREET_CODES }).notNull(),
    workMode: text('work_mode', { enum: WORK_MODE_CODES }).notNull(),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull(),
    supports: text('supports', { mode: 'json' }).$type<ProjectSupport[]>().notNull(),
    accommodations: text('accommodations', { mode: 'json' }).$type<(typeof ACCOMMODATION_CODES)[number][]>().notNull(),
    /** Startup funding on offer, CNY; optional. */
    fundingAmount: integer('funding_amount'),
    /** Places still open. */
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('projects_sector_status_idx').on(t.sector, t.status),
    index('projects_status_idx').on(t.status),
    index('projects_month_idx').on(sql`substr(${t.createdAt}, 1, 7)`),
    check('projects_capacity_ck', sql`${t.capacity} >= 0`),
  ],
);

/** The training catalogue. */
export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    provider: text('provider').notNull(),
    description: text('description').notNull().default(''),
    /** Skill labels the course teaches. */
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull(),
    /** Accommodations the course itself provides (sign language, braille, …). */
    accommodations: text('accommodations', { mode: 'json' }).$type<(typeof ACCOMMODATION_CODES)[number][]>().notNull(),
    durationHours: integer('duration_hours').notNull(),
    workMode: text('work_mode', { enum: WORK_MODE_CODES }).notNull(),
    street: text('street', { enum: STREET_CODES }),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    capacity: integer('capacity').notNull(),
    status: text('status', { enum: COURSE_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('courses_code_uq').on(t.code), check('courses_capacity_ck', sql`${t.capacity} >= 0 AND ${t.durationHours} > 0`)],
);

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    courseId: integer('course_id').notNull().references(() => courses.id),
    status: text('status', { enum: ENROLLMENT_STATUSES }).notNull().default('enrolled'),
    enrolledOn: text('enrolled_on').notNull(),
    completedOn: text('completed_on'),
    /** Certificate or result obtained (e.g. 保健按摩师 certificate). */
    result: text('result'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enrollments_seeker_course_uq').on(t.seekerId, t.courseId),
    index('enrollments_course_idx').on(t.courseId, t.status),
    // Statistics: completions per course in a period, with the seeker, from the index alone.
    index('enrollments_completed_idx').on(t.courseId, t.status, t.completedOn, t.seekerId),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    seekerId: integer('seeker_id').references(() => seekers.id),
    memberId: integer('member_id').references(() => allianceMembers.id),
    displayName: text('display_name').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull().default('zh-CN'),
    largeText: integer('large_text', { mode: 'boolean' }).notNull().default(false),
    highContrast: integer('high_contrast', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    passwordChangedAt: text('password_changed_at'),
    lastLoginAt: text('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_seeker_uq').on(t.seekerId),
    index('users_member_idx').on(t.memberId),
    check(
      'users_role_link_ck',
      sql`(${t.role} = 'seeker' AND ${t.seekerId} IS NOT NULL AND ${t.memberId} IS NULL)
       OR (${t.role} = 'employer' AND ${t.memberId} IS NOT NULL AND ${t.seekerId} IS NULL)
       OR (${t.role} = 'staff' AND ${t.seekerId} IS NULL AND ${t.memberId} IS NULL)`,
    ),
  ],
);

/** Server-side sessions; the cookie carries only a random id whose hash is stored here. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Seeker ↔ job. One per seeker per job. */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    jobId: integer('job_id').notNull().references(() => jobs.id),
    origin: text('origin', { enum: APPLICATION_ORIGINS }).notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    message: text('message'),
    /** First answer by the employer (for responsiveness). */
    firstResponseAt: text('first_response_at'),
    trialStartsOn: text('trial_starts_on'),
    trialEndsOn: text('trial_ends_on'),
    seekerAssessment: text('seeker_assessment'),
    employerAssessment: text('employer_assessment'),
    hiredOn: text('hired_on'),
    createdByUserId: integer('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_seeker_job_uq').on(t.seekerId, t.jobId),
    index('applications_job_status_idx').on(t.jobId, t.status),
    index('applications_status_idx').on(t.status),
    // Statistics: who was hired, when and into which job, from the index alone (seeker order kept
    // first for the employment figures; the job for the quota's and the alliance's hires).
    index('applications_hired_idx').on(t.status, t.seekerId, t.hiredOn, t.jobId),
  ],
);

/**
 * For the responsiveness report: each application a candidate made (origin applied / referred)
 * with the member whose job it is and the wait for the first answer in whole milliseconds (null
 * while unanswered). Derived from `applications` and `jobs` only, kept by triggers in the
 * migration (in the writer's transaction), never written by the application; a member's
 * applications of a period are then one index range, and the median wait is read from the
 * index in order (pipeline service `responsiveness`).
 */
export const applicationWaits = sqliteTable(
  'application_waits',
  {
    applicationId: integer('application_id').primaryKey().references(() => applications.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull(),
    createdAt: text('created_at').notNull(),
    waitMs: integer('wait_ms'),
  },
  (t) => [
    index('application_waits_period_idx').on(t.memberId, t.createdAt, t.waitMs),
    index('application_waits_wait_idx').on(t.memberId, t.waitMs, t.createdAt),
  ],
);

/**
 * For the alliance statistics: each hire (application `hired`) with the member whose job it is,
 * when that job was posted (the period filter), when its six-month check falls due and whether the
 * six-month follow-up found the person still employed. Derived from `applications`, `jobs` and
 * `follow_ups` only, kept by triggers in the migration (in the writer's transaction), never written
 * by the application: a member's hires are then one index range instead of a join per hire
 * (src/stats/service.ts `alliance`).
 */
export const allianceHires = sqliteTable(
  'alliance_hires',
  {
    applicationId: integer('application_id').primaryKey().references(() => applications.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull(),
    jobCreatedAt: text('job_created_at').notNull(),
    /** date(hired_on, '+6 months'); null when the hire has no date. */
    sixMonthCheckOn: text('six_month_check_on'),
    stillEmployedAt6Months: integer('still_employed_at_6_months').notNull(),
  },
  (t) => [index('alliance_hires_member_idx').on(t.memberId, t.jobCreatedAt, t.sixMonthCheckOn, t.stillEmployedAt6Months)],
);

/** Every status change of an application: who, when, why. */
export const applicationEvents = sqliteTable(
  'application_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: APPLICATION_STATUSES }),
    toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
    byUserId: integer('by_user_id'),
    reason: text('reason'),
    at: createdAt(),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId)],
);

/** Every stage change of a seeker along 培训 → 适岗 → 就业 → 稳岗. */
export const pipelineEvents = sqliteTable(
  'pipeline_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: PIPELINE_STAGE_CODES }),
    toStage: text('to_stage', { enum: PIPELINE_STAGE_CODES }).notNull(),
    at: text('at').notNull().default(now),
    byUserId: integer('by_user_id'),
    reason: text('reason'),
    courseId: integer('course_id').references(() => courses.id),
    jobId: integer('job_id').references(() => jobs.id),
    applicationId: integer('application_id').references(() => applications.id),
  },
  (t) => [
    index('pipeline_events_seeker_idx').on(t.seekerId, t.at),
    index('pipeline_events_to_at_idx').on(t.toStage, t.at),
    index('pipeline_events_to_seeker_idx').on(t.toStage, t.seekerId),
  ],
);

/**
 * For the funnel statistics: each entry into a funnel stage with what came before it in the
 * seeker's event order (time, then id). Derived from `pipeline_events` only, kept by triggers in
 * the migration (so in the same transaction as every event, whoever writes it), never written
 * by the application. With these, a period's funnel is one pass over an index range: an entry is
 * the seeker's first in the period when `prevSameAt` is before it; the conversion and the days
 * between stages come from `prevStageAt` / `prevNextAt` (pipeline service `funnel`).
 */
export const pipelineFunnelEntries = sqliteTable(
  'pipeline_funnel_entries',
  {
    eventId: integer('event_id').primaryKey().references(() => pipelineEvents.id, { onDelete: 'cascade' }),
    seekerId: integer('seeker_id').notNull(),
    stage: text('stage', { enum: PIPELINE_STAGE_CODES }).notNull(),
    at: text('at').notNull(),
    /** The seeker's last entry into the same stage before this one. */
    prevSameAt: text('prev_same_at'),
    /** The seeker's last entry into the funnel stage before this stage (null for `registered`). */
    prevStageAt: text('prev_stage_at'),
    /** The seeker's last entry into the funnel stage after this stage (null for `stably_employed`). */
    prevNextAt: text('prev_next_at'),
    /** Whole milliseconds from `prevStageAt` to `at`. */
    gapMs: integer('gap_ms'),
  },
  (t) => [
    // A period's entries per stage from the index alone.
    index('pipeline_funnel_entries_period_idx').on(t.stage, t.at, t.prevSameAt, t.prevStageAt, t.prevNextAt, t.gapMs, t.seekerId),
    // A stage's gaps in order, for the median: read up to the middle, no sort.
    index('pipeline_funnel_entries_gap_idx').on(t.stage, t.gapMs, t.at, t.prevSameAt, t.seekerId),
    // The triggers redo a seeker's entries from a point in their event order.
    // (Covering, so a funnel filtered by street, category or level reads its seekers' entries from the index alone.)
    index('pipeline_funnel_entries_seeker_idx').on(t.seekerId, t.at, t.stage, t.prevSameAt, t.prevStageAt, t.prevNextAt, t.gapMs),
  ],
);

/** Post-hire retention checks at 1, 3, 6 and 12 months. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    seekerId: integer('seeker_id').notNull().references(() => seekers.id, { onDelete: 'cascade' }),
    monthsAfterHire: integer('months_after_hire').notNull(),
    dueOn: text('due_on').notNull(),
    outcome: text('outcome', { enum: FOLLOW_UP_OUTCOMES }),
    reason: text('reason'),
    recordedAt: text('recorded_at'),
    recordedByUserId: integer('recorded_by_user_id'),
  },
  (t) => [
    uniqueIndex('follow_ups_app_months_uq').on(t.applicationId, t.monthsAfterHire),
    index('follow_ups_due_idx').on(t.outcome, t.dueOn),
    index('follow_ups_stats_idx').on(t.monthsAfterHire, t.outcome, t.seekerId),
    // Alliance statistics: a hire's six-month outcome from the index alone.
    index('follow_ups_app_outcome_idx').on(t.applicationId, t.monthsAfterHire, t.outcome),
    // Quota: the hires who left, from the index alone.
    index('follow_ups_outcome_app_idx').on(t.outcome, t.applicationId),
  ],
);

/**
 * For the employment figures: each seeker ever employed (hired through an application, or moved
 * to the stage `employed`) or stably employed (reached `stably_employed`, or still employed at
 * the six-month follow-up), as src/stats/service.ts `EMPLOYED_IDS` / `STABLY_IDS` define them.
 * Derived from `applications`, `pipeline_events` and `follow_ups` only, kept by triggers in the
 * migration (in the writer's own transaction: each change recomputes its seeker's row), never
 * written by the application. A row only while one of the two holds.
 */
export const seekerOutcomes = sqliteTable('seeker_outcomes', {
  seekerId: integer('seeker_id').primaryKey(),
  employed: integer('employed').notNull(),
  stably: integer('stably').notNull(),
});

/** Per-user notifications, persisted before they are pushed; one match alert per (user, job). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    jobId: integer('job_id').references(() => jobs.id),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_match_uq').on(t.userId, t.jobId).where(sql`kind = 'match'`),
    index('notifications_user_unread_idx').on(t.userId, t.readAt, t.id),
  ],
);

/** Who read or changed sensitive data, and when. Never holds the sensitive values themselves. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    fields: text('fields', { mode: 'json' }).$type<string[]>().notNull(),
    detail: text('detail'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);

/**
 * Policy figures that local rules set (quota rate, levy tiers, wages): one table, each value with
 * its source, changeable by staff without code.
 */
export const policySettings = sqliteTable('policy_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<number | boolean | string>().notNull(),
  source: text('source').notNull(),
  updatedAt: updatedAt(),
  updatedByUserId: integer('updated_by_user_id'),
});

export type AllianceMember = typeof allianceMembers.$inferSelect;
export type Seeker = typeof seekers.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type Enrollment = typeof enrollments.$inferSelect;
