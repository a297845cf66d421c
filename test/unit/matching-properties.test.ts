import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatchIndex, type MatchResult } from '../../matching/index.js';
import type { EntrepreneurshipProject, JobPosting, SeekerProfile } from '../../matching/types.js';
import { ACCOMMODATION_CODES, HOURS_CODES, PROJECT_SUPPORT_CODES, STREET_CODES, WORK_MODE_CODES, type AccommodationCode } from '../../matching/vocabulary.js';
import { buildJob, buildSeeker, COURSES } from './matching-fixtures.js';

/** The hard rules, written again here from domain.md, independently of the library. */
const WORKPLACE_ONLY: readonly AccommodationCode[] = ['step_free_access', 'accessible_restroom', 'elevator', 'accessible_commute', 'visual_alerts'];
function oracleAllows(seeker: SeekerProfile, offer: JobPosting | EntrepreneurshipProject): boolean {
  const left = 'capacity' in offer ? offer.capacity : offer.openings;
  if (offer.status !== 'open' || left <= 0) return false;
  if (!seeker.workModes.includes(offer.workMode)) return false;
  return seeker.needs.every(
    (n) => n.strength !== 'must' || offer.accommodations.includes(n.code) || (offer.workMode === 'remote' && WORKPLACE_ONLY.includes(n.code)),
  );
}

const LABELS = ['客服', 'customer service', '客户服务', '电商客服', '数据标注', 'data anotation', 'data labeling', '平面设计', 'Photoshop', '烘焙', 'pastry', '盲人按摩', '推拿', '仓储分拣', '包装', '茶艺', 'Excel', '办公软件'];
const WORDS = ['客服', '数据标注', '设计', '按摩', '仓库', 'annotation', 'service', '居家', '烘焙', '培训'];

const label = fc.constantFrom(...LABELS);
const accommodations = fc.uniqueArray(fc.constantFrom(...ACCOMMODATION_CODES), { maxLength: 6 });
const street = fc.option(fc.constantFrom(...STREET_CODES), { nil: null });
// Now and then a long text: more distinct terms than the index keeps inline per seeker (12).
const MORE_WORDS = ['仓储', '分拣', '包装', '茶艺', '推拿', '盲人', '手语', '读屏', '电商', '直播', '剪辑', '摄影', '会计', '出纳', '翻译', 'excel', 'photoshop', 'pastry', 'coffee', 'garden'];
const text = fc
  .oneof({ weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...WORDS, ...MORE_WORDS), { minLength: 18, maxLength: 40 }) })
  .map((ws) => ws.join(' '));
const courseIds = fc.uniqueArray(fc.constantFrom(...COURSES.map((c) => c.id), 77), { maxLength: 2 });

const seekerArb = (id: number): fc.Arbitrary<SeekerProfile> =>
  fc.record({
    id: fc.constant(id),
    street,
    skills: fc.array(label, { maxLength: 4 }),
    about: text,
    needs: fc.array(fc.record({ code: fc.constantFrom(...ACCOMMODATION_CODES), strength: fc.constantFrom('must' as const, 'prefer' as const) }), { maxLength: 4 }),
    workModes: fc.uniqueArray(fc.constantFrom(...WORK_MODE_CODES), { maxLength: 3 }),
    hours: fc.uniqueArray(fc.constantFrom(...HOURS_CODES), { maxLength: 2 }),
    salaryExpectation: fc.option(fc.integer({ min: 2000, max: 9000 }), { nil: null }),
    completedCourseIds: courseIds,
    inProgressCourseIds: courseIds,
    shareWithEmployers: fc.boolean(),
  });

const jobArb = (id: number): fc.Arbitrary<JobPosting> =>
  fc.record({
    id: fc.constant(id),
    memberId: fc.constant(1),
    title: text,
    description: text,
    street,
    workMode: fc.constantFrom(...WORK_MODE_CODES),
    hours: fc.constantFrom(...HOURS_CODES),
    salaryMin: fc.constant(null),
    salaryMax: fc.option(fc.integer({ min: 2000, max: 9000 }), { nil: null }),
    openings: fc.integer({ min: -1, max: 3 }),
    status: fc.constantFrom('open' as const, 'open' as const, 'closed' as const, 'archived' as const),
    requiredSkills: fc.array(label, { maxLength: 3 }),
    preferredSkills: fc.array(label, { maxLength: 2 }),
    requiredCourseIds: courseIds,
    accommodations,
  });

