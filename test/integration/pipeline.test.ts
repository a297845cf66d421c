import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../db/schema.js';
import { PIPELINE_STAGE_CODES, type PipelineStage } from '../../matching/vocabulary.js';
import { canMove, canTransition, NEXT_STAGES, type ApplicationStatus } from '../../src/pipeline/stages.js';
import { buildCourse, buildJob, buildMember, buildSeeker } from '../support/factories.js';
import { rowCount, startTestApp, type Client, type TestApp } from '../support/app.js';

let now = Date.parse('2026-03-01T02:00:00.000Z');
const clock = { now: () => new Date(now) };
const at = (iso: string) => {
  now = Date.parse(iso);
};

let app: TestApp;
let memberId: number;
let employer: Client & { userId: number };

beforeAll(async () => {
  app = await startTestApp({ clock, env: { SESSION_ABSOLUTE_HOURS: '8760', SESSION_IDLE_MINUTES: '525600' } });
  memberId = (await app.http.post('/api/v1/alliance-members').send(buildMember()).expect(201)).body.data.id;
  employer = await app.signIn({ username: 'pipeline-employer', role: 'employer', memberId });
});
afterAll(() => app.close());

const newSeeker = async (o: Record<string, unknown> = {}) => (await app.http.post('/api/v1/seekers').send(buildSeeker(o)).expect(201)).body.data.id as number;
const newJob = async (o: Record<string, unknown> = {}) => (await app.http.post('/api/v1/jobs').send(buildJob(memberId, { openings: 50, ...o })).expect(201)).body.data.id as number;
const stageOf = (seekerId: number) => (app.db.$client.prepare('SELECT stage FROM seekers WHERE id = ?').get(seekerId) as { stage: string }).stage;

