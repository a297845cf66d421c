/**
 * Applications: a seeker applies, an employer invites a matched candidate, staff refer. Each
 * status change is an event (who, when, why) and moves the seeker along the pipeline: a trial
 * puts them in job adaptation (适岗), a hire makes them employed and schedules the follow-ups
 * that prove stable employment (稳岗).
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { applicationEvents, applications, followUps, jobs, seekerNeeds, seekers, seekerSkills, users } from '../../../db/schema.js';
import type { NotificationService } from '../../notifications/service.js';
import { isoNow, today, type Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { EventBus } from '../../events.js';
import type { Page } from '../../http/pagination.js';
import type { Role } from '../../http/route-table.js';
import type { PipelineService } from '../../pipeline/service.js';
import { addMonths, canTransition, FOLLOW_UP_MONTHS, STABLE_AFTER_MONTHS, type ApplicationStatus } from '../../pipeline/stages.js';
import { listPage } from '../query.js';
import type { ListApplicationsReq, StatusReq } from './schema.js';

type Application = typeof applications.$inferSelect;

export interface Viewer {
  userId: number;
  role: Role;
  seekerId: number | null;
  memberId: number | null;
}

/** Statuses after which the employer has the seeker's consent to see who they are. */
const DISCLOSED: ApplicationStatus[] = ['applied', 'interviewing', 'trial', 'hired', 'rejected', 'withdrawn'];

const MESSAGES: Record<string, (job: string) => { zh: string; en: string }> = {
  applied: (j) => ({ zh: `收到新的求职申请：${j}`, en: `New application for ${j}` }),
  referred: (j) => ({ zh: `工作人员推荐了一位求职者：${j}`, en: `Staff referred a seeker for ${j}` }),
  invited: (j) => ({ zh: `用人单位邀请您应聘：${j}`, en: `You are invited to apply for ${j}` }),
  accepted: (j) => ({ zh: `求职者接受了邀请：${j}`, en: `The seeker accepted your invitation for ${j}` }),
  declined: (j) => ({ zh: `求职者婉拒了邀请：${j}`, en: `The seeker declined your invitation for ${j}` }),
  withdrawn: (j) => ({ zh: `求职者撤回了申请：${j}`, en: `The seeker withdrew from ${j}` }),
  interviewing: (j) => ({ zh: `您的申请进入面试：${j}`, en: `Your application for ${j} moved to interview` }),
  trial: (j) => ({ zh: `您将开始适岗试用：${j}`, en: `Your trial (job adaptation) for ${j} is arranged` }),
  hired: (j) => ({ zh: `恭喜，您已被录用：${j}`, en: `Congratulations, you are hired: ${j}` }),
  rejected: (j) => ({ zh: `很遗憾，申请未通过：${j}`, en: `Your application for ${j} was not successful` }),
  assessed_by_seeker: (j) => ({ zh: `求职者提交了适岗评价：${j}`, en: `The seeker gave their trial assessment for ${j}` }),
  assessed_by_employer: (j) => ({ zh: `用人单位提交了适岗评价：${j}`, en: `The employer gave their trial assessment for ${j}` }),
};

/** Who hears of a change: the employer's member room for the seeker's moves, the seeker for the employer's. */
const TO_EMPLOYER = new Set(['applied', 'referred', 'accepted', 'declined', 'withdrawn', 'assessed_by_seeker']);