const projectArb = (id: number): fc.Arbitrary<EntrepreneurshipProject> =>
  fc.record({
    id: fc.constant(id),
    title: text,
    sector: fc.constant('手工艺'),
    description: text,
    street,
    workMode: fc.constantFrom(...WORK_MODE_CODES),
    skills: fc.array(label, { maxLength: 3 }),
    supports: fc.uniqueArray(fc.constantFrom(...PROJECT_SUPPORT_CODES), { maxLength: 2 }),
    accommodations,
    capacity: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom('open' as const, 'closed' as const),
  });

/** n records with ids 1 … n. */
function many<T>(arb: (id: number) => fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> {
  return fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => arb(i + 1)))));
}

function expectRanked(results: readonly MatchResult[]): void {
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(r.total).toBeLessThanOrEqual(1);
    if (i > 0) {
      const p = results[i - 1]!;
      expect(p.total > r.total || (p.total === r.total && p.id < r.id)).toBe(true);
    }
  }
}

const RUNS = { numRuns: 150 };

describe('hard rules hold for random seekers, jobs and projects', () => {
  it('jobsForSeeker returns exactly the jobs the rules allow, ranked', () => {
    fc.assert(
      fc.property(seekerArb(1), many(jobArb, 25), (seeker, jobs) => {
        const index = createMatchIndex({ courses: COURSES, jobs, seekers: [seeker] });
        const results = index.jobsForSeeker(1, { limit: 1000 });
        expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(jobs.filter((j) => oracleAllows(seeker, j)).map((j) => j.id));
        expectRanked(results);
      }),
      RUNS,
    );
  });

  it('seekersForJob returns exactly the consenting seekers the rules allow, and counts those above the threshold', () => {
    fc.assert(
      fc.property(jobArb(1), many(seekerArb, 25), fc.double({ min: 0, max: 1, noNaN: true }), (job, seekers, threshold) => {
        const index = createMatchIndex({ courses: COURSES, jobs: [job], seekers });
        const { results, countAboveThreshold } = index.seekersForJob(1, { limit: 1000, alertThreshold: threshold });
        const allowed = seekers.filter((s) => s.shareWithEmployers && oracleAllows(s, job)).map((s) => s.id);
        expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(allowed);
        expect(countAboveThreshold).toBe(results.filter((r) => r.total >= threshold).length);
        expectRanked(results);
      }),
      RUNS,
    );
  });

  it('projectsForSeeker returns exactly the projects the rules allow', () => {
    fc.assert(
      fc.property(seekerArb(1), many(projectArb, 15), (seeker, projects) => {
        const index = createMatchIndex({ seekers: [seeker], projects });
        const results = index.projectsForSeeker(seeker, { limit: 1000 });
        expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(projects.filter((p) => oracleAllows(seeker, p)).map((p) => p.id));
        expectRanked(results);
      }),
      RUNS,
    );
  });
});