describe('application transitions', () => {
  /** An application driven into `status` (a fresh seeker each time, so cases do not interfere). */
  async function applicationIn(status: ApplicationStatus, jobId: number): Promise<{ id: number; seeker: Client }> {
    const seekerId = await newSeeker();
    const seeker = await app.signIn({ username: `applicant-${seekerId}`, role: 'seeker', seekerId });
    let id: number;
    if (status === 'invited' || status === 'declined') {
      id = (await employer.post(`/api/v1/jobs/${jobId}/invitations`).send({ seekerId }).expect(201)).body.data.id;
      if (status === 'declined') await seeker.post(`/api/v1/applications/${id}/decline`).expect(200);
      return { id, seeker };
    }
    id = (await seeker.post('/api/v1/applications').send({ jobId }).expect(201)).body.data.id;
    const path: ApplicationStatus[] = { applied: [], interviewing: ['interviewing'], trial: ['trial'], hired: ['trial', 'hired'], rejected: ['rejected'], withdrawn: [] }[status as 'applied'] as ApplicationStatus[];
    for (const step of path) await employer.post(`/api/v1/applications/${id}/status`).send(step === 'trial' ? { status: 'trial', trialStartsOn: '2026-03-02', trialEndsOn: '2026-03-20' } : { status: step }).expect(200);
    if (status === 'withdrawn') await seeker.post(`/api/v1/applications/${id}/withdraw`).send({}).expect(200);
    return { id, seeker };
  }

  it('allows exactly the transitions of the state machine, and answers 409 to every other', async () => {
    const jobId = await newJob();
    const results: string[] = [];
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES.filter((s) => s !== 'invited')) {
        const { id, seeker } = await applicationIn(from, jobId);
        const res =
          to === 'applied' ? await seeker.post(`/api/v1/applications/${id}/accept`)
          : to === 'declined' ? await seeker.post(`/api/v1/applications/${id}/decline`)
          : to === 'withdrawn' ? await seeker.post(`/api/v1/applications/${id}/withdraw`).send({})
          : await employer.post(`/api/v1/applications/${id}/status`).send(to === 'trial' ? { status: 'trial', trialStartsOn: '2026-03-02', trialEndsOn: '2026-03-20' } : { status: to });
        const expected = canTransition(from, to) ? 200 : 409;
        if (res.status !== expected) results.push(`${from} → ${to}: ${res.status}, expected ${expected}`);
        else if (expected === 200) expect(res.body.data.status).toBe(to);
      }
    }
    expect(results).toEqual([]);
  }, 120_000);

  it('keeps one application per seeker per job, and only open jobs take applications', async () => {
    const jobId = await newJob();
    const seekerId = await newSeeker();
    await app.http.post('/api/v1/applications').send({ seekerId, jobId }).expect(201);
    expect((await app.http.post('/api/v1/applications').send({ seekerId, jobId })).status).toBe(409);
    expect((await employer.post(`/api/v1/jobs/${jobId}/invitations`).send({ seekerId })).status).toBe(409);
    await employer.post(`/api/v1/jobs/${jobId}/close`).expect(200);
    expect((await app.http.post('/api/v1/applications').send({ seekerId: await newSeeker(), jobId })).status).toBe(409);
  });

  it('records who and when for every change, and hides the seeker from the employer until they accept', async () => {
    const jobId = await newJob();
    const seekerId = await newSeeker({ name: '林嘉怡' });
    const seeker = await app.signIn({ username: 'invitee', role: 'seeker', seekerId });
    const invited = await employer.post(`/api/v1/jobs/${jobId}/invitations`).send({ seekerId, message: '欢迎来面试' });
    expect(invited.body.data.seekerIdentified).toBe(false);
    expect(JSON.stringify(invited.body.data.seeker)).not.toContain('林嘉怡');
    expect(invited.body.data.seeker.skills).toEqual(['电商客服']);
    const id = invited.body.data.id;
    await seeker.post(`/api/v1/applications/${id}/accept`).expect(200);
    const seen = await employer.get(`/api/v1/applications/${id}`);
    expect(seen.body.data.seekerIdentified).toBe(true);
    expect(seen.body.data.seeker.name).toBe('林嘉怡');
    expect(seen.body.data.history.map((h: { to: string; byUserId: number }) => [h.to, h.byUserId])).toEqual([
      ['invited', employer.userId],
      ['applied', seeker.userId],
    ]);
    expect(JSON.stringify(seen.body)).not.toMatch(/certificateNumber/);
    // Each side heard of the other's move, stored for them (pushed live when connected).
    const kinds = (userId: number) =>
      (app.db.$client.prepare("SELECT json_extract(payload, '$.change') c FROM notifications WHERE user_id = ? AND kind = 'application' ORDER BY id").all(userId) as { c: string }[]).map((r) => r.c);
    expect(kinds(seeker.userId)).toEqual(['invited']);
    expect(kinds(employer.userId)).toContain('accepted');
  });

  it('refuses an invitation to a seeker who does not share their profile', async () => {
    const jobId = await newJob();
    const seekerId = await newSeeker({ consents: { sensitiveData: true, matchAlerts: true, shareWithEmployers: false, textVersion: 'v1' } });
    expect((await employer.post(`/api/v1/jobs/${jobId}/invitations`).send({ seekerId })).status).toBe(409);
  });
});