export function applicationService(db: Db, clock: Clock, events: EventBus, pipeline: PipelineService, notifications: NotificationService) {
  /** Stored in the change's own transaction; pushed after it commits. */
  function notifyChange(a: Application, change: string) {
    const job = db.select({ title: jobs.title, memberId: jobs.memberId }).from(jobs).where(eq(jobs.id, a.jobId)).get()!;
    const seekerUser = db.select({ id: users.id }).from(users).where(eq(users.seekerId, a.seekerId)).get();
    const payload = { applicationId: a.id, jobId: a.jobId, jobTitle: job.title, change, status: a.status, message: MESSAGES[change]!(job.title) };
    if (TO_EMPLOYER.has(change)) notifications.notify(db, { memberId: job.memberId, kind: 'application', payload, jobId: a.jobId });
    else if (seekerUser) notifications.notify(db, { userIds: [seekerUser.id], kind: 'application', payload, jobId: a.jobId });
  }

  function row(id: number): Application {
    const found = Number.isFinite(id) ? db.select().from(applications).where(eq(applications.id, id)).get() : undefined;
    if (!found) throw AppError.notFound('application', id);
    return found;
  }

  function memberOfJob(jobId: number): number {
    return db.select({ memberId: jobs.memberId }).from(jobs).where(eq(jobs.id, jobId)).get()!.memberId;
  }

  function publish(change: string, a: Application) {
    events.publish({ type: 'application', change, id: a.id, seekerId: a.seekerId, jobId: a.jobId, memberId: memberOfJob(a.jobId) });
  }

  function recordEvent(a: Pick<Application, 'id'>, from: ApplicationStatus | null, to: ApplicationStatus, byUserId: number | null, reason?: string | null) {
    db.insert(applicationEvents).values({ applicationId: a.id, fromStatus: from, toStatus: to, byUserId, reason: reason ?? null, at: isoNow(clock) }).run();
  }

  /** Status change with the transition check; the caller is inside a transaction. */
  function transition(a: Application, to: ApplicationStatus, byUserId: number | null, extra: Partial<Application> = {}, reason?: string | null) {
    if (!canTransition(a.status, to)) throw AppError.conflict('conflict.application_transition', { from: a.status, to });
    db.update(applications).set({ status: to, updatedAt: isoNow(clock), ...extra }).where(eq(applications.id, a.id)).run();
    recordEvent(a, a.status, to, byUserId, reason);
    return row(a.id);
  }

  /** A trial that ends without a hire sends the seeker back to assessed (left the trial). */
  function endTrial(a: Application, byUserId: number | null, reason: string) {
    if (a.status === 'trial') pipeline.moveIfAllowed(a.seekerId, 'assessed', { byUserId, reason, jobId: a.jobId, applicationId: a.id });
  }

  function create(seekerId: number, jobId: number, origin: 'applied' | 'invited' | 'referred', byUserId: number | null, message?: string) {
    const a = db.transaction(() => {
      const seeker = db.select().from(seekers).where(eq(seekers.id, seekerId)).get();
      if (!seeker) throw AppError.validation([{ path: 'seekerId', key: 'ref.unknown_seeker', params: { id: seekerId } }]);
      if (seeker.status !== 'active') throw AppError.conflict('conflict.seeker_not_active');
      if (origin === 'invited' && !seeker.consentShareWithEmployers) throw AppError.conflict('conflict.not_sharing');
      const job = db.select().from(jobs).where(eq(jobs.id, jobId)).get();
      if (!job) throw AppError.validation([{ path: 'jobId', key: 'ref.unknown_job', params: { id: jobId } }]);
      if (job.status !== 'open' || job.openings < 1) throw AppError.conflict('conflict.job_not_open');
      if (db.select({ id: applications.id }).from(applications).where(and(eq(applications.seekerId, seekerId), eq(applications.jobId, jobId))).get()) {
        throw AppError.conflict('conflict.duplicate_application');
      }
      const status: ApplicationStatus = origin === 'invited' ? 'invited' : 'applied';
      const created = db
        .insert(applications)
        .values({ seekerId, jobId, origin, status, message: message ?? null, createdByUserId: byUserId, createdAt: isoNow(clock), updatedAt: isoNow(clock) })
        .returning()
        .get();
      recordEvent(created, null, status, byUserId);
      notifyChange(created, origin);
      return created;
    });
    publish(origin, a);
    return a;
  }

  /** How an application looks to each role; employers see who the seeker is only once they applied or accepted. */
  function present(a: Application, viewer: Viewer) {
    const job = db.select({ id: jobs.id, title: jobs.title, memberId: jobs.memberId, street: jobs.street }).from(jobs).where(eq(jobs.id, a.jobId)).get()!;
    const s = db.select().from(seekers).where(eq(seekers.id, a.seekerId)).get()!;
    const profile = {
      skills: db.select({ skill: seekerSkills.skill }).from(seekerSkills).where(eq(seekerSkills.seekerId, s.id)).all().map((x) => x.skill),
      needs: db.select({ code: seekerNeeds.code, strength: seekerNeeds.strength }).from(seekerNeeds).where(eq(seekerNeeds.seekerId, s.id)).all(),
    };
    const identified = viewer.role !== 'employer' || DISCLOSED.includes(a.status);
    const seeker = identified
      ? { id: s.id, name: s.name, phone: s.phone, email: s.email, disabilityCategory: s.disabilityCategory, disabilityLevel: s.disabilityLevel, stage: s.stage, ...profile }
      : { id: s.id, ...profile };
    const history = db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, a.id)).orderBy(applicationEvents.id).all()
      .map((e) => ({ from: e.fromStatus, to: e.toStatus, at: e.at, byUserId: e.byUserId, reason: e.reason }));
    return { ...a, job, seeker, seekerIdentified: identified, history };
  }

  return {
    row,
    /** The owners an access rule needs: the seeker and the posting member. */
    owners(id: number): { seekerId: number; memberId: number } | undefined {
      if (!Number.isFinite(id)) return undefined;
      return db.select({ seekerId: applications.seekerId, memberId: jobs.memberId }).from(applications).innerJoin(jobs, eq(jobs.id, applications.jobId)).where(eq(applications.id, id)).get();
    },
    get: (id: number, viewer: Viewer) => present(row(id), viewer),

    apply: (seekerId: number, jobId: number, byUserId: number | null, message?: string) => create(seekerId, jobId, 'applied', byUserId, message),
    refer: (seekerId: number, jobId: number, byUserId: number | null, message?: string) => create(seekerId, jobId, 'referred', byUserId, message),
    invite: (jobId: number, seekerId: number, byUserId: number | null, message?: string) => create(seekerId, jobId, 'invited', byUserId, message),

    /** The seeker answers an invitation. */
    answer(id: number, accept: boolean, byUserId: number | null) {
      const a = db.transaction(() => {
        const next = transition(row(id), accept ? 'applied' : 'declined', byUserId);
        notifyChange(next, accept ? 'accepted' : 'declined');
        return next;
      });
      publish(accept ? 'accepted' : 'declined', a);
      return a;
    },

    withdraw(id: number, byUserId: number | null, reason?: string) {
      const a = db.transaction(() => {
        const current = row(id);
        const next = transition(current, 'withdrawn', byUserId, {}, reason);
        endTrial(current, byUserId, reason ?? 'withdrew from the trial');
        notifyChange(next, 'withdrawn');
        return next;
      });
      publish('withdrawn', a);
      return a;
    },

    /** Employer or staff move an application along: interviewing, trial (适岗), hired, rejected. */
    setStatus(id: number, body: StatusReq, byUserId: number | null) {
      /** The change itself; runs inside the transaction below. */
      function applyStatus(): Application {
        const current = row(id);
        const firstResponse = current.firstResponseAt ? {} : { firstResponseAt: isoNow(clock) };
        switch (body.status) {
          case 'interviewing':
            return transition(current, 'interviewing', byUserId, firstResponse, body.reason);
          case 'rejected': {
            const next = transition(current, 'rejected', byUserId, firstResponse, body.reason);
            endTrial(current, byUserId, body.reason ?? 'not hired after the trial');
            return next;
          }
          case 'trial': {
            const next = transition(current, 'trial', byUserId, { ...firstResponse, trialStartsOn: body.trialStartsOn!, trialEndsOn: body.trialEndsOn! }, body.reason);
            pipeline.move(current.seekerId, 'in_adaptation', { byUserId, reason: body.reason ?? 'trial placement (适岗)', jobId: current.jobId, applicationId: current.id });
            return next;
          }
          case 'hired': {
            if (!canTransition(current.status, 'hired')) throw AppError.conflict('conflict.application_transition', { from: current.status, to: 'hired' });
            // Take the opening first: the conditional update is the race's arbiter.
            const took = db
              .update(jobs)
              .set({
                openings: sql`${jobs.openings} - 1`,
                status: sql`CASE WHEN ${jobs.openings} - 1 = 0 THEN 'closed' ELSE ${jobs.status} END`,
                closedAt: sql`CASE WHEN ${jobs.openings} - 1 = 0 THEN ${isoNow(clock)} ELSE ${jobs.closedAt} END`,
                updatedAt: isoNow(clock),
              })
              .where(and(eq(jobs.id, current.jobId), eq(jobs.status, 'open'), sql`${jobs.openings} > 0`))
              .run();
            if (took.changes !== 1) throw AppError.conflict('conflict.no_openings_left');
            const hiredOn = today(clock);
            const next = transition(current, 'hired', byUserId, { ...firstResponse, hiredOn }, body.reason);
            pipeline.move(current.seekerId, 'employed', { byUserId, reason: body.reason ?? 'hired', jobId: current.jobId, applicationId: current.id });
            db.insert(followUps)
              .values(FOLLOW_UP_MONTHS.map((m) => ({ applicationId: current.id, seekerId: current.seekerId, monthsAfterHire: m, dueOn: addMonths(hiredOn, m) })))
              .run();
            return next;
          }
        }
      }
      const a = db.transaction(
        () => {
          const next = applyStatus();
          notifyChange(next, body.status);
          return next;
        },
        // IMMEDIATE: take the write lock at BEGIN so two hires never both read "one opening left".
        { behavior: 'immediate' },
      );
      publish(body.status, a);
      if (body.status === 'hired') events.publish({ type: 'job', change: 'updated', id: a.jobId });
      return a;
    },

    /** The end-of-trial assessment, by the seeker or by the employer. */
    assess(id: number, by: 'seeker' | 'employer', assessment: string, byUserId: number | null) {
      const a = db.transaction(() => {
        const current = row(id);
        if (!current.trialEndsOn) throw AppError.conflict('conflict.no_trial');
        db.update(applications)
          .set({ [by === 'seeker' ? 'seekerAssessment' : 'employerAssessment']: assessment, updatedAt: isoNow(clock) })
          .where(eq(applications.id, id))
          .run();
        const next = row(id);
        notifyChange(next, `assessed_by_${by}`);
        return next;
      });
      publish(`assessed_by_${by}`, a);
      return a;
    },

    list(q: ListApplicationsReq, viewer: Viewer): Page<ReturnType<typeof present>> {
      const scope: SQL | undefined =
        viewer.role === 'seeker'
          ? eq(applications.seekerId, viewer.seekerId ?? -1)
          : viewer.role === 'employer'
            ? sql`${applications.jobId} IN (SELECT ${jobs.id} FROM ${jobs} WHERE ${jobs.memberId} = ${viewer.memberId ?? -1})`
            : undefined;
      const page = listPage(db, applications, [
        scope,
        q.jobId !== undefined ? eq(applications.jobId, q.jobId) : undefined,
        q.seekerId !== undefined ? eq(applications.seekerId, q.seekerId) : undefined,
        q.memberId !== undefined ? sql`${applications.jobId} IN (SELECT ${jobs.id} FROM ${jobs} WHERE ${jobs.memberId} = ${q.memberId})` : undefined,
        q.status?.length ? inArray(applications.status, q.status) : undefined,
      ], q);
      return { data: page.data.map((a) => present(a, viewer)), page: page.page };
    },

    /**
     * A follow-up's outcome: still employed (at 6 months or later → stably employed) or left the
     * job (→ back to assessed, with the reason).
     */
    recordFollowUp(followUpId: number, outcome: 'still_employed' | 'left', reason: string | undefined, byUserId: number | null) {
      const f = db.transaction(() => {
        const found = db.select().from(followUps).where(eq(followUps.id, followUpId)).get();
        if (!found) throw AppError.notFound('follow_up', followUpId);
        if (found.outcome) throw AppError.conflict('conflict.follow_up_recorded');
        // "Still employed at 6 months" can only be known at 6 months; leaving can be told any time.
        if (outcome === 'still_employed' && today(clock) < found.dueOn) throw AppError.conflict('conflict.follow_up_not_due', { dueOn: found.dueOn });
        db.update(followUps).set({ outcome, reason: reason ?? null, recordedAt: isoNow(clock), recordedByUserId: byUserId }).where(eq(followUps.id, followUpId)).run();
        const ctx = { byUserId, applicationId: found.applicationId, jobId: row(found.applicationId).jobId };
        if (outcome === 'left') {
          // Someone who left is not checked on again for this job: the later checks are cancelled.
          db.delete(followUps).where(and(eq(followUps.applicationId, found.applicationId), isNull(followUps.outcome))).run();
          pipeline.moveIfAllowed(found.seekerId, 'assessed', { ...ctx, reason: `left the job: ${reason ?? ''}`.trim() });
        } else if (found.monthsAfterHire >= STABLE_AFTER_MONTHS) {
          pipeline.moveIfAllowed(found.seekerId, 'stably_employed', { ...ctx, reason: `still employed after ${found.monthsAfterHire} months` });
        }
        return db.select().from(followUps).where(eq(followUps.id, followUpId)).get()!;
      });
      events.publish({ type: 'seeker', change: 'stage', id: f.seekerId });
      return f;
    },

    followUps(applicationId: number) {
      return db.select().from(followUps).where(eq(followUps.applicationId, applicationId)).orderBy(followUps.monthsAfterHire).all();
    },
  };
}

export type ApplicationService = ReturnType<typeof applicationService>;
