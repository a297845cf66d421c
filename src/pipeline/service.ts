/**
 * The training → adaptation → employment → stable employment pipeline: every stage change is an
 * event (who, when, why, linked course or job); the board, a seeker's timeline, the funnel, the
 * employers' responsiveness and the reminders are all read from those events.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers, applicationEvents, applications, applicationWaits, enrollments, followUps, jobs, pipelineEvents, pipelineFunnelEntries, seekers } from '../../db/schema.js';
import { PIPELINE_STAGES, type PipelineStage } from '../../matching/vocabulary.js';
import { isoNow, today, type Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { NotificationService } from '../notifications/service.js';
import { users } from '../../db/schema.js';
import { addDays, canMove, FUNNEL_STAGES } from './stages.js';
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
    const name = (stage: PipelineStage) => PIPELINE_STAGES[stage];
    const message = {
      zh: `求职者 ${seekerId} 号：${name(current.stage).zh} → ${name(to).zh}`,
      en: `Job seeker ${seekerId}: ${name(current.stage).en} → ${name(to).en}`,
    };
    notifications.notify(db, { staff: true, kind: 'stage', payload: { seekerId, from: current.stage, to, reason: ctx.reason ?? null, message }, jobId: ctx.jobId ?? null });
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
     *
     * Read from the funnel entries (db/schema.ts `pipelineFunnelEntries`, kept by triggers) in one
     * pass over the period's index range, without replaying the events. A seeker's first entry
     * into a stage in the period is the entry whose previous entry into that stage is before the
     * period. Of the seekers who reached stage S and S+1 in the period, either the first S+1 entry
     * follows an S entry in the period (`prev_stage_at` in the period) or the first S entry
     * follows an S+1 entry in the period (`prev_next_at`), never both: so the conversion is two
     * sums. The days to S+1 are the first S+1 entries' gaps since the last S entry before them
     * (whole milliseconds, so the medians are exact; JavaScript only divides and rounds).
     */
    funnel(from: string, to: string, f: PipelineFilters) {
      const start = `${from}T00:00:00.000Z`;
      const filters = seekerFilters(f).filter((c): c is SQL => c !== undefined);
      const firstInPeriod = sql`at >= ${start} AND at <= ${`${to}T23:59:59.999Z`} AND (prev_same_at IS NULL OR prev_same_at < ${start})
        ${filters.length ? sql`AND seeker_id IN (SELECT ${seekers.id} FROM ${seekers} WHERE ${and(...filters)})` : sql``}`;
      // One read transaction: the counts and the medians see the same events.
      const { byStage, middles } = db.transaction(() => {
        const counts = db.all<{ stage: string; reached: number; fromPrevious: number | null; backFromNext: number | null; gaps: number }>(sql`
          SELECT stage, count(*) AS reached, sum(prev_stage_at >= ${start}) AS fromPrevious, sum(prev_next_at >= ${start}) AS backFromNext, count(gap_ms) AS gaps
          FROM ${pipelineFunnelEntries}
          WHERE stage IN (${sql.join(FUNNEL_STAGES.map((s) => sql`${s}`), sql`, `)}) AND ${firstInPeriod}
          GROUP BY stage`);
        // The median gap of a stage: the middle one or the two middle ones. For all seekers, read
        // in gap order from the index up to the middle (named, so SQLite does not sort the whole
        // period instead); for a filtered few, ranked in one statement (the filter built once).
        const ranked = filters.length
          ? new Map(
              db
                .all<{ stage: string; gap: number }>(sql`
                  SELECT stage, gap FROM (
                    SELECT stage, gap_ms AS gap, row_number() OVER (PARTITION BY stage ORDER BY gap_ms) AS i, count(*) OVER (PARTITION BY stage) AS n
                    FROM ${pipelineFunnelEntries} WHERE gap_ms IS NOT NULL AND ${firstInPeriod})
                  WHERE i IN ((n + 1) / 2, n / 2 + 1) ORDER BY stage, gap`)
                .reduce((m, r) => m.set(r.stage, [...(m.get(r.stage) ?? []), r.gap]), new Map<string, number[]>()),
            )
          : undefined;
        const middle = (stage: string, gaps: number) =>
          ranked?.get(stage) ??
          db.all<{ gap: number }>(sql`
            SELECT gap_ms AS gap FROM ${pipelineFunnelEntries} INDEXED BY pipeline_funnel_entries_gap_idx
            WHERE stage = ${stage} AND gap_ms IS NOT NULL AND ${firstInPeriod}
            ORDER BY gap_ms LIMIT ${gaps % 2 ? 1 : 2} OFFSET ${(gaps - 1) >> 1}`).map((r) => r.gap);
        return {
          byStage: new Map(counts.map((r) => [r.stage, r])),
          middles: new Map(counts.filter((r) => r.gaps > 0).map((r) => [r.stage, middle(r.stage, r.gaps)])),
        };
      });
      // As median() in stages.ts: the middle value, or the mean of the two middle ones, in days.
      const medianDays = (stage: string) => {
        const m = middles.get(stage);
        return !m ? null : m.length === 1 ? m[0]! / DAY : (m[0]! / DAY + m[1]! / DAY) / 2;
      };
      return {
        from,
        to,
        stages: FUNNEL_STAGES.map((stage, i) => {
          const next = FUNNEL_STAGES[i + 1];
          const reached = byStage.get(stage)?.reached ?? 0;
          // Of those who reached this stage in the period, the share who also reached the next.
          const went = next ? (byStage.get(next)?.fromPrevious ?? 0) + (byStage.get(stage)?.backFromNext ?? 0) : 0;
          const d = next ? medianDays(next) : null;
          return {
            stage,
            reached,
            conversionToNext: next && reached > 0 ? Math.round((went / reached) * 1000) / 1000 : null,
            medianDaysToNext: d === null ? null : Math.round(d * 10) / 10,
          };
        }),
      };
    },

    /**
     * How promptly each alliance member answers applications (France's Immersion Facilitée
     * lesson: unanswered candidates are the top complaint). Invitations are the employer's own
     * move and do not count. Read from the application waits (db/schema.ts `applicationWaits`,
     * kept by triggers): per member, the period's applications are one index range, and the
     * median wait is read from the index in wait order up to the middle. Waits are whole
     * milliseconds, so the median is exact; JavaScript only divides, rounds and orders.
     */
    responsiveness(from: string, to: string) {
      const period = sql`w.created_at >= ${`${from}T00:00:00.000Z`} AND w.created_at <= ${`${to}T23:59:59.999Z`}`;
      // Applied at least 7 days ago: ISO instants of one format compare as text.
      const weekAgo = new Date(clock.now().getTime() - 7 * DAY).toISOString();
      const { counts, middles } = db.transaction(() => {
        const counts = db.all<{ memberId: number; memberName: string; applications: number; answered: number; olderThan7Days: number; unansweredAfter7Days: number }>(sql`
          SELECT w.member_id AS memberId, m.name AS memberName, count(*) AS applications, count(w.wait_ms) AS answered,
                 sum(w.created_at <= ${weekAgo}) AS olderThan7Days,
                 sum(w.created_at <= ${weekAgo} AND (w.wait_ms IS NULL OR w.wait_ms > ${7 * DAY})) AS unansweredAfter7Days
          FROM ${applicationWaits} w JOIN ${allianceMembers} m ON m.id = w.member_id
          WHERE ${period}
          GROUP BY w.member_id`);
        // The middle wait or the two middle ones, read in wait order from the index (named, so
        // SQLite does not sort the member's whole period instead).
        const middle = (memberId: number, answered: number) =>
          db.all<{ wait: number }>(sql`
            SELECT w.wait_ms AS wait FROM ${applicationWaits} w INDEXED BY application_waits_wait_idx
            WHERE w.member_id = ${memberId} AND w.wait_ms IS NOT NULL AND ${period}
            ORDER BY wait_ms LIMIT ${answered % 2 ? 1 : 2} OFFSET ${(answered - 1) >> 1}`).map((r) => r.wait);
        return { counts, middles: new Map(counts.filter((r) => r.answered > 0).map((r) => [r.memberId, middle(r.memberId, r.answered)])) };
      });
      const HOUR = 3_600_000;
      return counts
        .map((r) => {
          // As median() in stages.ts: the middle value, or the mean of the two middle ones, in hours.
          const m = middles.get(r.memberId);
          const med = !m ? null : m.length === 1 ? m[0]! / HOUR : (m[0]! / HOUR + m[1]! / HOUR) / 2;
          return {
            memberId: r.memberId,
            memberName: r.memberName,
            applications: r.applications,
            answered: r.answered,
            medianHoursToFirstResponse: med === null ? null : Math.round(med * 10) / 10,
            olderThan7Days: r.olderThan7Days,
            unansweredAfter7Days: r.unansweredAfter7Days,
            shareUnansweredAfter7Days: r.olderThan7Days ? Math.round((r.unansweredAfter7Days / r.olderThan7Days) * 1000) / 1000 : null,
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
