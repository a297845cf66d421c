import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildJob, buildMember } from '../support/factories.js';
import { rowCount, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let memberId: number;
let otherMemberId: number;
beforeAll(async () => {
  app = await startTestApp();
  memberId = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
  otherMemberId = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
});
afterAll(() => app.close());

const countAll = () => ['jobs', 'job_skills', 'job_accommodations', 'job_courses'].map((t) => rowCount(app.db, t));

describe('the job-supply library: jobs', () => {
  it('round-trip: post with skills, courses and accommodations; read; patch; close; reopen; archive', async () => {
    const course = (await app.http.post('/api/v1/courses').send(buildCourse())).body.data;
    const posted = await app.http.post('/api/v1/jobs').send(buildJob(memberId, { requiredCourseIds: [course.id], accommodations: ['screen_reader', 'remote_work'] }));
    expect(posted.status).toBe(201);
    const job = posted.body.data;
    expect(job).toMatchObject({
      memberId,
      status: 'open',
      verified: false,
      reserved: true,
      openings: 2,
      requiredSkills: ['电商客服'],
      preferredSkills: ['办公软件'],
      requiredCourseIds: [course.id],
      accommodations: ['remote_work', 'screen_reader'],
    });
    expect((await app.http.get(`/api/v1/jobs/${job.id}`)).body.data).toEqual(job);

    const patched = await app.http.patch(`/api/v1/jobs/${job.id}`).send({ openings: 3, accommodations: ['screen_reader', 'remote_work', 'flexible_hours'] });
    expect(patched.body.data).toMatchObject({ openings: 3, requiredSkills: ['电商客服'], requiredCourseIds: [course.id] });
    expect(patched.body.data.accommodations).toEqual(['flexible_hours', 'remote_work', 'screen_reader']);

    const closed = await app.http.post(`/api/v1/jobs/${job.id}/close`);
    expect(closed.body.data.status).toBe('closed');
    expect(closed.body.data.closedAt).not.toBeNull();
    expect((await app.http.post(`/api/v1/jobs/${job.id}/close`)).status).toBe(409);
    const reopened = await app.http.post(`/api/v1/jobs/${job.id}/reopen`).send({ openings: 5 });
    expect(reopened.body.data).toMatchObject({ status: 'open', openings: 5, closedAt: null });
    expect((await app.http.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(409);
    expect((await app.http.post(`/api/v1/jobs/${job.id}/archive`)).body.data.status).toBe('archived');
    expect((await app.http.patch(`/api/v1/jobs/${job.id}`).send({ title: '新标题' })).status).toBe(409);
    expect((await app.http.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(409);
  });

  it('tells listeners of a change only after it committed', async () => {
    const heard: string[] = [];
    app.services.events.subscribe((e) => heard.push(`${e.type}:${e.change}:${app.services.jobs.get(e.id).title}:${rowCount(app.db, 'jobs')}`));
    const before = rowCount(app.db, 'jobs');
    await app.http.post('/api/v1/jobs').send(buildJob(memberId, { title: '听到的岗位' })).expect(201);
    await app.http.post('/api/v1/jobs').send(buildJob(memberId, { salaryMin: 9000, salaryMax: 1000 })).expect(422);
    expect(heard).toEqual([`job:posted:听到的岗位:${before + 1}`]);
  });

  it('rejects min salary above max, unknown member and course, a skill both required and preferred — writing nothing', async () => {
    const before = countAll();
    const res = await app.http.post('/api/v1/jobs?lang=en').send(
      buildJob(424242, { salaryMin: 8000, salaryMax: 5000, requiredCourseIds: [999], requiredSkills: ['会计'], preferredSkills: ['会计'] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: 'salaryMin', message: 'Minimum monthly salary must not exceed the maximum salary.' },
      { path: 'preferredSkills.0', message: 'Preferred skills (item 1) contains duplicates.' },
      { path: 'requiredCourseIds.0', message: 'Required courses (item 1) does not exist (id 999).' },
      { path: 'memberId', message: 'Alliance member does not exist (id 424242).' },
    ]);
    expect(countAll()).toEqual(before);
  });

  it('checks min ≤ max against the stored value on a partial update', async () => {
    const job = (await app.http.post('/api/v1/jobs').send(buildJob(memberId, { salaryMin: 4000, salaryMax: 5000 }))).body.data;
    const res = await app.http.patch(`/api/v1/jobs/${job.id}`).send({ salaryMin: 6000 });
    expect(res.status).toBe(422);
    expect((await app.http.get(`/api/v1/jobs/${job.id}`)).body.data.salaryMin).toBe(4000);
  });

  it('refuses openings below 1, an employer-set verified flag, and a job for an archived member', async () => {
    expect((await app.http.post('/api/v1/jobs').send(buildJob(memberId, { openings: 0 }))).status).toBe(422);
    expect((await app.http.post('/api/v1/jobs').send(buildJob(memberId, { verified: true }))).status).toBe(422);
    const gone = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
    await app.http.post(`/api/v1/alliance-members/${gone}/archive`).expect(200);
    const before = countAll();
    expect((await app.http.post('/api/v1/jobs').send(buildJob(gone))).status).toBe(409);
    expect(countAll()).toEqual(before);
  });

  it('lists with filters: member, status, street, accommodation, skill (zh or en name), work mode', async () => {
    const a = (await app.http.post('/api/v1/jobs').send(buildJob(otherMemberId, { title: '数据标注员', street: 'biling', requiredSkills: ['数据标注'], preferredSkills: [], accommodations: ['remote_work', 'text_communication'] }))).body.data;
    const b = (await app.http.post('/api/v1/jobs').send(buildJob(otherMemberId, { title: '仓储分拣员', street: 'kengzi', workMode: 'onsite', requiredSkills: ['仓储分拣'], preferredSkills: [], accommodations: ['visual_alerts'] }))).body.data;
    await app.http.post(`/api/v1/jobs/${b.id}/close`).expect(200);

    const titles = async (q: string) => (await app.http.get(`/api/v1/jobs?${q}`)).body.data.map((j: { title: string }) => j.title);
    expect(await titles(`memberId=${otherMemberId}`)).toEqual(['数据标注员', '仓储分拣员']);
    expect(await titles(`memberId=${otherMemberId}&status=open`)).toEqual(['数据标注员']);
    expect(await titles(`memberId=${otherMemberId}&street=kengzi`)).toEqual(['仓储分拣员']);
    expect(await titles('accommodation=remote_work&accommodation=text_communication')).toEqual(['数据标注员']);
    expect(await titles('skill=data%20labeling')).toEqual(['数据标注员']);
    expect(await titles(`memberId=${otherMemberId}&workMode=onsite`)).toEqual(['仓储分拣员']);
    expect(a.id).toBeLessThan(b.id);
    expect((await app.http.get('/api/v1/jobs?accommodation=ramp')).status).toBe(422);
  });
});