describe('hiring', () => {
  async function inTrial(jobId: number) {
    const seekerId = await newSeeker();
    const id = (await app.http.post('/api/v1/applications').send({ seekerId, jobId }).expect(201)).body.data.id as number;
    await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'trial', trialStartsOn: '2026-03-02', trialEndsOn: '2026-03-16' }).expect(200);
    return { id, seekerId };
  }

  it('is one transaction: hired, one opening fewer (closed at zero), seeker employed, follow-ups at 1, 3, 6 and 12 months', async () => {
    at('2026-01-31T02:00:00.000Z');
    const jobId = await newJob({ openings: 1 });
    const { id, seekerId } = await inTrial(jobId);
    expect(stageOf(seekerId)).toBe('in_adaptation');
    const res = await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'hired' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'hired', hiredOn: '2026-01-31' });
    const job = (await app.http.get(`/api/v1/jobs/${jobId}`)).body.data;
    expect(job).toMatchObject({ openings: 0, status: 'closed' });
    expect(stageOf(seekerId)).toBe('employed');
    const fus = (await app.http.get(`/api/v1/applications/${id}/follow-ups`)).body.data;
    expect(fus.map((f: { monthsAfterHire: number; dueOn: string }) => [f.monthsAfterHire, f.dueOn])).toEqual([
      [1, '2026-02-28'],
      [3, '2026-04-30'],
      [6, '2026-07-31'],
      [12, '2027-01-31'],
    ]);
    at('2026-03-01T02:00:00.000Z');
  });

  it('leaves nothing changed when it fails part-way', async () => {
    const jobId = await newJob({ openings: 1 });
    const { id, seekerId } = await inTrial(jobId);
    const counts = () => ['follow_ups', 'pipeline_events', 'application_events'].map((t) => rowCount(app.db, t));
    const before = counts();
    app.db.$client.exec("CREATE TRIGGER fail_follow_ups BEFORE INSERT ON follow_ups BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
    try {
      const res = await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'hired' });
      expect(res.status).toBe(500);
    } finally {
      app.db.$client.exec('DROP TRIGGER fail_follow_ups');
    }
    expect(counts()).toEqual(before);
    expect((await app.http.get(`/api/v1/jobs/${jobId}`)).body.data).toMatchObject({ openings: 1, status: 'open' });
    expect((await app.http.get(`/api/v1/applications/${id}`)).body.data.status).toBe('trial');
    expect(stageOf(seekerId)).toBe('in_adaptation');
    expect((await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'hired' })).status).toBe(200);
  });

  it('two hires racing for the last opening, from two server processes at once: exactly one succeeds, the other gets 409', async () => {
    // Ten jobs with one opening and two candidates in trial each. The two hires of each job go
    // at the same moment to two different processes (two SQLite connections to one file).
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const jobId = await newJob({ openings: 1 });
      pairs.push([jobId, (await inTrial(jobId)).id, (await inTrial(jobId)).id]);
    }
    let results: { status: number }[] = [];
    const second = spawn(process.execPath, ['--import', 'tsx', 'test/support/serve.ts', app.db.$client.name], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        second.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
        second.once('exit', (code) => reject(new Error(`second server exited ${code}`)));
      });
      const cookie = (await employer.agent.jar.getCookie('ab_session', { domain: '127.0.0.1', path: '/', secure: false, script: false }))!;
      const csrf = (await employer.get('/api/v1/auth/session')).body.data.csrfToken as string;
      const viaSecond = (id: number) =>
        fetch(`http://127.0.0.1:${port}/api/v1/applications/${id}/status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `ab_session=${cookie.value}`, 'X-CSRF-Token': csrf },
          body: JSON.stringify({ status: 'hired' }),
        }).then((r) => ({ status: r.status }));
      results = await Promise.all(
        pairs.flatMap(([, a, b]) => [employer.post(`/api/v1/applications/${a}/status`).send({ status: 'hired' }).then((r) => ({ status: r.status })), viaSecond(b)]),
      );
    } finally {
      second.kill('SIGTERM');
    }
    for (let i = 0; i < pairs.length; i++) {
      const statuses = [results[2 * i]!.status, results[2 * i + 1]!.status].sort();
      expect(statuses).toEqual([200, 409]);
      const job = (await app.http.get(`/api/v1/jobs/${pairs[i]![0]}`)).body.data;
      expect(job).toMatchObject({ openings: 0, status: 'closed' });
    }
    const hired = app.db.$client.prepare(`SELECT count(*) n FROM applications WHERE status = 'hired' AND job_id IN (${pairs.map((p) => p[0]).join(',')})`).get() as { n: number };
    expect(hired.n).toBe(10);
  });
});

describe('the pipeline stage machine', () => {
  /** The shortest path of allowed moves from registered to `stage`. */
  function pathTo(stage: PipelineStage): PipelineStage[] {
    const queue: PipelineStage[][] = [['registered']];
    while (queue.length) {
      const p = queue.shift()!;
      if (p.at(-1) === stage) return p.slice(1);
      for (const n of NEXT_STAGES[p.at(-1)!]) if (!p.includes(n)) queue.push([...p, n]);
    }
    throw new Error(`unreachable ${stage}`);
  }

  it('allows exactly the moves of the machine, each recorded with who and why', async () => {
    const wrong: string[] = [];
    for (const from of PIPELINE_STAGE_CODES) {
      for (const to of PIPELINE_STAGE_CODES) {
        const seekerId = await newSeeker();
        for (const step of pathTo(from)) await app.http.post(`/api/v1/seekers/${seekerId}/stage`).send({ to: step, reason: 'setup' }).expect(200);
        const res = await app.http.post(`/api/v1/seekers/${seekerId}/stage`).send({ to, reason: 'case' });
        const expected = canMove(from, to) ? 200 : 409;
        if (res.status !== expected) wrong.push(`${from} → ${to}: ${res.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
    const seekerId = await newSeeker();
    await app.http.post(`/api/v1/seekers/${seekerId}/stage`).send({ to: 'assessed', reason: '技能与需求评估完成' }).expect(200);
    const timeline = (await app.http.get(`/api/v1/seekers/${seekerId}/timeline`)).body.data;
    expect(timeline.map((e: { kind: string; to: string; reason: string; byUserId: number | null }) => [e.kind, e.to, e.reason, e.byUserId])).toEqual([
      ['stage', 'registered', 'registered', app.http.userId],
      ['stage', 'assessed', '技能与需求评估完成', app.http.userId],
    ]);
  }, 120_000);

  it('enrollments drive the training stages; a reason is required for a manual move', async () => {
    const seekerId = await newSeeker();
    const course = (await app.http.post('/api/v1/courses').send(buildCourse({ capacity: 100 })).expect(201)).body.data.id;
    const e = (await app.http.post('/api/v1/enrollments').send({ seekerId, courseId: course }).expect(201)).body.data.id;
    expect(stageOf(seekerId)).toBe('in_training');
    await app.http.patch(`/api/v1/enrollments/${e}`).send({ status: 'completed', completedOn: '2026-03-01' }).expect(200);
    expect(stageOf(seekerId)).toBe('trained');
    expect((await app.http.post(`/api/v1/seekers/${seekerId}/stage`).send({ to: 'withdrawn' })).status).toBe(422);
  });
});

