/**
 * Statistics, exports, the public summary, the quota dashboard and the policy settings, against
 * a small world built through the API on a movable clock. Every expected figure is worked out by
 * hand in the comments from the story below.
 *
 * The story (2026):
 * - Jan 10: members M1 (200 staff, 1 disabled employee reported, 5 pledged, wage 120,000/yr) and
 *   M2 (20 staff, 2 pledged); courses C1 (customer service) and C2 (baking); seekers
 *   S1 visual L1 kengzi (客服, must screen_reader), S2 physical L2 kengzi (customer service, must
 *   step_free_access), S3 physical L3 pingshan (电商客服, prefer step_free_access), S4 hearing L4
 *   pingshan (烘焙, must sign_language), S5 hearing L3 maluan (烘焙 + 客户服务, no needs), S6
 *   physical L2 kengzi (archived at once); jobs J1 (M1, remote, 2 openings, requires 客服,
 *   prefers 办公软件, provides remote_work + screen_reader), J2 (M1, onsite, 1 opening, requires
 *   烘焙, provides step_free_access + sign_language), J3 (M2, hybrid, 1 opening).
 * - S1, S2 enrol on C1 and complete it Feb 1; S4 enrols on C2 and completes it Jan 20.
 * - Feb 10: S1 hired into J1 (9 days after completing C1); S2's trial at J1 rejected.
 * - Mar 1: S3 hired into J3 (M2); Mar 15: a project is added.
 * - Apr 2: S3's one-month follow-up: left. May 10: S4 hired into J2 (110 days after C2).
 * - Aug 12: S1's six-month follow-up: still employed. Today is Nov 25.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildJob, buildMember, buildProject, buildSeeker } from '../support/factories.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';

let now = Date.parse('2026-01-10T02:00:00.000Z');
const clock = { now: () => new Date(now) };
const at = (iso: string) => {
  now = Date.parse(iso);
};

let app: TestApp;

type Write = [sql: string, ...args: unknown[]];

/**
 * Replays writes in one transaction, rolled back at the end: after every write (each must change
 * something) the trigger-kept table must equal its definition recomputed from the source tables;
 * `atEnd` checks the last state; afterwards the table is as it was.
 */
function replayAgainstDefinition(writes: Write[], kept: () => unknown[], defined: () => unknown[], atEnd?: () => void): void {
  const c = app.db.$client;
  const before = kept();
  const rollback = new Error('rollback');
  expect(() =>
    c.transaction(() => {
      for (const [q, ...args] of writes) {
        expect(c.prepare(q).run(...args).changes, q).toBeGreaterThan(0);
        expect(kept(), q).toEqual(defined());
      }
      atEnd?.();
      throw rollback;
    })(),
  ).toThrow(rollback);
  expect(kept()).toEqual(before);
}
let h: Client & { userId: number };
const ids: Record<string, number> = {};

