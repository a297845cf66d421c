/**
 * Keeps the matcher's compiled index in step with the database and answers the three match
 * questions: jobs for a seeker, projects for a seeker, candidates for a job.
 *
 * The index is built once at start; afterwards every committed change arrives as a domain event
 * and updates one entry (no rebuild per request or per write).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { courses as coursesTable, seekers as seekersTable, seekerSkills, seekerNeeds } from '../../db/schema.js';
import { createMatchIndex, type MatchResult } from '../../matching/index.js';
import { textTerms } from '../../matching/text.js';
import type { Street, WorkMode } from '../../matching/vocabulary.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { jobService } from '../resources/jobs/service.js';
import type { projectService } from '../resources/projects/service.js';
import { loadCourses, loadJobPostings, loadProjects, loadSeekerProfiles } from './profiles.js';

export interface MatchQuery {
  limit: number;
  minScore?: number | undefined;
  street?: Street | undefined;
  workMode?: WorkMode | undefined;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Scores to four decimals: enough to rank and compare, without floating-point noise on screen. */
const explanation = (r: MatchResult) => ({
  score: round(r.total),
  parts: {
    skills: round(r.parts.skills),
    training: round(r.parts.training),
    accessibility: round(r.parts.accessibility),
    location: round(r.parts.location),
    preferences: round(r.parts.preferences),
  },
  weights: r.weights,
  reasons: r.reasons,
  gaps: r.gaps,
});

export function createMatchService(
  db: Db,
  events: EventBus,
  deps: { jobs: ReturnType<typeof jobService>; projects: ReturnType<typeof projectService> },
) {
  // Load jieba's dictionary (~300 ms) now, not inside the first posting's request.
  textTerms('电商客服 customer service');
  const index = createMatchIndex({
    courses: loadCourses(db),
    jobs: loadJobPostings(db),
    seekers: loadSeekerProfiles(db),
    projects: loadProjects(db),
  });

  events.subscribe((e) => {
    switch (e.type) {
      case 'job': {
        const [job] = loadJobPostings(db, [e.id]);
        if (job) index.upsertJob(job);
        else index.removeJob(e.id);
        break;
      }
      case 'seeker': {
        const [seeker] = loadSeekerProfiles(db, [e.id]);
        if (seeker) index.upsertSeeker(seeker);
        else index.removeSeeker(e.id);
        break;
      }
      case 'project': {
        const [project] = loadProjects(db, [e.id]);
        if (project) index.upsertProject(project);
        else index.removeProject(e.id);
        break;
      }
      case 'course':
        index.setCourses(loadCourses(db));
        break;
    }
  });

  /** The seeker must exist and be active to be matched. */
  function activeSeeker(id: number): void {
    const s = db.select({ status: seekersTable.status, consent: seekersTable.consentSensitiveData }).from(seekersTable).where(eq(seekersTable.id, id)).get();
    if (!s) throw AppError.notFound('seeker', id);
    if (s.status !== 'active') throw AppError.conflict('conflict.seeker_not_active');
    if (!s.consent) throw AppError.conflict('conflict.no_processing_consent');
  }

  const options = (q: MatchQuery) => ({
    limit: q.limit,
    ...(q.minScore !== undefined ? { minScore: q.minScore } : {}),
    ...(q.street ? { street: q.street } : {}),
    ...(q.workMode ? { workMode: q.workMode } : {}),
  });

  return {
    index,

    jobsForSeeker(seekerId: number, q: MatchQuery) {
      activeSeeker(seekerId);
      return index.jobsForSeeker(seekerId, options(q)).map((r) => {
        const job = deps.jobs.get(r.id);
        return {
          job: {
            id: job.id,
            title: job.title,
            memberId: job.memberId,
            memberName: job.memberName,
            street: job.street,
            workMode: job.workMode,
            hours: job.hours,
            salaryMin: job.salaryMin,
            salaryMax: job.salaryMax,
            openings: job.openings,
            accommodations: job.accommodations,
          },
          ...explanation(r),
        };
      });
    },

    /** One job for a seeker, explained: the score and reasons, or the hard rules that exclude it. */
    explainJobForSeeker(seekerId: number, jobId: number) {
      activeSeeker(seekerId);
      const job = deps.jobs.get(jobId);
      if (job.status === 'archived') throw AppError.conflict('conflict.archived');
      const { result, exclusions } = index.explainJob(seekerId, jobId);
      return { job: { id: job.id, title: job.title, memberId: job.memberId, memberName: job.memberName, status: job.status, openings: job.openings }, eligible: result !== null, exclusions, ...(result ? explanation(result) : {}) };
    },

    projectsForSeeker(seekerId: number, q: MatchQuery) {
      activeSeeker(seekerId);
      return index.projectsForSeeker(seekerId, options(q)).map((r) => {
        const p = deps.projects.get(r.id);
        return {
          project: { id: p.id, title: p.title, sector: p.sector, sponsorName: p.sponsorName, street: p.street, workMode: p.workMode, supports: p.supports, capacity: p.capacity },
          ...explanation(r),
        };
      });
    },

    /**
     * Seekers for a job, anonymised: skills, training and the accommodations they need, never
     * name, contact, certificate number, category or level. Only seekers who consented to share
     * their profile with employers are candidates.
     */
    candidatesForJob(jobId: number, q: MatchQuery) {
      deps.jobs.get(jobId);
      const { results, countAboveThreshold } = index.seekersForJob(jobId, options(q));
      const ids = results.map((r) => r.id);
      const skills = new Map<number, string[]>();
      const needs = new Map<number, { code: string; strength: string }[]>();
      const trained = new Map<number, string[]>();
      if (ids.length) {
        for (const s of db.select().from(seekerSkills).where(inArray(seekerSkills.seekerId, ids)).all()) {
          skills.set(s.seekerId, [...(skills.get(s.seekerId) ?? []), s.skill]);
        }
        for (const n of db.select().from(seekerNeeds).where(inArray(seekerNeeds.seekerId, ids)).all()) {
          needs.set(n.seekerId, [...(needs.get(n.seekerId) ?? []), { code: n.code, strength: n.strength }]);
        }
        const profiles = new Map(loadSeekerProfiles(db, ids).map((p) => [p.id, p]));
        const courseTitles = new Map(db.select({ id: coursesTable.id, titleZh: coursesTable.titleZh }).from(coursesTable).all().map((c) => [c.id, c.titleZh]));
        for (const id of ids) {
          trained.set(id, (profiles.get(id)?.completedCourseIds ?? []).map((c) => courseTitles.get(c) ?? String(c)));
        }
      }
      return {
        countAboveThreshold,
        candidates: results.map((r) => ({
          candidate: { seekerId: r.id, skills: skills.get(r.id) ?? [], completedCourses: trained.get(r.id) ?? [], needs: needs.get(r.id) ?? [] },
          ...explanation(r),
        })),
      };
    },
  };
}
