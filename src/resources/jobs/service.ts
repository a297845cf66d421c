/**
 * The job-supply library (岗位供给库): openings posted and reserved by alliance members.
 * A job is written with its skills, accommodations and required courses in one transaction.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { allianceMembers, courses, jobAccommodations, jobCourses, jobs, jobSkills, type Job } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import { contains, listPage } from '../query.js';
import { skillAliases } from '../skills.js';
import type { DomainEvent, EventBus } from '../../events.js';
import type { CreateJobReq, ListJobsReq, UpdateJobReq } from './schema.js';

export type JobDetail = ReturnType<ReturnType<typeof jobService>['get']>;
type JobChange = Extract<DomainEvent, { type: 'job' }>['change'];

/**
 * Optional hooks. `beforeCommit` runs inside the write's transaction, after the job row and its
 * children are written (the job as it is now, and as it was before, if it existed): whatever it
 * writes commits or rolls back with the job (e.g. the match alerts a new posting causes).
 */
export interface JobHooks {
  beforeCommit?: (change: JobChange, job: Job, before: Job | null) => void;
}

export function jobService(db: Db, clock: Clock, events: EventBus, hooks: JobHooks = {}) {
  /** Called with the committed result, outside the transaction. */
  const publish = (change: JobChange, job: JobDetail) => {
    events.publish({ type: 'job', change, id: job.id });
    return job;
  };

  function row(id: number): Job {
    const found = db.select().from(jobs).where(eq(jobs.id, id)).get();
    if (!found) throw AppError.notFound('job', id);
    return found;
  }

  function detail(j: Job) {
    const skills = db.select({ skill: jobSkills.skill, required: jobSkills.required }).from(jobSkills).where(eq(jobSkills.jobId, j.id)).orderBy(jobSkills.skill).all();
    const member = db.select({ name: allianceMembers.name }).from(allianceMembers).where(eq(allianceMembers.id, j.memberId)).get();
    return {
      ...j,
      memberName: member?.name ?? null,
      requiredSkills: skills.filter((s) => s.required).map((s) => s.skill),
      preferredSkills: skills.filter((s) => !s.required).map((s) => s.skill),
      requiredCourseIds: db.select({ id: jobCourses.courseId }).from(jobCourses).where(eq(jobCourses.jobId, j.id)).orderBy(jobCourses.courseId).all().map((c) => c.id),
      accommodations: db.select({ code: jobAccommodations.code }).from(jobAccommodations).where(eq(jobAccommodations.jobId, j.id)).orderBy(jobAccommodations.code).all().map((a) => a.code),
    };
  }

  /** Cross-field and reference checks on the job as it would be after the write. */
  function check(j: { memberId: number; salaryMin: number | null; salaryMax: number | null; requiredSkills: string[]; preferredSkills: string[]; requiredCourseIds: number[] }, touched: { member: boolean }) {
    const problems: FieldProblem[] = [];
    if (j.salaryMin !== null && j.salaryMax !== null && j.salaryMin > j.salaryMax) problems.push({ path: 'salaryMin', key: 'salary.min_above_max' });
    const required = new Set(j.requiredSkills.map((s) => s.toLowerCase()));
    j.preferredSkills.forEach((s, i) => {
      if (required.has(s.toLowerCase())) problems.push({ path: `preferredSkills.${i}`, key: 'field.duplicate_items' });
    });
    if (j.requiredCourseIds.length) {
      const known = new Set(db.select({ id: courses.id }).from(courses).where(inArray(courses.id, j.requiredCourseIds)).all().map((c) => c.id));
      j.requiredCourseIds.forEach((id, i) => {
        if (!known.has(id)) problems.push({ path: `requiredCourseIds.${i}`, key: 'ref.unknown_course', params: { id } });
      });
    }
    const member = touched.member ? db.select().from(allianceMembers).where(eq(allianceMembers.id, j.memberId)).get() : undefined;
    if (touched.member && !member) problems.push({ path: 'memberId', key: 'ref.unknown_member', params: { id: j.memberId } });
    if (problems.length) throw AppError.validation(problems);
    if (member?.status === 'archived') throw AppError.conflict('conflict.member_archived');
  }

  function writeChildren(jobId: number, input: Pick<UpdateJobReq, 'requiredSkills' | 'preferredSkills' | 'requiredCourseIds' | 'accommodations'>) {
    if (input.requiredSkills || input.preferredSkills) {
      const current = db.select().from(jobSkills).where(eq(jobSkills.jobId, jobId)).all();
      const required = input.requiredSkills ?? current.filter((s) => s.required).map((s) => s.skill);
      const preferred = input.preferredSkills ?? current.filter((s) => !s.required).map((s) => s.skill);
      db.delete(jobSkills).where(eq(jobSkills.jobId, jobId)).run();
      const rows = [...required.map((skill) => ({ jobId, skill, required: true })), ...preferred.map((skill) => ({ jobId, skill, required: false }))];
      if (rows.length) db.insert(jobSkills).values(rows).run();
    }
    if (input.requiredCourseIds) {
      db.delete(jobCourses).where(eq(jobCourses.jobId, jobId)).run();
      if (input.requiredCourseIds.length) db.insert(jobCourses).values(input.requiredCourseIds.map((courseId) => ({ jobId, courseId }))).run();
    }
    if (input.accommodations) {
      db.delete(jobAccommodations).where(eq(jobAccommodations.jobId, jobId)).run();
      if (input.accommodations.length) db.insert(jobAccommodations).values(input.accommodations.map((code) => ({ jobId, code }))).run();
    }
  }

  function setStatus(id: number, from: Job['status'][], to: Job['status'], conflict: Parameters<typeof AppError.conflict>[0], extra: Partial<Job> = {}) {
    return db.transaction(() => {
      const current = row(id);
      if (!from.includes(current.status)) throw AppError.conflict(current.status === 'archived' ? 'conflict.archived' : conflict);
      db.update(jobs)
        .set({ status: to, closedAt: to === 'open' ? null : isoNow(clock), updatedAt: isoNow(clock), ...extra })
        .where(eq(jobs.id, id))
        .run();
      const after = row(id);
      hooks.beforeCommit?.(to === 'open' ? 'reopened' : to, after, current);
      return detail(after);
    });
  }

  return {
    row,
    get: (id: number) => detail(row(id)),

    /** The member that posted a job, if the job exists (for ownership checks). */
    memberOf(id: number): number | undefined {
      return Number.isFinite(id) ? db.select({ memberId: jobs.memberId }).from(jobs).where(eq(jobs.id, id)).get()?.memberId : undefined;
    },

    /** Staff have checked the posting (a real opening, accommodations as stated). */
    verify(id: number) {
      const job = db.transaction(() => {
        if (row(id).status === 'archived') throw AppError.conflict('conflict.archived');
        db.update(jobs).set({ verified: true, updatedAt: isoNow(clock) }).where(eq(jobs.id, id)).run();
        return detail(row(id));
      });
      return publish('updated', job);
    },

    post(input: CreateJobReq) {
      const { requiredSkills, preferredSkills, requiredCourseIds, accommodations, ...fields } = input;
      const job = db.transaction(() => {
        check({ ...input, salaryMin: input.salaryMin ?? null, salaryMax: input.salaryMax ?? null }, { member: true });
        const created = db.insert(jobs).values({ ...fields, postedAt: isoNow(clock), createdAt: isoNow(clock), updatedAt: isoNow(clock) }).returning().get();
        writeChildren(created.id, { requiredSkills, preferredSkills, requiredCourseIds, accommodations });
        hooks.beforeCommit?.('posted', created, null);
        return detail(created);
      });
      return publish('posted', job);
    },

    update(id: number, patch: UpdateJobReq) {
      const { requiredSkills, preferredSkills, requiredCourseIds, accommodations, ...fields } = patch;
      const job = db.transaction(() => {
        const current = detail(row(id));
        if (current.status === 'archived') throw AppError.conflict('conflict.archived');
        check({ ...current, ...patch }, { member: false });
        db.update(jobs).set({ ...fields, updatedAt: isoNow(clock) }).where(eq(jobs.id, id)).run();
        writeChildren(id, { requiredSkills, preferredSkills, requiredCourseIds, accommodations });
        const after = row(id);
        hooks.beforeCommit?.('updated', after, current);
        return detail(after);
      });
      return publish('updated', job);
    },

    close: (id: number) => publish('closed', setStatus(id, ['open'], 'closed', 'conflict.job_already_closed')),

    reopen(id: number, body: { openings?: number | undefined }) {
      const current = row(id);
      const openings = body.openings ?? current.openings;
      if (current.status === 'closed' && openings < 1) throw AppError.conflict('conflict.job_no_openings');
      return publish('reopened', setStatus(id, ['closed'], 'open', 'conflict.job_already_open', { openings }));
    },

    archive: (id: number) => publish('archived', setStatus(id, ['open', 'closed'], 'archived', 'conflict.already_archived')),

    list(q: ListJobsReq): Page<ReturnType<typeof detail>> {
      const page = listPage(db, jobs, [
        q.memberId !== undefined ? eq(jobs.memberId, q.memberId) : undefined,
        q.status?.length ? inArray(jobs.status, q.status) : undefined,
        q.street?.length ? inArray(jobs.street, q.street) : undefined,
        q.workMode?.length ? inArray(jobs.workMode, q.workMode) : undefined,
        q.verified !== undefined ? eq(jobs.verified, q.verified) : undefined,
        q.q ? contains(jobs.title, q.q) : undefined,
        ...(q.accommodation ?? []).map(
          (code) => sql`EXISTS (SELECT 1 FROM ${jobAccommodations} WHERE ${jobAccommodations.jobId} = ${jobs.id} AND ${jobAccommodations.code} = ${code})`,
        ),
        ...(q.skill ?? []).map(
          (label) => sql`EXISTS (SELECT 1 FROM ${jobSkills} WHERE ${jobSkills.jobId} = ${jobs.id} AND ${inArray(sql`lower(${jobSkills.skill})`, skillAliases(label))})`,
        ),
      ], q);
      return { data: page.data.map(detail), page: page.page };
    },
  };
}