describe('staff views: funnel, responsiveness, reminders, board', () => {
  let fixture: Record<string, number>;

  it('computes the funnel and responsiveness of a hand-computed fixture', async () => {
    // A fresh world: its own member and jobs; seekers A–D registered on 2026-06-01.
    at('2026-06-01T02:00:00.000Z');
    const m1 = (await app.http.post('/api/v1/alliance-members').send(buildMember({ name: '响应快的单位' })).expect(201)).body.data.id;
    const m2 = (await app.http.post('/api/v1/alliance-members').send(buildMember({ name: '响应慢的单位' })).expect(201)).body.data.id;
    const e1 = await app.signIn({ username: 'fixture-e1', role: 'employer', memberId: m1 });
    const e2 = await app.signIn({ username: 'fixture-e2', role: 'employer', memberId: m2 });
    const j1 = (await e1.post('/api/v1/jobs').send(buildJob(m1, { openings: 5 })).expect(201)).body.data.id;
    const j2 = (await e2.post('/api/v1/jobs').send(buildJob(m2, { openings: 5 })).expect(201)).body.data.id;
    const street = 'biling';
    const [A, B, C, D] = [await newSeeker({ street }), await newSeeker({ street }), await newSeeker({ street }), await newSeeker({ street })] as [number, number, number, number];
    const course = (await app.http.post('/api/v1/courses').send(buildCourse({ capacity: 100 })).expect(201)).body.data.id;
    const stage = (id: number, to: string) => app.http.post(`/api/v1/seekers/${id}/stage`).send({ to, reason: 'fixture' }).expect(200);

    at('2026-06-03T02:00:00.000Z'); await stage(B, 'assessed');
    at('2026-06-05T02:00:00.000Z'); await stage(A, 'assessed');
    at('2026-06-10T02:00:00.000Z');
    const enr = (await app.http.post('/api/v1/enrollments').send({ seekerId: A, courseId: course }).expect(201)).body.data.id;
    at('2026-06-11T02:00:00.000Z'); await stage(C, 'assessed');
    at('2026-06-25T02:00:00.000Z');
    const appB = (await app.http.post('/api/v1/applications').send({ seekerId: B, jobId: j2 }).expect(201)).body.data.id;
    at('2026-07-02T02:00:00.000Z');
    await e2.post(`/api/v1/applications/${appB}/status`).send({ status: 'trial', trialStartsOn: '2026-07-02', trialEndsOn: '2026-07-16' }).expect(200);
    at('2026-07-10T02:00:00.000Z');
    await app.http.patch(`/api/v1/enrollments/${enr}`).send({ status: 'completed', completedOn: '2026-07-10' }).expect(200);
    at('2026-07-16T02:00:00.000Z');
    await e2.post(`/api/v1/applications/${appB}/status`).send({ status: 'rejected', reason: '试岗后不合适' }).expect(200);
    at('2026-07-20T02:00:00.000Z');
    const appA = (await app.http.post('/api/v1/applications').send({ seekerId: A, jobId: j1 }).expect(201)).body.data.id;
    at('2026-07-22T02:00:00.000Z');
    await e1.post(`/api/v1/applications/${appA}/status`).send({ status: 'interviewing' }).expect(200);
    at('2026-07-31T02:00:00.000Z');
    await e1.post(`/api/v1/applications/${appA}/status`).send({ status: 'trial', trialStartsOn: '2026-07-31', trialEndsOn: '2026-08-20' }).expect(200);
    at('2026-08-01T02:00:00.000Z');
    await app.http.post('/api/v1/applications').send({ seekerId: C, jobId: j1 }).expect(201);
    await e1.post(`/api/v1/jobs/${j1}/invitations`).send({ seekerId: D }).expect(201);
    at('2026-08-20T02:00:00.000Z');
    await e1.post(`/api/v1/applications/${appA}/status`).send({ status: 'hired' }).expect(200);
    const fus = (await app.http.get(`/api/v1/applications/${appA}/follow-ups`)).body.data as { id: number; monthsAfterHire: number }[];
    // Continued employment cannot be confirmed before the follow-up is due.
    expect((await app.http.post(`/api/v1/follow-ups/${fus[0]!.id}/outcome`).send({ outcome: 'still_employed' })).status).toBe(409);
    at('2027-02-20T02:00:00.000Z');
    for (const f of fus.filter((f) => f.monthsAfterHire <= 6)) await app.http.post(`/api/v1/follow-ups/${f.id}/outcome`).send({ outcome: 'still_employed' }).expect(200);
    fixture = { A, B, C, D, m1, m2, appA, appB };

    // By hand: registered A B C D (4); assessed A B C (3, B twice); in training A; trained A;
    // adaptation A, B; employed A; stably employed A.
    // Days: registered→assessed A 4, B 2, C 10 → median 4; assessed→training A 5;
    // training→trained 30; trained→adaptation A 21; adaptation→employed A 20; employed→stable 184.
    const funnel = (await app.http.get(`/api/v1/pipeline/funnel?from=2026-06-01&to=2027-03-01&street=${street}`)).body.data;
    expect(funnel.stages).toEqual([
      { stage: 'registered', reached: 4, conversionToNext: 0.75, medianDaysToNext: 4 },
      { stage: 'assessed', reached: 3, conversionToNext: 0.333, medianDaysToNext: 5 },
      { stage: 'in_training', reached: 1, conversionToNext: 1, medianDaysToNext: 30 },
      { stage: 'trained', reached: 1, conversionToNext: 1, medianDaysToNext: 21 },
      { stage: 'in_adaptation', reached: 2, conversionToNext: 0.5, medianDaysToNext: 20 },
      { stage: 'employed', reached: 1, conversionToNext: 1, medianDaysToNext: 184 },
      { stage: 'stably_employed', reached: 1, conversionToNext: null, medianDaysToNext: null },
    ]);
    // A later window sees only what happened in it.
    const late = (await app.http.get(`/api/v1/pipeline/funnel?from=2026-08-01&to=2027-03-01&street=${street}`)).body.data;
    expect(late.stages.map((s: { reached: number }) => s.reached)).toEqual([0, 0, 0, 0, 0, 1, 1]);

    // m1: A answered in 48 h, C never (older than 7 days) → median 48 h, 1 of 2 unanswered.
    // m2: B answered after exactly 7 days (168 h) → in time. D's invitation does not count.
    const resp = (await app.http.get('/api/v1/pipeline/responsiveness?from=2026-06-01&to=2026-12-31')).body.data;
    expect(resp.find((r: { memberId: number }) => r.memberId === m1)).toEqual({ memberId: m1, memberName: '响应快的单位', applications: 2, answered: 1, medianHoursToFirstResponse: 48, olderThan7Days: 2, unansweredAfter7Days: 1, shareUnansweredAfter7Days: 0.5 });
    expect(resp.find((r: { memberId: number }) => r.memberId === m2)).toEqual({ memberId: m2, memberName: '响应慢的单位', applications: 1, answered: 1, medianHoursToFirstResponse: 168, olderThan7Days: 1, unansweredAfter7Days: 0, shareUnansweredAfter7Days: 0 });
  });

  it('moves a seeker who left the job back to assessed, with the reason', async () => {
    const fus = (await app.http.get(`/api/v1/applications/${fixture.appA}/follow-ups`)).body.data as { id: number; monthsAfterHire: number }[];
    const twelve = fus.find((f) => f.monthsAfterHire === 12)!;
    expect((await app.http.post(`/api/v1/follow-ups/${twelve.id}/outcome`).send({ outcome: 'left' })).status).toBe(422);
    await app.http.post(`/api/v1/follow-ups/${twelve.id}/outcome`).send({ outcome: 'left', reason: '搬家到外地' }).expect(200);
    expect(stageOf(fixture.A!)).toBe('assessed');
    expect((await app.http.post(`/api/v1/follow-ups/${twelve.id}/outcome`).send({ outcome: 'left', reason: 'again' })).status).toBe(409);
    const timeline = (await app.http.get(`/api/v1/seekers/${fixture.A}/timeline`)).body.data;
    expect(timeline.at(-1)).toMatchObject({ kind: 'follow_up', monthsAfterHire: 12, outcome: 'left', reason: '搬家到外地' });
  });

  it('cancels the later follow-ups of someone who left the job', async () => {
    at('2026-09-10T02:00:00.000Z');
    const jobId = await newJob();
    const seekerId = await newSeeker();
    const id = (await app.http.post('/api/v1/applications').send({ seekerId, jobId }).expect(201)).body.data.id;
    await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'trial', trialStartsOn: '2026-09-10', trialEndsOn: '2026-09-20' }).expect(200);
    await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'hired' }).expect(200);
    const [first] = (await app.http.get(`/api/v1/applications/${id}/follow-ups`)).body.data as { id: number }[];
    await app.http.post(`/api/v1/follow-ups/${first!.id}/outcome`).send({ outcome: 'left', reason: '身体原因' }).expect(200);
    const left = (await app.http.get(`/api/v1/applications/${id}/follow-ups`)).body.data;
    expect(left.map((f: { monthsAfterHire: number; outcome: string }) => [f.monthsAfterHire, f.outcome])).toEqual([[1, 'left']]);
    expect(stageOf(seekerId)).toBe('assessed');
  });

  it('lists trials ending within 3 days, overdue follow-ups and missing trial assessments', async () => {
    at('2026-09-01T02:00:00.000Z');
    const jobId = await newJob();
    const seekerId = await newSeeker();
    const seeker = await app.signIn({ username: 'trialist', role: 'seeker', seekerId });
    const id = (await seeker.post('/api/v1/applications').send({ jobId }).expect(201)).body.data.id;
    await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'trial', trialStartsOn: '2026-09-01', trialEndsOn: '2026-09-03' }).expect(200);
    let r = (await app.http.get('/api/v1/pipeline/reminders')).body.data;
    expect(r.trialsEndingSoon.map((t: { applicationId: number }) => t.applicationId)).toContain(id);
    at('2026-09-06T02:00:00.000Z');
    r = (await app.http.get('/api/v1/pipeline/reminders')).body.data;
    expect(r.trialsEndingSoon.map((t: { applicationId: number }) => t.applicationId)).not.toContain(id);
    expect(r.assessmentsOverdue.map((t: { applicationId: number }) => t.applicationId)).toContain(id);
    await seeker.post(`/api/v1/applications/${id}/assessment`).send({ assessment: '同事很友善，工作能胜任。' }).expect(200);
    await employer.post(`/api/v1/applications/${id}/assessment`).send({ assessment: '工作认真，建议录用。' }).expect(200);
    r = (await app.http.get('/api/v1/pipeline/reminders')).body.data;
    expect(r.assessmentsOverdue.map((t: { applicationId: number }) => t.applicationId)).not.toContain(id);
    await employer.post(`/api/v1/applications/${id}/status`).send({ status: 'hired' }).expect(200);
    at('2026-10-07T02:00:00.000Z');
    r = (await app.http.get('/api/v1/pipeline/reminders')).body.data;
    const due = r.followUpsDue.find((f: { applicationId: number }) => f.applicationId === id);
    expect(due).toMatchObject({ monthsAfterHire: 1, dueOn: '2026-10-06', overdue: true });
    // Reminders go out once per item and person.
    expect(app.services.pipeline.sendReminders()).toBeGreaterThan(0);
    expect(app.services.pipeline.sendReminders()).toBe(0);
    const staffReminders = app.db.$client.prepare("SELECT json_extract(payload, '$.key') k FROM notifications WHERE user_id = ? AND kind = 'reminder'").all(app.http.userId) as { k: string }[];
    expect(staffReminders.map((x) => x.k)).toContain(`follow-up-due:${due.followUpId}`);
  });

  it('shows the board per stage with filters', async () => {
    const board = (await app.http.get(`/api/v1/pipeline/board?street=biling&memberId=${fixture.m1}`)).body.data as { stage: string; count: number; seekers: { id: number }[] }[];
    const byStage = Object.fromEntries(board.map((b) => [b.stage, b.seekers.map((s) => s.id)]));
    expect(byStage.assessed).toEqual(expect.arrayContaining([fixture.A, fixture.C]));
    expect(byStage.registered).toEqual([fixture.D]);
    expect(board.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it('counts a stage entered twice once, follows a step back and on, and orders events of one instant by id', async () => {
    // 2027, street shijing: nobody else's events. X: registered Jan 1, assessed Jan 2, training
    // Jan 5, back to assessed Jan 9, training again Jan 20, trained Jan 31. Y: registered Jan 1;
    // trial and hire at the same instant on Feb 1 (adaptation, then employed, 0 days apart).
    const street = 'shijing';
    at('2027-01-01T02:00:00.000Z');
    const [X, Y] = [await newSeeker({ street }), await newSeeker({ street })] as [number, number];
    const move = async (id: number, to: string, day: string) => {
      at(`${day}T02:00:00.000Z`);
      await app.http.post(`/api/v1/seekers/${id}/stage`).send({ to, reason: 'fixture' }).expect(200);
    };
    await move(X, 'assessed', '2027-01-02');
    await move(X, 'in_training', '2027-01-05');
    await move(X, 'assessed', '2027-01-09');
    await move(X, 'in_training', '2027-01-20');
    await move(X, 'trained', '2027-01-31');
    at('2027-02-01T02:00:00.000Z');
    const a = (await app.http.post('/api/v1/applications').send({ seekerId: Y, jobId: await newJob() }).expect(201)).body.data.id;
    await employer.post(`/api/v1/applications/${a}/status`).send({ status: 'trial', trialStartsOn: '2027-02-01', trialEndsOn: '2027-02-01' }).expect(200);
    await employer.post(`/api/v1/applications/${a}/status`).send({ status: 'hired' }).expect(200);
    const funnel = async (from: string, to: string) => (await app.http.get(`/api/v1/pipeline/funnel?from=${from}&to=${to}&street=${street}`)).body.data.stages;

    // From Jan 8: X reached assessed (Jan 9: the first entry, Jan 2, is before the window) then
    // training 11 days later, then trained 11 days after that; registered→assessed is 8 days
    // (Jan 1 → Jan 9). Y: adaptation → employed in 0 days. X never reached adaptation.
    expect(await funnel('2027-01-08', '2027-12-31')).toEqual([
      { stage: 'registered', reached: 0, conversionToNext: null, medianDaysToNext: 8 },
      { stage: 'assessed', reached: 1, conversionToNext: 1, medianDaysToNext: 11 },
      { stage: 'in_training', reached: 1, conversionToNext: 1, medianDaysToNext: 11 },
      { stage: 'trained', reached: 1, conversionToNext: 0, medianDaysToNext: null },
      { stage: 'in_adaptation', reached: 1, conversionToNext: 1, medianDaysToNext: 0 },
      { stage: 'employed', reached: 1, conversionToNext: 0, medianDaysToNext: null },
      { stage: 'stably_employed', reached: 0, conversionToNext: null, medianDaysToNext: null },
    ]);
    // Jan 4–12: X entered training (Jan 5, 3 days after assessed on Jan 2) before assessed again
    // (Jan 9): both stages reached in the window, so the conversion is 1 all the same.
    expect(await funnel('2027-01-04', '2027-01-12')).toEqual([
      { stage: 'registered', reached: 0, conversionToNext: null, medianDaysToNext: 8 },
      { stage: 'assessed', reached: 1, conversionToNext: 1, medianDaysToNext: 3 },
      { stage: 'in_training', reached: 1, conversionToNext: 0, medianDaysToNext: null },
      { stage: 'trained', reached: 0, conversionToNext: null, medianDaysToNext: null },
      { stage: 'in_adaptation', reached: 0, conversionToNext: null, medianDaysToNext: null },
      { stage: 'employed', reached: 0, conversionToNext: null, medianDaysToNext: null },
      { stage: 'stably_employed', reached: 0, conversionToNext: null, medianDaysToNext: null },
    ]);
  });
});
