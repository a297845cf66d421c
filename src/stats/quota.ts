/**
 * The employer quota dashboard (按比例安排残疾人就业): where a member stands on the quota under
 * the policy in force, the estimated levy, and what to do about it (its open jobs and the best
 * candidates for each, anonymised).
 *
 * Disabled employees placed = the member's own `disabledHeadcount` (placed outside AbilityBridge,
 * counted once each) + hires through AbilityBridge still employed: applications to the member's
 * jobs that reached `hired` and have no follow-up recorded `left`; a hire whose disability level
 * is at most `severe_max_level` counts twice when `severe_counts_double` is on. The member's
 * current `headcount` stands in for last year's staff, and `averageWage` (CNY/year) for last
 * year's average wage (the local average wage when it is not set; flagged `wageEstimated`).
 */
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers, jobs, type AllianceMember } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { createMatchService } from '../match/service.js';
import type { PolicyService } from '../policy/service.js';
import { computeLevy, countPlaced } from './levy.js';

/** Open jobs shown per member, and candidates per job. */
const JOBS_SHOWN = 10;
const CANDIDATES_PER_JOB = 3;

export function quotaService(db: Db, policy: PolicyService, matches: ReturnType<typeof createMatchService>) {
  /** Hires still employed and how many of them count as severe, per member (one GROUP BY). */
  function hiresByMember(maxLevel: number, memberId?: number) {
    return new Map(
      db
        .all<{ memberId: number; hires: number; severeHires: number }>(sql`
          SELECT j.member_id AS memberId, count(*) AS hires, sum(s.disability_level <= ${maxLevel}) AS severeHires
          FROM applications a
          JOIN jobs j ON j.id = a.job_id
          JOIN seekers s ON s.id = a.seeker_id
          WHERE a.status = 'hired'
            AND a.id NOT IN (SELECT application_id FROM follow_ups WHERE outcome = 'left')
            ${memberId === undefined ? sql`` : sql`AND j.member_id = ${memberId}`}
          GROUP BY j.member_id`)
        .map((r) => [r.memberId, r]),
    );
  }

  function position(m: AllianceMember, hires: { hires: number; severeHires: number }, p: ReturnType<PolicyService['current']>) {
    const placed = countPlaced(m.disabledHeadcount, hires, p);
    const levy = computeLevy({ staff: m.headcount, placed, averageWage: m.averageWage }, p);
    return {
      memberId: m.id,
      memberName: m.name,
      street: m.street,
      headcount: m.headcount,
      averageWage: m.averageWage,
      disabledHeadcountReported: m.disabledHeadcount,
      hiresStillEmployed: hires.hires,
      severeHires: hires.severeHires,
      placedCounted: placed,
      ...levy,
      /** With severe disability counting double, this many severe hires would clear it. */
      severeHiresToClear: p.severe_counts_double ? Math.ceil(levy.hiresToClear / 2) : levy.hiresToClear,
    };
  }

  return {
    member(id: number) {
      const m = db.select().from(allianceMembers).where(eq(allianceMembers.id, id)).get();
      if (!m) throw AppError.notFound('alliance_member', id);
      const p = policy.current();
      const pos = position(m, hiresByMember(p.severe_max_level, id).get(id) ?? { hires: 0, severeHires: 0 }, p);
      const open = db
        .select({ id: jobs.id, title: jobs.title, openings: jobs.openings })
        .from(jobs)
        .where(and(eq(jobs.memberId, id), eq(jobs.status, 'open'), gt(jobs.openings, 0)))
        .orderBy(desc(jobs.openings), asc(jobs.id))
        .limit(JOBS_SHOWN)
        .all();
      return {
        ...pos,
        policy: p,
        openJobs: open.map((j) => ({
          ...j,
          // Anonymised: no name, contact or certificate; the id lets the employer invite.
          candidates: matches.candidatesForJob(j.id, { limit: CANDIDATES_PER_JOB }).candidates.map((c) => ({
            seekerId: c.candidate.seekerId,
            score: c.score,
            skills: c.candidate.skills,
            completedCourses: c.candidate.completedCourses,
            reasons: c.reasons,
            gaps: c.gaps,
          })),
        })),
      };
    },

    /** Every active member's position (staff), a page at a time by id. */
    list(q: { limit: number; cursor?: number | undefined }) {
      const p = policy.current();
      const where = and(eq(allianceMembers.status, 'active'), q.cursor === undefined ? undefined : gt(allianceMembers.id, q.cursor));
      const members = db.select().from(allianceMembers).where(where).orderBy(asc(allianceMembers.id)).limit(q.limit + 1).all();
      const hires = hiresByMember(p.severe_max_level);
      const openByMember = new Map(
        db.all<{ memberId: number; openJobs: number; openings: number }>(sql`SELECT member_id AS memberId, count(*) AS openJobs, sum(openings) AS openings FROM jobs WHERE status = 'open' AND openings > 0 GROUP BY member_id`).map((r) => [r.memberId, r]),
      );
      const total = db.select({ n: count() }).from(allianceMembers).where(eq(allianceMembers.status, 'active')).get()!.n;
      const data = members.slice(0, q.limit).map((m) => ({
        ...position(m, hires.get(m.id) ?? { hires: 0, severeHires: 0 }, p),
        openJobs: openByMember.get(m.id)?.openJobs ?? 0,
        openings: openByMember.get(m.id)?.openings ?? 0,
      }));
      return { data, page: { limit: q.limit, nextCursor: members.length > q.limit ? data[data.length - 1]!.memberId : null, total }, meta: { policy: p } };
    },
  };
}

export type QuotaService = ReturnType<typeof quotaService>;