const post = async (path: string, body: object, status = 201) => (await h.post(`/api/v1${path}`).send(body).expect(status)).body.data;
const get = async (path: string) => {
  const res = await h.get(`/api/v1${path}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/** Rows of a statistics table keyed by one column. */
const rowsBy = async (path: string, key: string) => {
  const body = await get(path);
  return Object.fromEntries(body.data.rows.map((r: Record<string, unknown>) => [String(r[key]), r]));
};

async function hire(seekerId: number, jobId: number, day: string) {
  at(`${day}T02:00:00.000Z`);
  const a = await post('/applications', { seekerId, jobId });
  await post(`/applications/${a.id}/status`, { status: 'trial', trialStartsOn: day, trialEndsOn: day }, 200);
  await post(`/applications/${a.id}/status`, { status: 'hired' }, 200);
  return a.id as number;
}

async function followUp(applicationId: number, months: number, outcome: 'still_employed' | 'left', day: string) {
  at(`${day}T02:00:00.000Z`);
  const fus = (await get(`/applications/${applicationId}/follow-ups`)).data as { id: number; monthsAfterHire: number }[];
  await post(`/follow-ups/${fus.find((f) => f.monthsAfterHire === months)!.id}/outcome`, outcome === 'left' ? { outcome, reason: '家庭原因' } : { outcome }, 200);
}

beforeAll(async () => {
  app = await startTestApp({ clock, env: { SESSION_ABSOLUTE_HOURS: '8760', SESSION_IDLE_MINUTES: '525600' } });
  h = app.http;
  ids.m1 = (await post('/alliance-members', buildMember({ name: '坪山科技', street: 'pingshan', headcount: 200, disabledHeadcount: 1, pledgedPositions: 5, averageWage: 120_000 }))).id;
  ids.m2 = (await post('/alliance-members', buildMember({ name: '马峦基金会', kind: 'foundation', street: 'maluan', headcount: 20, disabledHeadcount: 0, pledgedPositions: 2 }))).id;
  ids.c1 = (await post('/courses', buildCourse({ code: 'CS-1', titleZh: '客服基础', titleEn: 'Customer service basics', skills: ['客服'] }))).id;
  ids.c2 = (await post('/courses', buildCourse({ code: 'BK-1', titleZh: '烘焙入门', titleEn: 'Baking basics', skills: ['烘焙'] }))).id;
  const seeker = async (o: Record<string, unknown>) => (await post('/seekers', buildSeeker(o))).id as number;
  ids.s1 = await seeker({ disabilityCategory: 1, disabilityLevel: 1, street: 'kengzi', needs: [{ code: 'screen_reader', strength: 'must' }], skills: [{ skill: '客服', level: 'basic' }] });
  ids.s2 = await seeker({ disabilityCategory: 4, disabilityLevel: 2, street: 'kengzi', needs: [{ code: 'step_free_access', strength: 'must' }], skills: [{ skill: 'customer service', level: 'basic' }] });
  ids.s3 = await seeker({ disabilityCategory: 4, disabilityLevel: 3, street: 'pingshan', needs: [{ code: 'step_free_access', strength: 'prefer' }], skills: [{ skill: '电商客服', level: 'basic' }] });
  ids.s4 = await seeker({ disabilityCategory: 2, disabilityLevel: 4, street: 'pingshan', needs: [{ code: 'sign_language', strength: 'must' }], skills: [{ skill: '烘焙', level: 'basic' }] });
  ids.s5 = await seeker({ disabilityCategory: 2, disabilityLevel: 3, street: 'maluan', needs: [], skills: [{ skill: '烘焙', level: 'basic' }, { skill: '客户服务', level: 'basic' }] });
  ids.s6 = await seeker({ disabilityCategory: 4, disabilityLevel: 2, street: 'kengzi' });
  await post(`/seekers/${ids.s6}/archive`, {}, 200);
  ids.j1 = (await post('/jobs', buildJob(ids.m1, { title: '客服专员', workMode: 'remote', openings: 2, requiredSkills: ['客服'], preferredSkills: ['办公软件'], accommodations: ['remote_work', 'screen_reader'] }))).id;
  ids.j2 = (await post('/jobs', buildJob(ids.m1, { title: '烘焙师', workMode: 'onsite', street: 'pingshan', openings: 1, requiredSkills: ['烘焙'], preferredSkills: [], accommodations: ['step_free_access', 'sign_language'] }))).id;
  ids.j3 = (await post('/jobs', buildJob(ids.m2, { title: 'Customer support', workMode: 'hybrid', openings: 1, requiredSkills: ['customer support'], preferredSkills: [], accommodations: ['text_communication'] }))).id;

  const enrol = async (seekerId: number, courseId: number, completedOn: string) => {
    const e = await post('/enrollments', { seekerId, courseId, enrolledOn: '2026-01-10' });
    await h.patch(`/api/v1/enrollments/${e.id}`).send({ status: 'completed', completedOn }).expect(200);
  };
  await enrol(ids.s1, ids.c1, '2026-02-01');
  await enrol(ids.s2, ids.c1, '2026-02-01');
  await enrol(ids.s4, ids.c2, '2026-01-20');

  ids.a1 = await hire(ids.s1, ids.j1, '2026-02-10');
  const a2 = await post('/applications', { seekerId: ids.s2, jobId: ids.j1 });
  await post(`/applications/${a2.id}/status`, { status: 'trial', trialStartsOn: '2026-02-10', trialEndsOn: '2026-02-20' }, 200);
  await post(`/applications/${a2.id}/status`, { status: 'rejected', reason: '不合适' }, 200);
  ids.a3 = await hire(ids.s3, ids.j3, '2026-03-01');
  at('2026-03-15T02:00:00.000Z');
  await post('/projects', buildProject());
  await followUp(ids.a3, 1, 'left', '2026-04-02');
  ids.a4 = await hire(ids.s4, ids.j2, '2026-05-10');
  await followUp(ids.a1, 6, 'still_employed', '2026-08-12');
  at('2026-11-25T02:00:00.000Z');
}, 60_000);
afterAll(() => app.close());

describe('staff statistics', () => {
  it('counts the libraries per month and cumulatively', async () => {
    const rows = await rowsBy('/stats/library-sizes', 'month');
    // Jan to Nov: 11 months. Six seekers (S6 archived still counts as registered) and three jobs in January; the project in March.
    expect(Object.keys(rows)).toHaveLength(11);
    expect(rows['2026-01']).toMatchObject({ seekersCreated: 6, seekersTotal: 6, jobsCreated: 3, jobsTotal: 3, projectsCreated: 0, projectsTotal: 0 });
    expect(rows['2026-03']).toMatchObject({ seekersCreated: 0, seekersTotal: 6, projectsCreated: 1, projectsTotal: 1 });
    expect(rows['2026-11']).toMatchObject({ seekersTotal: 6, jobsTotal: 3, projectsTotal: 1 });
    // From March on: January's records are in the cumulative figures from the first row.
    const fromMarch = await rowsBy('/stats/library-sizes?from=2026-03-01&to=2026-04-30', 'month');
    expect(Object.keys(fromMarch)).toEqual(['2026-03', '2026-04']);
    expect(fromMarch['2026-03']).toMatchObject({ seekersTotal: 6, jobsTotal: 3, projectsTotal: 1 });
    // Street kengzi: S1, S2, S6; no job or project there.
    const kengzi = await rowsBy('/stats/library-sizes?street=kengzi', 'month');
    expect(kengzi['2026-11']).toMatchObject({ seekersTotal: 3, jobsTotal: 0, projectsTotal: 0 });
  });

  it('counts active seekers by category, level, street and stage', async () => {
    // Active: S1–S5 (S6 archived).
    const cat = await rowsBy('/stats/seekers?by=category', 'code');
    expect(Object.fromEntries(Object.entries(cat).map(([k, r]) => [k, (r as { seekers: number }).seekers]))).toEqual({ 1: 1, 2: 2, 3: 0, 4: 2, 5: 0, 6: 0, 7: 0 });
    expect(cat['2']).toMatchObject({ category: '听力残疾', share: 0.4 });
    const level = await rowsBy('/stats/seekers?by=level', 'code');
    expect([1, 2, 3, 4].map((l) => level[l].seekers)).toEqual([1, 1, 2, 1]);
    const street = await rowsBy('/stats/seekers?by=street&lang=en', 'code');
    expect(street.kengzi).toMatchObject({ street: 'Kengzi Street', seekers: 2 });
    expect([street.pingshan.seekers, street.maluan.seekers, street.biling.seekers]).toEqual([2, 1, 0]);
    // S1 stably employed; S2 back to assessed after the rejected trial; S3 back to assessed after leaving; S4 employed; S5 registered.
    const stage = await rowsBy('/stats/seekers?by=stage', 'code');
    expect(Object.fromEntries(Object.entries(stage).map(([k, r]) => [k, (r as { seekers: number }).seekers]))).toEqual({
      registered: 1, assessed: 2, in_training: 0, trained: 0, in_adaptation: 0, employed: 1, stably_employed: 1, withdrawn: 0,
    });
    // Filters: physical (4) in kengzi, active: S2 only.
    const filtered = await rowsBy('/stats/seekers?by=level&category=4&street=kengzi', 'code');
    expect(filtered['2'].seekers).toBe(1);
  });

  it('gives employment and six-month stable-employment rates by category, level and street', async () => {
    // All six seekers. Employed ever: S1, S3, S4. Stably: S1 (six-month check still employed).
    const cat = await rowsBy('/stats/employment-rates?by=category', 'code');
    expect(cat['1']).toMatchObject({ seekers: 1, employed: 1, employmentRate: 1, stablyEmployed: 1, stableRate: 1 });
    expect(cat['2']).toMatchObject({ seekers: 2, employed: 1, employmentRate: 0.5, stablyEmployed: 0, stableRate: 0 });
    expect(cat['4']).toMatchObject({ seekers: 3, employed: 1, employmentRate: 0.333, stablyEmployed: 0, stableRate: 0 });
    expect(cat['3']).toMatchObject({ seekers: 0, employed: 0, employmentRate: null, stableRate: null });
    expect(cat.null).toMatchObject({ seekers: 6, employed: 3, employmentRate: 0.5, stablyEmployed: 1, stableRate: 0.333 });
    const street = await rowsBy('/stats/employment-rates?by=street', 'code');
    // kengzi S1 S2 S6 → 1 employed (S1); pingshan S3 S4 → 2; maluan S5 → 0.
    expect(street.kengzi).toMatchObject({ seekers: 3, employed: 1, stablyEmployed: 1 });
    expect(street.pingshan).toMatchObject({ seekers: 2, employed: 2, employmentRate: 1, stablyEmployed: 0 });
    const level = await rowsBy('/stats/employment-rates?by=level', 'code');
    expect([1, 2, 3, 4].map((l) => [level[l].seekers, level[l].employed])).toEqual([[1, 1], [2, 0], [2, 1], [1, 1]]);
    // Registered in December: nobody.
    const none = await rowsBy('/stats/employment-rates?from=2026-12-01&to=2026-12-31', 'code');
    expect(none.null).toMatchObject({ seekers: 0, employmentRate: null });
  });

  it('delegates the funnel to the pipeline', async () => {
    const rows = await rowsBy('/stats/funnel?from=2026-01-01&to=2026-11-25', 'stage');
    // Registered 6; in training S1 S2 S4; trained S1 S2 S4; in adaptation S1 S2 S3 S4; employed S1 S3 S4; stably S1; assessed S2 S3.
    expect(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, (r as { reached: number }).reached]))).toEqual({
      registered: 6, assessed: 2, in_training: 3, trained: 3, in_adaptation: 4, employed: 3, stably_employed: 1,
    });
    expect(rows.employed.stageName).toBe('已就业');
    const direct = app.services.pipeline.funnel('2026-01-01', '2026-11-25', {});
    expect(direct.stages.map((s) => s.conversionToNext)).toEqual(Object.values(rows).map((r) => (r as { conversionToNext: number | null }).conversionToNext));
  });

  it('shows, per course, completions and the share hired within 90 days', async () => {
    const rows = await rowsBy('/stats/training-outcomes', 'code');
    // C1: S1 and S2 completed Feb 1; S1 hired Feb 10 (9 days) → 1 of 2. C2: S4 completed Jan 20, hired May 10 (110 days) → 0 of 1.
    expect(rows['CS-1']).toMatchObject({ course: '客服基础', completions: 2, hiredWithin90Days: 1, shareHiredWithin90Days: 0.5 });
    expect(rows['BK-1']).toMatchObject({ completions: 1, hiredWithin90Days: 0, shareHiredWithin90Days: 0 });
    // Completions in February only: C1's two; C2's is in January.
    const feb = await rowsBy('/stats/training-outcomes?from=2026-02-01&to=2026-02-28&lang=en', 'code');
    expect(feb['CS-1']).toMatchObject({ course: 'Customer service basics', completions: 2 });
    expect(feb['BK-1']).toMatchObject({ completions: 0, shareHiredWithin90Days: null });
  });

  it('compares each member: pledged, posted, filled, still employed at six months, responsiveness', async () => {
    const rows = await rowsBy('/stats/alliance', 'memberId');
    // M1: J1 2 openings (1 hired, 1 left open) + J2 1 opening (hired) → posted 3, filled 2, one job open;
    // six-month checks due by Nov 25: S1 (Aug 10) and S4 (Nov 10) → 2, of which S1 still employed.
    // Applications: S1, S2 → J1 and S4 → J2 (referred by staff) → 3.
    expect(rows[ids.m1!]).toMatchObject({ member: '坪山科技', street: '坪山街道', pledged: 5, jobs: 2, posted: 3, openJobs: 1, filled: 2, sixMonthCheckDue: 2, stillEmployedAt6Months: 1, applications: 3 });
    // M2: J3 1 opening, hired (S3, who left at one month) → posted 1, filled 1, due 1 (Sep 1), still employed 0.
    expect(rows[ids.m2!]).toMatchObject({ pledged: 2, jobs: 1, posted: 1, openJobs: 0, filled: 1, sixMonthCheckDue: 1, stillEmployedAt6Months: 0, applications: 1 });
    const resp = app.services.pipeline.responsiveness('2000-01-01', '2026-11-25').find((r) => r.memberId === ids.m1);
    expect(rows[ids.m1!].medianHoursToFirstResponse).toBe(resp!.medianHoursToFirstResponse);
    // Street maluan: M2 only.
    expect(Object.keys(await rowsBy('/stats/alliance?street=maluan', 'memberId'))).toEqual([String(ids.m2)]);
  });

  it('sets accommodation needs against the open jobs that provide them', async () => {
    const rows = await rowsBy('/stats/accommodation-gaps', 'code');
    // Open jobs with openings: J1 only (remote; remote_work + screen_reader). J2 and J3 are filled and closed.
    expect(rows.screen_reader).toMatchObject({ seekersMust: 1, seekersPrefer: 0, openJobsProviding: 1, openingsProviding: 1, openJobsMeeting: 1, mustSeekersPerJob: 1 });
    // Step-free: S2 must, S3 prefer (S6's need is not counted: archived); no open job provides it, but remote J1 makes it moot.
    expect(rows.step_free_access).toMatchObject({ seekersMust: 1, seekersPrefer: 1, openJobsProviding: 0, openJobsMeeting: 1 });
    expect(rows.sign_language).toMatchObject({ seekersMust: 1, openJobsProviding: 0, openJobsMeeting: 0, mustSeekersPerJob: null });
    expect(rows.remote_work).toMatchObject({ seekersMust: 0, openJobsProviding: 1 });
    // Filtered to kengzi seekers (S1, S2): S3's prefer drops out.
    const kengzi = await rowsBy('/stats/accommodation-gaps?street=kengzi', 'code');
    expect(kengzi.step_free_access).toMatchObject({ seekersMust: 1, seekersPrefer: 0 });
  });

  it('groups skill labels by canonical skill: demanded by open jobs vs held by seekers', async () => {
    const body = await get('/stats/skills');
    const rows = body.data.rows as { code: string; skill: string; jobsDemanding: number; jobsRequiring: number; seekersHolding: number }[];
    // 客服 (S1) + customer service (S2) + 客户服务 (S5) = one skill, 3 seekers; J1 requires 客服.
    // 办公软件: preferred by J1, held by nobody. 烘焙: S4, S5 (J2 is closed). 电商客服: S3.
    expect(rows.map((r) => [r.code, r.jobsDemanding, r.jobsRequiring, r.seekersHolding])).toEqual([
      ['customer_service', 1, 1, 3],
      ['office_software', 1, 0, 0],
      ['baking', 0, 0, 2],
      ['ecommerce_customer_service', 0, 0, 1],
    ]);
    expect(rows[0]!.skill).toBe('客服');
    const en = await get('/stats/skills?lang=en&limit=1');
    expect(en.data.rows).toEqual([{ code: 'customer_service', skill: 'customer service', jobsDemanding: 1, jobsRequiring: 1, openingsDemanding: 1, seekersHolding: 3, seekersPerJob: 3 }]);
  });

  it('keeps the seeker outcomes the employment rates read in step with every write (triggers)', () => {
    const c = app.db.$client;
    const kept = () => c.prepare('SELECT seeker_id AS id, employed, stably FROM seeker_outcomes ORDER BY seeker_id').all();
    // The definitions (EMPLOYED_IDS, STABLY_IDS) recomputed from the source tables.
    const defined = () =>
      c.prepare(`SELECT id, employed, stably FROM (
          SELECT s.id,
                 s.id IN (SELECT seeker_id FROM applications WHERE status = 'hired' UNION SELECT seeker_id FROM pipeline_events WHERE to_stage = 'employed') AS employed,
                 s.id IN (SELECT seeker_id FROM pipeline_events WHERE to_stage = 'stably_employed' UNION SELECT seeker_id FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed') AS stably
          FROM seekers s) WHERE employed OR stably ORDER BY id`).all();
    const before = [{ id: ids.s1, employed: 1, stably: 1 }, { id: ids.s3, employed: 1, stably: 0 }, { id: ids.s4, employed: 1, stably: 0 }];
    expect(kept()).toEqual(before);
    expect(defined()).toEqual(before);
    replayAgainstDefinition(
      [
        ['UPDATE applications SET status = ? WHERE id = ?', 'withdrawn', ids.a4],
        ["INSERT INTO pipeline_events (seeker_id, from_stage, to_stage, at) VALUES (?, 'in_adaptation', 'employed', '2026-11-20T02:00:00.000Z')", ids.s5],
        ["UPDATE pipeline_events SET to_stage = 'stably_employed' WHERE seeker_id = ? AND to_stage = 'employed'", ids.s5],
        ["UPDATE follow_ups SET outcome = 'left' WHERE application_id = ? AND months_after_hire = 6", ids.a1],
        ["UPDATE follow_ups SET outcome = 'still_employed', months_after_hire = 6 WHERE application_id = ? AND months_after_hire = 1", ids.a3],
        ['UPDATE applications SET seeker_id = ? WHERE id = ?', ids.s2, ids.a3],
        ["DELETE FROM pipeline_events WHERE seeker_id = ? AND to_stage = 'stably_employed'", ids.s5],
        ['DELETE FROM follow_ups WHERE application_id = ?', ids.a3],
        ["INSERT INTO applications (seeker_id, job_id, origin, status, hired_on) VALUES (?, ?, 'applied', 'hired', '2026-11-20')", ids.s6, ids.j2],
        ["DELETE FROM applications WHERE seeker_id = ? AND job_id = ?", ids.s6, ids.j2],
      ],
      kept,
      defined,
    );
  });

  it('keeps the alliance hires the member comparison reads in step with every write (triggers)', () => {
    const c = app.db.$client;
    const kept = () =>
      c.prepare('SELECT application_id AS id, member_id AS member, job_created_at AS posted, six_month_check_on AS due, still_employed_at_6_months AS still FROM alliance_hires ORDER BY application_id').all();
    // The definition: every hired application, its job's member and posting date, the check due
    // six months after the hire, and whether its six-month follow-up found the person employed.
    const defined = () =>
      c.prepare(`SELECT a.id, j.member_id AS member, j.created_at AS posted, date(a.hired_on, '+6 months') AS due,
                        (f.outcome IS NOT NULL AND f.outcome = 'still_employed') AS still
                 FROM applications a JOIN jobs j ON j.id = a.job_id
                 LEFT JOIN follow_ups f ON f.application_id = a.id AND f.months_after_hire = 6
                 WHERE a.status = 'hired' ORDER BY a.id`).all();
    const before = defined();
    // S1 (hired Feb 10 into J1, still employed at six months), S3 (J3, left) and S4 (J2).
    expect(before.map((r) => (r as { id: number }).id)).toEqual([ids.a1, ids.a3, ids.a4].sort((x, y) => x! - y!));
    expect(before.find((r) => (r as { id: number }).id === ids.a1)).toMatchObject({ member: ids.m1, due: '2026-08-10', still: 1 });
    expect(kept()).toEqual(before);
    replayAgainstDefinition(
      [
        ['UPDATE applications SET status = ? WHERE id = ?', 'withdrawn', ids.a4],
        ['UPDATE applications SET status = ? WHERE id = ?', 'hired', ids.a4],
        ["UPDATE applications SET hired_on = '2026-05-31' WHERE id = ?", ids.a4],
        ['UPDATE applications SET job_id = ? WHERE id = ?', ids.j3, ids.a4],
        ["UPDATE follow_ups SET outcome = 'left' WHERE application_id = ? AND months_after_hire = 6", ids.a1],
        ["UPDATE follow_ups SET outcome = 'still_employed', months_after_hire = 6 WHERE application_id = ? AND months_after_hire = 1", ids.a3],
        ['DELETE FROM follow_ups WHERE application_id = ?', ids.a4],
        ["UPDATE follow_ups SET application_id = ? WHERE application_id = ? AND months_after_hire = 6", ids.a4, ids.a3],
        ["INSERT INTO follow_ups (application_id, seeker_id, months_after_hire, due_on, outcome) VALUES (?, ?, 6, '2026-11-30', 'still_employed')", ids.a3, ids.s3],
        ["UPDATE jobs SET member_id = ?, created_at = '2026-03-01T00:00:00.000Z' WHERE id = ?", ids.m1, ids.j3],
        ["INSERT INTO applications (seeker_id, job_id, origin, status, hired_on) VALUES (?, ?, 'applied', 'hired', '2026-11-20')", ids.s6, ids.j2],
        ["INSERT INTO applications (seeker_id, job_id, origin, status) VALUES (?, ?, 'applied', 'submitted')", ids.s5, ids.j2],
        ["UPDATE applications SET status = 'hired', hired_on = '2026-08-31' WHERE seeker_id = ? AND job_id = ?", ids.s5, ids.j2],
        ['DELETE FROM applications WHERE seeker_id = ? AND job_id = ?', ids.s6, ids.j2],
        ['DELETE FROM seekers WHERE id = ?', ids.s5],
      ],
      kept,
      defined,
    );
  });

  it('keeps the per-label skill counts the skills table reads in step with every write (triggers)', () => {
    const c = app.db.$client;
    const kept = () => c.prepare('SELECT label, seekers FROM seeker_skill_labels ORDER BY label').all();
    const defined = () => c.prepare('SELECT skill AS label, count(*) AS seekers FROM seeker_skills GROUP BY skill ORDER BY skill').all();
    const before = defined();
    // 烘焙: S4 and S5.
    expect(before).toContainEqual({ label: '烘焙', seekers: 2 });
    expect(kept()).toEqual(before);
    replayAgainstDefinition(
      [
        ["INSERT INTO seeker_skills (seeker_id, skill, level) VALUES (?, '烘焙', 'basic')", ids.s1],
        ["INSERT INTO seeker_skills (seeker_id, skill, level) VALUES (?, '茶艺', 'basic')", ids.s2],
        ["UPDATE seeker_skills SET skill = '茶艺' WHERE seeker_id = ? AND skill = '烘焙'", ids.s4],
        ["UPDATE seeker_skills SET skill = '汉服制作' WHERE seeker_id = ? AND skill = '电商客服'", ids.s3],
        ["UPDATE seeker_skills SET level = 'advanced' WHERE seeker_id = ?", ids.s5],
        ["DELETE FROM seeker_skills WHERE seeker_id = ? AND skill = '茶艺'", ids.s2],
        ['DELETE FROM seekers WHERE id = ?', ids.s5],
        ["DELETE FROM seeker_skills WHERE seeker_id = ? AND skill = '汉服制作'", ids.s3],
      ],
      kept,
      defined,
      // 汉服制作 was S3's alone: gone, not left at zero.
      () => expect(kept()).not.toContainEqual(expect.objectContaining({ label: '汉服制作' })),
    );
  });

  it('keeps the per-accommodation need counts the gaps table reads in step with every write (triggers)', () => {
    const c = app.db.$client;
    const kept = () => c.prepare('SELECT code, strength, seekers FROM seeker_need_counts ORDER BY code, strength').all();
    const defined = () => c.prepare('SELECT code, strength, count(*) AS seekers FROM seeker_needs GROUP BY code, strength ORDER BY code, strength').all();
    const before = defined();
    // step-free access: S2 must (S6's too, archived), S3 prefer.
    expect(before).toContainEqual({ code: 'step_free_access', strength: 'prefer', seekers: 1 });
    expect(kept()).toEqual(before);
    replayAgainstDefinition(
      [
        ["INSERT INTO seeker_needs (seeker_id, code, strength) VALUES (?, 'braille', 'prefer')", ids.s1],
        ["UPDATE seeker_needs SET strength = 'must' WHERE seeker_id = ? AND code = 'step_free_access'", ids.s3],
        ["UPDATE seeker_needs SET code = 'flexible_hours' WHERE seeker_id = ? AND code = 'sign_language'", ids.s4],
        ["DELETE FROM seeker_needs WHERE seeker_id = ? AND code = 'braille'", ids.s1],
        ['DELETE FROM seekers WHERE id = ?', ids.s2],
      ],
      kept,
      defined,
    );
  });

  it('rejects filters a table does not take', async () => {
    expect((await h.get('/api/v1/stats/accommodation-gaps?from=2026-01-01')).status).toBe(422);
    expect((await h.get('/api/v1/stats/seekers?by=colour')).status).toBe(422);
    expect((await h.get('/api/v1/stats/funnel?from=2026-05-01&to=2026-04-01')).status).toBe(422);
    expect((await h.get('/api/v1/stats/skills.pdf')).status).toBe(422);
  });
});

describe('exports', () => {
  it('writes CSV with a UTF-8 BOM and headers in the request language', async () => {
    const res = await h.get('/api/v1/stats/training-outcomes.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="training-outcomes.csv"');
    const raw = Buffer.from(res.text, 'utf8');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      '课程编号,课程代码,课程,结业人数,90天内就业人数,90天内就业比例',
      `${ids.c1},CS-1,客服基础,2,1,0.5`,
      `${ids.c2},BK-1,烘焙入门,1,0,0`,
    ]);
    const en = await h.get('/api/v1/stats/training-outcomes?format=csv&lang=en');
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Course id,Course code,Course,Completions,Hired within 90 days,Share hired within 90 days');
  });

  it('quotes and defuses text cells', async () => {
    await h.patch(`/api/v1/alliance-members/${ids.m2}`).send({ name: '=HYPERLINK("x"),基金会' }).expect(200);
    const res = await h.get('/api/v1/stats/alliance.csv?street=maluan');
    expect(res.text).toContain(`${ids.m2},"'=HYPERLINK(""x""),基金会",马峦街道`);
    await h.patch(`/api/v1/alliance-members/${ids.m2}`).send({ name: '马峦基金会' }).expect(200);
  });

  it('writes XLSX that reads back to the same table', async () => {
    const res = await h.get('/api/v1/stats/accommodation-gaps.xlsx?lang=en').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet('accommodation-gaps')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Code', 'Accommodation', 'Seekers who must have it', 'Seekers who prefer it', 'Open jobs providing it', 'Openings providing it', 'Open jobs meeting it (incl. remote)', 'Must-have seekers per job meeting it',
    ]);
    expect(ws.rowCount).toBe(1 + 18);
    const json = (await get('/stats/accommodation-gaps?lang=en')).data.rows as Record<string, unknown>[];
    for (let i = 0; i < json.length; i++) {
      const values = Object.values(json[i]!);
      const cells = values.map((_, j) => ws.getRow(i + 2).getCell(j + 1).value);
      expect(cells).toEqual(values);
      expect(typeof cells[2]).toBe('number'); // numbers stay numbers
    }
  });
});

describe('public summary', () => {
  it('publishes counts only, every cell under 5 as "<5", and withholds what would give one away', async () => {
    const res = await app.anon.get('/api/v1/public/summary');
    expect(res.status).toBe(200);
    const d = res.body.data;
    // Five active seekers, every category and street cell under 5: no cell of 5 or more to withhold,
    // so the total (5) is withheld as "≥5" (else 5 minus the others could give a cell away).
    expect(d.seekers.byCategory.map((c: { count: unknown }) => c.count)).toEqual(Array(7).fill('<5'));
    expect(d.seekers.total).toBe('≥5');
    expect(d).toMatchObject({ everEmployed: '<5', stablyEmployed: '<5', jobsOpen: '<5', allianceMembers: '<5', pledgedPositions: 7, trainingCompletions: '<5' });
    const text = JSON.stringify(res.body);
    for (const secret of ['坪山科技', '客服专员', 'certificate', 'name']) expect(text).not.toContain(secret);

    // Six more seekers, category 7 in longtian: 11 active. Category: 1, 2, 0, 2, 0, 0, 6 → the
    // small ones "<5" and the smallest cell of 5 or more (the 6) withheld as "≥5"; total 11 shown.
    for (let i = 0; i < 6; i++) await post('/seekers', buildSeeker({ disabilityCategory: 7, disabilityLevel: 3, street: 'longtian' }));
    const d2 = (await app.anon.get('/api/v1/public/summary?lang=en')).body.data;
    expect(d2.seekers.total).toBe(11);
    expect(d2.seekers.byCategory.map((c: { count: unknown }) => c.count)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5', '≥5']);
    expect(d2.seekers.byStreet.find((s: { street: string }) => s.street === 'longtian')).toMatchObject({ label: 'Longtian Street', count: '≥5' });
    expect(d2.suppression.threshold).toBe(5);
  });
});

describe('quota dashboard', () => {
  it("shows a member's position, levy and what would clear it, with anonymised candidates", async () => {
    const employer = await app.signIn({ username: 'quota-employer', role: 'employer', memberId: ids.m1! });
    const res = await employer.get(`/api/v1/quota/members/${ids.m1}`);
    expect(res.status).toBe(200);
    const q = res.body.data;
    // 200 staff × 1.5 % = 3 required. Placed: 1 reported + S1 (level 1: counts 2) + S4 (level 4: 1) = 4 ≥ 3 → met, no levy.
    expect(q).toMatchObject({ headcount: 200, disabledHeadcountReported: 1, hiresStillEmployed: 2, severeHires: 1, placedCounted: 4, required: 3, shortfall: 0, hiresToClear: 0, tier: 'met', levy: 0, ratio: 0.02 });
    expect(q.openJobs.map((j: { id: number; openings: number }) => [j.id, j.openings])).toEqual([[ids.j1, 1]]);
    for (const c of q.openJobs[0].candidates) {
      expect(Object.keys(c).sort()).toEqual(['completedCourses', 'gaps', 'reasons', 'score', 'seekerId', 'skills']);
    }
    expect(JSON.stringify(q)).not.toMatch(/certificate|测试求职者/);
    expect((await employer.get(`/api/v1/quota/members/${ids.m2}`)).status).toBe(404);
  });

  it('follows the policy settings: rate, tiers, severe counting double', async () => {
    await h.patch('/api/v1/policy-settings/quota_rate').send({ value: 0.025, source: '测试：假设比例 2.5%' }).expect(200);
    let q = (await get(`/quota/members/${ids.m1}`)).data;
    // 200 × 2.5 % = 5 required; placed 4 → shortfall 1; ratio 4/200 = 2 % ≥ 1 % → 50 %;
    // wage base min(120,000, 2 × 155,568) = 120,000 → full 120,000 → levy 60,000.
    expect(q).toMatchObject({ required: 5, placedCounted: 4, shortfall: 1, hiresToClear: 1, tier: 'upper', wageBase: 120_000, fullLevy: 120_000, share: 0.5, levy: 60_000, wageEstimated: false });
    await h.patch('/api/v1/policy-settings/severe_counts_double').send({ value: false, source: '测试：重度不按2名计算' }).expect(200);
    q = (await get(`/quota/members/${ids.m1}`)).data;
    // placed 3 → shortfall 2, ratio 1.5 % → 50 % of 2 × 120,000 = 120,000.
    expect(q).toMatchObject({ placedCounted: 3, shortfall: 2, tier: 'upper', fullLevy: 240_000, levy: 120_000 });

    const list = await get('/quota/members');
    // M2: 20 staff ≤ 30 → exempt; S3 left, so no hire counts.
    expect(list.data.find((m: { memberId: number }) => m.memberId === ids.m2)).toMatchObject({ headcount: 20, hiresStillEmployed: 0, placedCounted: 0, tier: 'exempt', levy: 0, wageEstimated: true, openJobs: 0 });
    expect(list.data.find((m: { memberId: number }) => m.memberId === ids.m1)).toMatchObject({ levy: 120_000, openJobs: 1, openings: 1 });
    expect(list.page).toMatchObject({ total: 2, nextCursor: null });
    expect(list.meta.policy).toMatchObject({ quota_rate: 0.025, severe_counts_double: false });

    await h.patch('/api/v1/policy-settings/quota_rate').send({ value: 0.015, source: POLICY_SOURCE }).expect(200);
    await h.patch('/api/v1/policy-settings/severe_counts_double').send({ value: true, source: POLICY_SOURCE }).expect(200);
  });

  it('lets an employer set their average wage, within bounds', async () => {
    const employer = await app.signIn({ username: 'wage-employer', role: 'employer', memberId: ids.m2! });
    await employer.patch(`/api/v1/alliance-members/${ids.m2}`).send({ averageWage: 90_000 }).expect(200);
    const bad = await employer.patch(`/api/v1/alliance-members/${ids.m2}`).send({ averageWage: 500 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].path).toBe('averageWage');
    expect((await get(`/quota/members/${ids.m2}`)).data).toMatchObject({ averageWage: 90_000, wageEstimated: false });
  });
});

const POLICY_SOURCE = '测试复原';

describe('policy settings', () => {
  it('lists every setting with its value and source, seeded once', async () => {
    const rows = (await get('/policy-settings')).data as { key: string; value: unknown; source: string; defaultValue: unknown }[];
    expect(rows.map((r) => r.key).sort()).toEqual([
      'levy_share_lower_tier', 'levy_share_upper_tier', 'levy_tier_ratio', 'local_average_wage', 'quota_rate', 'severe_counts_double', 'severe_max_level', 'small_employer_max_staff', 'wage_cap_multiple',
    ]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.small_employer_max_staff).toMatchObject({ value: 30, defaultValue: 30 });
    expect(byKey.levy_tier_ratio!.source).toContain('2023年第8号');
    // Seeding again changes nothing that staff set.
    app.services.policy.seedDefaults();
    expect((await get('/policy-settings')).data.find((r: { key: string }) => r.key === 'quota_rate').source).toBe(POLICY_SOURCE);
  });

  it('validates each value by its key, and audits every change', async () => {
    const bad = async (key: string, body: object) => {
      const res = await h.patch(`/api/v1/policy-settings/${key}`).send(body);
      expect(res.status, `${key} ${JSON.stringify(body)}`).toBe(422);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await bad('quota_rate', { value: 0.2, source: 'x' })).toEqual(['value']);
    expect(await bad('quota_rate', { value: 0, source: 'x' })).toEqual(['value']);
    expect(await bad('severe_counts_double', { value: 1, source: 'x' })).toEqual(['value']);
    expect(await bad('small_employer_max_staff', { value: 30.5, source: 'x' })).toEqual(['value']);
    expect(await bad('levy_tier_ratio', { value: 0.02, source: 'x' })).toEqual(['value']); // above the 1.5 % rate
    expect(await bad('no_such_key', { value: 1, source: 'x' })).toEqual(['key']);
    expect(await bad('quota_rate', { value: 0.015 })).toEqual(['source']);
    const ok = await h.patch('/api/v1/policy-settings/local_average_wage').send({ value: 160_000, source: '深圳市统计局 2025' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ key: 'local_average_wage', value: 160_000, source: '深圳市统计局 2025', updatedByUserId: h.userId });
    const audit = (await get('/audit-log?action=policy_changed&entity=policy_setting')).data as { detail: string; userId: number }[];
    expect(audit[0]).toMatchObject({ detail: 'local_average_wage: 155568 → 160000', userId: h.userId }); // newest first
  });
});