describe('pruning and incremental updates change nothing', () => {
  it('top k (with or without minScore) is the prefix of the full ranking; the count does not depend on k', () => {
    fc.assert(
      fc.property(
        seekerArb(1),
        many(jobArb, 30),
        many(seekerArb, 30),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (seeker, jobs, seekers, k, minScore) => {
          const index = createMatchIndex({ courses: COURSES, jobs, seekers: [...seekers, { ...seeker, id: 1000 }] });
          const full = index.jobsForSeeker(1000, { limit: 1000 });
          expect(index.jobsForSeeker(1000, { limit: k })).toEqual(full.slice(0, k));
          expect(index.jobsForSeeker(1000, { limit: k, minScore })).toEqual(full.filter((r) => r.total >= minScore).slice(0, k));
          for (const job of jobs.slice(0, 3)) {
            const all = index.seekersForJob(job.id, { limit: 1000, alertThreshold: minScore });
            const top = index.seekersForJob(job.id, { limit: k, alertThreshold: minScore });
            expect(top.results).toEqual(all.results.slice(0, k));
            expect(top.countAboveThreshold).toBe(all.countAboveThreshold);
            expect(index.seekersForJob(job.id, { limit: 0, alertThreshold: minScore }).countAboveThreshold).toBe(all.countAboveThreshold);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('over hundreds of jobs (the scan then stops after a few tag ranges), top k is still the prefix of the full ranking', () => {
    fc.assert(
      fc.property(seekerArb(1000), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 150, maxLength: 400 }), fc.integer({ min: 1, max: 20 }), (someone, seeds, k) => {
        // Mostly open jobs and a seeker who can take most of them: a full top k raises the bar
        // early, so the scan prunes (the case the small libraries above never reach).
        const seeker: SeekerProfile = { ...someone, workModes: [...WORK_MODE_CODES], needs: someone.needs.slice(0, 1) };
        const jobs = seeds.map((n, i) => {
          const job = fc.sample(jobArb(i + 1), { numRuns: 1, seed: n })[0]!;
          return n % 10 === 0 ? job : { ...job, status: 'open' as const, openings: 1 + (n % 3) };
        });
        const index = createMatchIndex({ courses: COURSES, jobs, seekers: [seeker] });
        const full = index.jobsForSeeker(1000, { limit: 1000 });
        expect(full.map((r) => r.id).sort((a, b) => a - b)).toEqual(jobs.filter((j) => oracleAllows(seeker, j)).map((j) => j.id));
        expect(index.jobsForSeeker(1000, { limit: k })).toEqual(full.slice(0, k));
      }),
      { numRuns: 40, endOnFailure: true }, // shrinking hundreds of jobs takes minutes; the first counterexample is clear enough
    );
  });

  it('over hundreds of seekers, the top k seekers for a job is the prefix of the full ranking, and the count is the same', () => {
    fc.assert(
      fc.property(jobArb(1), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 150, maxLength: 400 }), fc.integer({ min: 1, max: 20 }), (posted, seeds, k) => {
        const job: JobPosting = { ...posted, status: 'open', openings: 2 };
        // Mostly consenting seekers who can work in any mode: the top k fills, so the scan prunes.
        const seekers = seeds.map((n, i) => {
          const s = fc.sample(seekerArb(i + 1), { numRuns: 1, seed: n })[0]!;
          return n % 10 === 0 ? s : { ...s, shareWithEmployers: true, workModes: [...WORK_MODE_CODES], needs: s.needs.slice(0, 1) };
        });
        const index = createMatchIndex({ courses: COURSES, jobs: [job], seekers });
        const all = index.seekersForJob(1, { limit: 1000 });
        expect(all.results.map((r) => r.id).sort((a, b) => a - b)).toEqual(seekers.filter((s) => s.shareWithEmployers && oracleAllows(s, job)).map((s) => s.id));
        const top = index.seekersForJob(1, { limit: k });
        expect(top.results).toEqual(all.results.slice(0, k));
        expect(top.countAboveThreshold).toBe(all.countAboveThreshold);
      }),
      { numRuns: 40, endOnFailure: true }, // shrinking hundreds of seekers takes minutes; the first counterexample is clear enough
    );
  });

  it('a sequence of upserts and removals gives the same results as building from the final state', () => {
    const op = fc.oneof(
      fc.integer({ min: 1, max: 8 }).chain((id) => jobArb(id).map((job) => ({ kind: 'job' as const, job }))),
      fc.integer({ min: 1, max: 8 }).map((id) => ({ kind: 'removeJob' as const, id })),
      fc.integer({ min: 1, max: 5 }).chain((id) => seekerArb(id).map((seeker) => ({ kind: 'seeker' as const, seeker }))),
      fc.integer({ min: 1, max: 5 }).map((id) => ({ kind: 'removeSeeker' as const, id })),
      // Writes that keep a job's skill codes (so the IDF stays, and only that job's weights change),
      // and queries between writes (so cached weights are reused rather than rebuilt).
      fc.integer({ min: 1, max: 8 }).map((id) => ({ kind: 'swapRequired' as const, id })),
      fc.integer({ min: 1, max: 8 }).map((id) => ({ kind: 'closeOrReopen' as const, id })),
      fc.integer({ min: 1, max: 5 }).map((id) => ({ kind: 'query' as const, id })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const index = createMatchIndex({ courses: COURSES });
        const jobs = new Map<number, JobPosting>();
        const seekers = new Map<number, SeekerProfile>();
        const upsertJob = (job: JobPosting) => (index.upsertJob(job), jobs.set(job.id, job));
        for (const o of ops) {
          if (o.kind === 'job') upsertJob(o.job);
          else if (o.kind === 'removeJob') expect(index.removeJob(o.id)).toBe(jobs.delete(o.id));
          else if (o.kind === 'seeker') (index.upsertSeeker(o.seeker), seekers.set(o.seeker.id, o.seeker));
          else if (o.kind === 'removeSeeker') expect(index.removeSeeker(o.id)).toBe(seekers.delete(o.id));
          else if (o.kind === 'swapRequired') {
            const job = jobs.get(o.id);
            if (job) upsertJob({ ...job, requiredSkills: job.preferredSkills, preferredSkills: job.requiredSkills });
          } else if (o.kind === 'closeOrReopen') {
            const job = jobs.get(o.id);
            if (job) upsertJob({ ...job, status: job.status === 'open' ? 'closed' : 'open', openings: Math.max(1, job.openings) });
          } else if (seekers.has(o.id)) index.jobsForSeeker(o.id, { limit: 2 });
        }
        // A fresh index in id order: the same label set, so the same skill codes up to order.
        const fresh = createMatchIndex({ courses: COURSES, jobs: [...jobs.values()], seekers: [...seekers.values()] });
        const strip = (rs: MatchResult[]) => rs.map((r) => ({ id: r.id, total: Number(r.total.toFixed(12)) }));
        // Small limits too: then the tag bounds prune, and a stale weight would show.
        for (const id of seekers.keys())
          for (const limit of [1, 2, 100]) expect(strip(index.jobsForSeeker(id, { limit }))).toEqual(strip(fresh.jobsForSeeker(id, { limit })));
        for (const id of jobs.keys()) {
          const a = index.seekersForJob(id, { limit: 100 });
          const b = fresh.seekersForJob(id, { limit: 100 });
          expect(strip(a.results)).toEqual(strip(b.results));
          expect(a.countAboveThreshold).toBe(b.countAboveThreshold);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a job closed and reopened, or edited, between queries ranks by its own weights at once', () => {
    // The seeker holds Excel. A asks for it (and would like 烘焙): the best fit. B asks for Excel and
    // 茶艺, C for Excel and three more, so C's weight on Excel is the smallest.
    const seeker = buildSeeker({ id: 1, skills: ['Excel'] });
    const a = buildJob({ id: 1, requiredSkills: ['Excel'], preferredSkills: ['烘焙'] });
    const b = buildJob({ id: 2, requiredSkills: ['Excel', '茶艺'] });
    const c = buildJob({ id: 3, requiredSkills: ['Excel', '茶艺', '推拿', '烘焙'] });
    const index = createMatchIndex({ jobs: [a, b, c], seekers: [seeker] });
    const best = () => index.jobsForSeeker(1, { limit: 1 }).map((r) => r.id);
    expect(best()).toEqual([1]);
    index.upsertJob({ ...a, status: 'closed' });
    expect(best()).toEqual([2]);
    // Reopened: its entries go back at the ends of the lists, where C's used to be.
    index.upsertJob(a);
    expect(best()).toEqual([1]);
    expect(index.jobsForSeeker(1, { limit: 2 })).toEqual(createMatchIndex({ jobs: [a, b, c], seekers: [seeker] }).jobsForSeeker(1, { limit: 2 }));
    // Edited: Excel only preferred now, B is the better fit.
    const edited = { ...a, requiredSkills: ['烘焙'], preferredSkills: ['Excel'] };
    index.upsertJob(edited);
    expect(best()).toEqual([2]);
    expect(index.jobsForSeeker(1, { limit: 2 })).toEqual(createMatchIndex({ jobs: [edited, b, c], seekers: [seeker] }).jobsForSeeker(1, { limit: 2 }));
  });

  it('the same pair scores the same in both directions and in explainJob', () => {
    fc.assert(
      fc.property(seekerArb(1), jobArb(1), (seeker, job) => {
        const index = createMatchIndex({ courses: COURSES, jobs: [job], seekers: [{ ...seeker, shareWithEmployers: true }] });
        const forSeeker = index.jobsForSeeker(1);
        const forJob = index.seekersForJob(1).results;
        const explained = index.explainJob(1, 1);
        expect(forSeeker.length).toBe(forJob.length);
        expect(explained.result === null).toBe(forSeeker.length === 0);
        if (forSeeker[0]) {
          expect(forJob[0]!.total).toBe(forSeeker[0].total);
          expect(forJob[0]!.parts).toEqual(forSeeker[0].parts);
          expect(explained.result).toEqual(forSeeker[0]);
        } else expect(explained.exclusions.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
