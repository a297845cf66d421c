import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildProject, buildSeeker } from '../support/factories.js';
import { rowCount, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('the entrepreneurship-project library', () => {
  it('round-trip, close, reopen, archive', async () => {
    const created = await app.http.post('/api/v1/projects').send(buildProject({ fundingAmount: 50000 }));
    expect(created.status).toBe(201);
    const p = created.body.data;
    expect(p).toMatchObject({ sector: '餐饮', status: 'open', skills: ['烘焙'], supports: ['venue', 'funding'], fundingAmount: 50000, memberId: null });
    expect((await app.http.get(`/api/v1/projects/${p.id}`)).body.data).toEqual(p);
    const patched = await app.http.patch(`/api/v1/projects/${p.id}`).send({ capacity: 8 });
    expect(patched.body.data).toMatchObject({ capacity: 8, skills: ['烘焙'] });
    expect((await app.http.post(`/api/v1/projects/${p.id}/close`)).body.data.status).toBe('closed');
    expect((await app.http.post(`/api/v1/projects/${p.id}/close`)).status).toBe(409);
    expect((await app.http.post(`/api/v1/projects/${p.id}/reopen`)).body.data.status).toBe('open');
    expect((await app.http.post(`/api/v1/projects/${p.id}/archive`)).body.data.status).toBe('archived');
    expect((await app.http.patch(`/api/v1/projects/${p.id}`).send({ capacity: 2 })).status).toBe(409);
  });

  it('rejects bad input by field and writes nothing', async () => {
    const before = rowCount(app.db, 'projects');
    const res = await app.http.post('/api/v1/projects').send(buildProject({ supports: ['cash'], capacity: 0, memberId: 9999 }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['capacity', 'supports.0']);
    const unknownMember = await app.http.post('/api/v1/projects').send(buildProject({ memberId: 9999 }));
    expect(unknownMember.status).toBe(422);
    expect(unknownMember.body.error.fields[0].path).toBe('memberId');
    expect(rowCount(app.db, 'projects')).toBe(before);
  });

  it('lists by sector and status', async () => {
    await app.http.post('/api/v1/projects').send(buildProject({ sector: '电商', title: '非遗文创网店' })).expect(201);
    const closed = (await app.http.post('/api/v1/projects').send(buildProject({ sector: '电商', title: '助农直播间' }))).body.data;
    await app.http.post(`/api/v1/projects/${closed.id}/close`).expect(200);
    const titles = async (q: string) => (await app.http.get(`/api/v1/projects?${q}`)).body.data.map((p: { title: string }) => p.title);
    expect(await titles(`sector=${encodeURIComponent('电商')}`)).toEqual(['非遗文创网店', '助农直播间']);
    expect(await titles(`sector=${encodeURIComponent('电商')}&status=closed`)).toEqual(['助农直播间']);
  });
});

describe('the training catalogue and enrollments', () => {
  it('courses round-trip, refuse a duplicate code and an end before the start', async () => {
    const c = (await app.http.post('/api/v1/courses').send(buildCourse({ code: 'MAS-201', titleZh: '盲人保健按摩师证书班', skills: ['盲人按摩'] }))).body.data;
    expect(c).toMatchObject({ code: 'MAS-201', status: 'open', skills: ['盲人按摩'] });
    expect((await app.http.get(`/api/v1/courses/${c.id}`)).body.data).toEqual(c);
    expect((await app.http.patch(`/api/v1/courses/${c.id}`).send({ capacity: 30 })).body.data.capacity).toBe(30);
    expect((await app.http.post('/api/v1/courses').send(buildCourse({ code: 'MAS-201' }))).status).toBe(409);
    const bad = await app.http.post('/api/v1/courses?lang=en').send(buildCourse({ startsOn: '2026-05-01', endsOn: '2026-04-01' }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual([{ path: 'endsOn', message: 'End date must not be before the start date.' }]);
    const bySkill = await app.http.get(`/api/v1/courses?skill=${encodeURIComponent('推拿')}`);
    expect(bySkill.body.data.map((x: { code: string }) => x.code)).toEqual(['MAS-201']);
  });

  it('enroll → complete; duplicates, full courses and invalid transitions are conflicts', async () => {
    const seeker = (await app.http.post('/api/v1/seekers').send(buildSeeker())).body.data;
    const other = (await app.http.post('/api/v1/seekers').send(buildSeeker())).body.data;
    const course = (await app.http.post('/api/v1/courses').send(buildCourse({ capacity: 1 }))).body.data;

    const e = await app.http.post('/api/v1/enrollments').send({ seekerId: seeker.id, courseId: course.id, enrolledOn: '2026-03-01' });
    expect(e.status).toBe(201);
    expect(e.body.data).toMatchObject({ status: 'enrolled', enrolledOn: '2026-03-01', completedOn: null });
    expect((await app.http.post('/api/v1/enrollments').send({ seekerId: seeker.id, courseId: course.id })).status).toBe(409);
    const full = await app.http.post('/api/v1/enrollments').send({ seekerId: other.id, courseId: course.id });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('操作与当前状态冲突：该课程名额已满。');

    const noDate = await app.http.patch(`/api/v1/enrollments/${e.body.data.id}`).send({ status: 'completed' });
    expect(noDate.status).toBe(422);
    expect(noDate.body.error.fields[0].path).toBe('completedOn');
    const done = await app.http.patch(`/api/v1/enrollments/${e.body.data.id}`).send({ status: 'completed', completedOn: '2026-04-20', result: '合格' });
    expect(done.body.data).toMatchObject({ status: 'completed', completedOn: '2026-04-20', result: '合格' });
    const back = await app.http.patch(`/api/v1/enrollments/${e.body.data.id}?lang=en`).send({ status: 'enrolled' });
    expect(back.status).toBe(409);
    expect(back.body.error.message).toBe('This conflicts with the current state: an enrollment cannot go from "completed" to "taking part".');
    const backZh = await app.http.patch(`/api/v1/enrollments/${e.body.data.id}`).send({ status: 'enrolled' });
    expect(backZh.body.error.message).toContain('报名状态不能从“已结业”改为“在读”。');

    const record = (await app.http.get(`/api/v1/seekers/${seeker.id}`)).body.data.enrollments;
    expect(record).toEqual([{ id: e.body.data.id, courseId: course.id, status: 'completed', enrolledOn: '2026-03-01', completedOn: '2026-04-20' }]);
    const listed = await app.http.get(`/api/v1/enrollments?seekerId=${seeker.id}&status=completed`);
    expect(listed.body.page.total).toBe(1);
  });

  it('names unknown seeker and course together and writes nothing', async () => {
    const before = rowCount(app.db, 'enrollments');
    const res = await app.http.post('/api/v1/enrollments').send({ seekerId: 9999, courseId: 8888, enrolledOn: '2026-02-30' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['enrolledOn']);
    const res2 = await app.http.post('/api/v1/enrollments').send({ seekerId: 9999, courseId: 8888 });
    expect(res2.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['seekerId', 'courseId']);
    expect(rowCount(app.db, 'enrollments')).toBe(before);
  });
});
