/**
 * The training → adaptation → employment → stable employment pipeline: every stage change is an
 * event (who, when, why, linked course or job); the board, a seeker's timeline, the funnel, the
 * employers' responsiveness and the reminders are all read from those events.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers, applicationEvents, applications, enrollments, followUps, jobs, pipelineEvents, seekers } from '../../db/schema.js';
import type { PipelineStage } from '../../matching/vocabulary.js';
import { isoNow, today, type Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { NotificationService } from '../notifications/service.js';
import { users } from '../../db/schema.js';
import { addDays, canMove, FUNNEL_STAGES, median } from './stages.js';
import type { ReminderPayload } from '../live/events.js';

export interface StageContext {
  byUserId: number | null;
  reason?: string | null | undefined;
  courseId?: number | null | undefined;
  jobId?: number | null | undefined;
  applicationId?: number | null | undefined;
}

export interface PipelineFilters {
  street?: string[] | undefined;
  category?: number[] | undefined;
  level?: number[] | undefined;
  memberId?: number | undefined;
  courseId?: number | undefined;
}

const DAY = 86_400_000;

export function pipelineService(db: Db, clock: Clock, events: EventBus, notifications: NotificationService) {
  /** Moves a seeker to `to`, recording the event; 409 when the stage machine does not allow it. */
  function move(seekerId: number, to: PipelineStage, ctx: StageContext): void {
    const current = db.select({ stage: seekers.stage }).from(seekers).where(eq(seekers.id, seekerId)).get();
    if (!current) throw AppError.notFound('seeker', seekerId);
    if (!canMove(current.stage, to)) throw AppError.conflict('conflict.stage_transition', { from: current.stage, to });
    db.update(seekers).set({ stage: to, updatedAt: isoNow(clock) }).where(eq(seekers.id, seekerId)).run();
    db.insert(pipelineEvents)
      .values({ seekerId, fromStage: current.stage, toStage: to, at: isoNow(clock), byUserId: ctx.byUserId, reason: ctx.reason ?? null, courseId: ctx.courseId ?? null, jobId: ctx.jobId ?? null, applicationId: ctx.applicationId ?? null })
      .run();
    // Staff follow every stage change live; stored in this transaction, pushed after commit.
    notifications.notify(db, { staff: true, kind: 'stage', payload: { seekerId, from: current.stage, to, reason: ctx.reason ?? null }, jobId: ctx.jobId ?? null });
  }

  /** True when this user already has the reminder with this key (each item is chased once). */
  function reminded(userId: number, key: string): boolean {
    return (
      db.$client
        .prepare("SELECT 1 FROM notifications WHERE user_id = ? AND kind = 'reminder' AND json_extract(payload, '$.key') = ? LIMIT 1")
        .get(userId, key) !== undefined
    );
  }

  /** Moves only if the machine allows it (training and trials nudge the stage, never force it). */
  function moveIfAllowed(seekerId: number, to: PipelineStage, ctx: StageContext): boolean {
    const current = db.select({ stage: seekers.stage }).from(seekers).where(eq(seekers.id, seekerId)).get();
    if (!current || current.stage === to || !canMove(current.stage, to)) return false;
    move(seekerId, to, ctx);
    return true;
  }

  /** SQL conditions on `seekers` for the board and funnel filters. */
  function seekerFilters(f: PipelineFilters): (SQL | undefined)[] {
    return [
      f.street?.length ? inArray(seekers.street, f.street as never[]) : undefined,
      f.category?.length ? inArray(seekers.disabilityCategory, f.category) : undefined,
      f.level?.length ? inArray(seekers.disabilityLevel, f.level) : undefined,
      f.memberId !== undefined
        ? sql`EXISTS (SELECT 1 FROM ${applications} JOIN ${jobs} ON ${jobs.id} = ${applications.jobId} WHERE ${applications.seekerId} = ${seekers.id} AND ${jobs.memberId} = ${f.memberId})`
        : undefined,
      f.courseId !== undefined
        ? sql`EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.seekerId} = ${seekers.id} AND ${enrollments.courseId} = ${f.courseId})`
        : undefined,
    ];
  }

  return {
    move,
    moveIfAllowed,

    /** A staff decision (assessed, withdrawn, back to assessed), as its own transaction. */
    setStage(seekerId: number, to: PipelineStage, ctx: StageContext) {
      db.transaction(() => move(seekerId, to, ctx));
      events.publish({ type: 'seeker', change: 'stage', id: seekerId });
      return db.select({ id: seekers.id, stage: seekers.stage }).from(seekers).where(eq(seekers.id, seekerId)).get()!;
    },

    /** Seekers per stage (active seekers), with the first few of each. */
    board(f: PipelineFilters, perStage: number) {
      const where = and(eq(seekers.status, 'active'), ...seekerFilters(f));
      const counts = new Map(
        db.select({ stage: seekers.stage, n: sql<number>`count(*)` }).from(seekers).where(where).groupBy(seekers.stage).all().map((r) => [r.stage, r.n]),
      );
      return ([...FUNNEL_STAGES, 'withdrawn'] as const).map((stage) => ({
        stage,
        count: counts.get(stage) ?? 0,
        seekers: db
          .select({ id: seekers.id, name: seekers.name, street: seekers.street, disabilityCategory: seekers.disabilityCategory, disabilityLevel: seekers.disabilityLevel, updatedAt: seekers.updatedAt })
          .from(seekers)
          .where(and(where, eq(seekers.stage, stage)))
          .orderBy(asc(seekers.id))
          .limit(perStage)
          .all(),
      }));
    },

    /** Everything that happened to a seeker, oldest first. */
    timeline(seekerId: number) {
      if (!db.select({ id: seekers.id }).from(seekers).where(eq(seekers.id, seekerId)).get()) throw AppError.notFound('seeker', seekerId);
      const stages = db.select().from(pipelineEvents).where(eq(pipelineEvents.seekerId, seekerId)).all()
        .map((e) => ({ at: e.at, kind: 'stage' as const, from: e.fromStage, to: e.toStage, byUserId: e.byUserId, reason: e.reason, courseId: e.courseId, jobId: e.jobId, applicationId: e.applicationId }));
      const apps = db
        .select({ e: applicationEvents, jobId: applications.jobId, jobTitle: jobs.title })
        .from(applicationEvents)
        .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
        .innerJoin(jobs, eq(jobs.id, applications.jobId))
        .where(eq(applications.seekerId, seekerId))
        .all()
        .map(({ e, jobId, jobTitle }) => ({ at: e.at, kind: 'application' as const, from: e.fromStatus, to: e.toStatus, byUserId: e.byUserId, reason: e.reason, applicationId: e.applicationId, jobId, jobTitle }));
      const checks = db.select().from(followUps).where(and(eq(followUps.seekerId, seekerId), isNotNull(followUps.recordedAt))).all()
        .map((f) => ({ at: f.recordedAt!, kind: 'follow_up' as const, monthsAfterHire: f.monthsAfterHire, outcome: f.outcome, reason: f.reason, byUserId: f.recordedByUserId, applicationId: f.applicationId }));
      return [...stages, ...apps, ...checks].sort((a, b) => a.at.localeCompare(b.at));
    },

    /**
     * The funnel for a period: how many seekers reached each stage within it, the conversion to
     * the next stage, and the median days from entering a stage to entering the next.
     */
    funnel(from: string, to: string, f: PipelineFilters) {
      const start = `${from}T00:00:00.000Z`;
      const end = `${to}T23:59:59.999Z`;
      const scoped = db
        .select({ id: seekers.id })
        .from(seekers)
        .where(and(...seekerFilters(f)))
        .all()
        .map((s) => s.id);
      const inScope = new Set(scoped);
      const all = db
        .select({ seekerId: pipelineEvents.seekerId, to: pipelineEvents.toStage, at: pipelineEvents.at })
        .from(pipelineEvents)
        .where(lte(pipelineEvents.at, end))
        .orderBy(asc(pipelineEvents.at), asc(pipelineEvents.id))
        .all()
        .filter((e) => inScope.has(e.seekerId));
      const reached = new Map<string, Set<number>>(FUNNEL_STAGES.map((s) => [s, new Set()]));
      const days = new Map<string, number[]>(FUNNEL_STAGES.map((s) => [s, []]));
      const lastEntered = new Map<number, Map<string, number>>();
      for (const e of all) {
        const t = Date.parse(e.at);
        const mine = lastEntered.get(e.seekerId) ?? new Map<string, number>();
        lastEntered.set(e.seekerId, mine);
        const i = FUNNEL_STAGES.indexOf(e.to as (typeof FUNNEL_STAGES)[number]);
        if (e.at >= start && i >= 0) {
          const firstTime = !reached.get(e.to)!.has(e.seekerId);
          reached.get(e.to)!.add(e.seekerId);
          const prev = i > 0 ? mine.get(FUNNEL_STAGES[i - 1]!) : undefined;
          if (firstTime && prev !== undefined) days.get(e.to)!.push((t - prev) / DAY);
        }
        mine.set(e.to, t);
      }
      return {
        from,
        to,
        stages: FUNNEL_STAGES.map((stage, i) => {
          const cohort = reached.get(stage)!;
          const next = FUNNEL_STAGES[i + 1];
          // Of those who reached this stage in the period, the share who also reached the next.
          const went = next ? [...cohort].filter((id) => reached.get(next)!.has(id)).length : 0;
          const d = next ? median(days.get(next)!) : null;
          return {
            stage,
            reached: cohort.size,
            conversionToNext: next && cohort.size > 0 ? Math.round((went / cohort.size) * 1000) / 1000 : null,
            medianDaysToNext: d === null ? null : Math.round(d * 10) / 10,
          };
        }),
      };
    },

    /**
     * How promptly each alliance member answers applications (France's Immersion Facilitée
     * lesson: unanswered candidates are the top complaint). Invitations are the employer's own
     * move and do not count.
     */
    responsiveness(from: string, to: string) {
      const now = clock.now().getTime();
      const rows = db
        .select({ memberId: jobs.memberId, memberName: allianceMembers.name, createdAt: applications.createdAt, firstResponseAt: applications.firstResponseAt })
        .from(applications)
        .innerJoin(jobs, eq(jobs.id, applications.jobId))
        .innerJoin(allianceMembers, eq(allianceMembers.id, jobs.memberId))
        .where(and(inArray(applications.origin, ['applied', 'referred']), gte(applications.createdAt, `${from}T00:00:00.000Z`), lte(applications.createdAt, `${to}T23:59:59.999Z`)))
        .all();
      const byMember = new Map<number, { memberName: string; rows: typeof rows }>();
      for (const r of rows) {
        const m = byMember.get(r.memberId) ?? { memberName: r.memberName, rows: [] };
        m.rows.push(r);
        byMember.set(r.memberId, m);
      }
      return [...byMember.entries()]
        .map(([memberId, m]) => {
          const answeredHours = m.rows.filter((r) => r.firstResponseAt).map((r) => (Date.parse(r.firstResponseAt!) - Date.parse(r.createdAt)) / 3_600_000);
          const old = m.rows.filter((r) => now - Date.parse(r.createdAt) >= 7 * DAY);
          const unanswered = old.filter((r) => !r.firstResponseAt || Date.parse(r.firstResponseAt) - Date.parse(r.createdAt) > 7 * DAY);
          const med = median(answeredHours);
          return {
            memberId,
            memberName: m.memberName,
            applications: m.rows.length,
            answered: answeredHours.length,
            medianHoursToFirstResponse: med === null ? null : Math.round(med * 10) / 10,
            olderThan7Days: old.length,
            unansweredAfter7Days: unanswered.length,
            shareUnansweredAfter7Days: old.length ? Math.round((unanswered.length / old.length) * 1000) / 1000 : null,
          };
        })
        .sort((a, b) => (b.shareUnansweredAfter7Days ?? -1) - (a.shareUnansweredAfter7Days ?? -1) || a.memberId - b.memberId);
    },

    /** What staff must chase: trials ending within 3 days, follow-ups due or overdue, trial assessments missing 3 days after the end. */
    reminders() {
      const day = today(clock);
      const appRow = {
        applicationId: applications.id,
        seekerId: applications.seekerId,
        seekerName: seekers.name,
        jobId: jobs.id,
        jobTitle: jobs.title,
        memberId: jobs.memberId,
        trialStartsOn: applications.trialStartsOn,
        trialEndsOn: applications.trialEndsOn,
        seekerAssessment: applications.seekerAssessment,
        employerAssessment: applications.employerAssessment,
        status: applications.status,
      };
      const base = () => db.select(appRow).from(applications).innerJoin(jobs, eq(jobs.id, applications.jobId)).innerJoin(seekers, eq(seekers.id, applications.seekerId));
      return {
        today: day,
        trialsEndingSoon: base()
          .where(and(eq(applications.status, 'trial'), gte(applications.trialEndsOn, day), lte(applications.trialEndsOn, addDays(day, 3))))
          .orderBy(asc(applications.trialEndsOn))
          .all(),
        assessmentsOverdue: base()
          .where(and(isNotNull(applications.trialEndsOn), lte(applications.trialEndsOn, addDays(day, -3)), inArray(applications.status, ['trial', 'hired']), or(isNull(applications.seekerAssessment), isNull(applications.employerAssessment))))
          .orderBy(asc(applications.trialEndsOn))
          .all(),
        followUpsDue: db
          .select({ followUpId: followUps.id, applicationId: followUps.applicationId, seekerId: followUps.seekerId, seekerName: seekers.name, monthsAfterHire: followUps.monthsAfterHire, dueOn: followUps.dueOn, overdue: sql<boolean>`${followUps.dueOn} < ${day}` })
          .from(followUps)
          .innerJoin(seekers, eq(seekers.id, followUps.seekerId))
          .where(and(isNull(followUps.outcome), lte(followUps.dueOn, day), eq(seekers.status, 'active')))
          .orderBy(asc(followUps.dueOn))
          .all()
          .map((f) => ({ ...f, overdue: Boolean(f.overdue) })),
      };
    },

    /**
     * Sends each reminder once: trials ending soon to staff and the employer; trial assessments
     * missing 3 days after the end to the seeker, the employer and staff; follow-ups due to staff.
     * Returns how many notifications were stored.
     */
    sendReminders(): number {
      const r = this.reminders();
      const staffIds = db.select({ id: users.id }).from(users).where(and(eq(users.role, 'staff'), eq(users.disabled, false))).all().map((u) => u.id);
      const employersOf = (memberId: number) =>
        db.select({ id: users.id }).from(users).where(and(eq(users.role, 'employer'), eq(users.memberId, memberId), eq(users.disabled, false))).all().map((u) => u.id);
      const seekerUser = (seekerId: number) => db.select({ id: users.id }).from(users).where(eq(users.seekerId, seekerId)).all().map((u) => u.id);
      let sent = 0;
      db.transaction(() => {
        const send = (userIds: number[], payload: ReminderPayload, jobId: number | null) => {
          const fresh = userIds.filter((u) => !reminded(u, payload.key));
          sent += notifications.notifyEach(db, fresh.map((userId) => ({ userId, kind: 'reminder' as const, payload, jobId }))).length;
        };
        for (const t of r.trialsEndingSoon) {
          send([...staffIds, ...employersOf(t.memberId)], {
            key: `trial-ending:${t.applicationId}`, what: 'trial_ending', applicationId: t.applicationId, seekerId: t.seekerId, on: t.trialEndsOn!,
            message: { zh: `适岗试用即将结束（${t.trialEndsOn}）：${t.jobTitle}`, en: `Trial ends on ${t.trialEndsOn}: ${t.jobTitle}` },
          }, t.jobId);
        }
        for (const t of r.assessmentsOverdue) {
          send([...staffIds, ...employersOf(t.memberId), ...seekerUser(t.seekerId)], {
            key: `assessment-overdue:${t.applicationId}`, what: 'assessment_overdue', applicationId: t.applicationId, seekerId: t.seekerId, on: t.trialEndsOn!,
            message: { zh: `请提交适岗评价（试用已于 ${t.trialEndsOn} 结束）：${t.jobTitle}`, en: `Please give the trial assessment (the trial ended on ${t.trialEndsOn}): ${t.jobTitle}` },
          }, t.jobId);
        }
        for (const f of r.followUpsDue) {
          send(staffIds, {
            key: `follow-up-due:${f.followUpId}`, what: 'follow_up_due', applicationId: f.applicationId, seekerId: f.seekerId, on: f.dueOn,
            message: { zh: `${f.monthsAfterHire} 个月就业回访${f.overdue ? '已逾期' : '今日到期'}（${f.dueOn}）`, en: `${f.monthsAfterHire}-month follow-up ${f.overdue ? 'overdue' : 'due'} (${f.dueOn})` },
          }, null);
        }
      });
      return sent;
    },
  };
}

export type PipelineService = ReturnType<typeof pipelineService>;
