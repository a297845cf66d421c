import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildJob, buildMember, buildSeeker } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const ids = {} as Record<string, number>;

interface JobMatch {
  job: { id: number; title: string };
  score: number;
  parts: Record<string, number>;
  weights: Record<string, number>;
  reasons: { zh: string; en: string }[];
  gaps: { zh: string; en: string }[];
}

const post = async (path: string, body: object) => {
  const res = await app.http.post(path).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id as number;
};
const matches = async (seekerId: number, q = '') => (await app.http.get(`/api/v1/seekers/${seekerId}/matches?limit=50${q}`)).body.data as JobMatch[];
const titles = (ms: JobMatch[]) => ms.map((m) => m.job.title);

beforeAll(async () => {
  app = await startTestApp();
  const member = await post('/api/v1/alliance-members', buildMember());
  ids.massageCourse = await post('/api/v1/courses', buildCourse({ code: 'MAS-201', titleZh: '盲人保健按摩师证书班', titleEn: 'Certified massage therapy', skills: ['盲人按摩'] }));
  ids.annotationCourse = await post('/api/v1/courses', buildCourse({ code: 'ANN-101', titleZh: '数据标注实务', titleEn: 'Data annotation in practice', skills: ['数据标注'] }));
  ids.massage = await post('/api/v1/jobs', buildJob(member, { title: '保健按摩师', street: 'pingshan', workMode: 'onsite', requiredSkills: ['盲人按摩'], preferredSkills: [], requiredCourseIds: [ids.massageCourse], accommodations: ['braille', 'screen_reader', 'accessible_commute'] }));
  ids.warehouse = await post('/api/v1/jobs', buildJob(member, { title: '仓储分拣员', street: 'kengzi', workMode: 'onsite', requiredSkills: ['仓储分拣'], preferredSkills: [], accommodations: ['visual_alerts'] }));
  ids.annotation = await post('/api/v1/jobs', buildJob(member, { title: '数据标注员', street: 'biling', workMode: 'remote', requiredSkills: ['数据标注'], preferredSkills: [], requiredCourseIds: [ids.annotationCourse], accommodations: ['remote_work', 'text_communication'] }));
  ids.masseur = await post('/api/v1/seekers', buildSeeker({ disabilityCategory: 1, disabilityLevel: 1, street: 'pingshan', workModes: ['onsite'], skills: [{ skill: '推拿' }], needs: [{ code: 'braille', strength: 'must' }] }));
  const e = (await app.http.post('/api/v1/enrollments').send({ seekerId: ids.masseur, courseId: ids.massageCourse, enrolledOn: '2026-03-01' })).body.data.id;
  await app.http.patch(`/api/v1/enrollments/${e}`).send({ status: 'completed', completedOn: '2026-06-01' }).expect(200);
  ids.wheelchair = await post('/api/v1/seekers', buildSeeker({ disabilityCategory: 4, disabilityLevel: 1, street: 'kengzi', workModes: ['onsite', 'remote'], skills: [{ skill: 'data annotation' }, { skill: '仓储分拣' }], needs: [{ code: 'step_free_access', strength: 'must' }] }));
  ids.private = await post('/api/v1/seekers', buildSeeker({ disabilityCategory: 4, disabilityLevel: 3, workModes: ['remote'], skills: [{ skill: '数据标注' }], needs: [], consents: { sensitiveData: true, matchAlerts: true, shareWithEmployers: false, textVersion: '2026-01' } }));
});
afterAll(() => app.close());

describe('matches over HTTP, on the live index', () => {
  it('ranks the massage job first for the blind masseur who completed the certification course, and explains why in zh and en', async () => {
    const ms = await matches(ids.masseur!);
    expect(titles(ms)[0]).toBe('保健按摩师');
    const top = ms[0]!;
    expect(top.parts.training).toBe(1);
    expect(Object.values(top.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(top.score).toBeCloseTo(Object.entries(top.parts).reduce((sum, [k, v]) => sum + v * top.weights[k]!, 0), 3);
    expect(top.reasons.some((r) => r.zh.includes('盲人按摩') && /massage/i.test(r.en))).toBe(true);
  });

  it('never shows the wheelchair user the warehouse job without step-free access, but shows the remote annotation job with its course gap', async () => {
    const ms = await matches(ids.wheelchair!);
    expect(titles(ms)).not.toContain('仓储分拣员');
    const annotation = ms.find((m) => m.job.title === '数据标注员');
    expect(annotation).toBeDefined();
    expect(annotation!.gaps.some((g) => g.zh.includes('数据标注实务') && g.en.includes('Data annotation in practice'))).toBe(true);
  });

  it('follows every write at once: enrolling and completing the course closes the gap; closing the job removes it; reopening brings it back', async () => {
    const e = (await app.http.post('/api/v1/enrollments').send({ seekerId: ids.wheelchair, courseId: ids.annotationCourse, enrolledOn: '2026-05-01' })).body.data.id;
    const inProgress = (await matches(ids.wheelchair!)).find((m) => m.job.title === '数据标注员')!;
    expect(inProgress.parts.training).toBeGreaterThan(0);
    expect(inProgress.parts.training).toBeLessThan(1);
    await app.http.patch(`/api/v1/enrollments/${e}`).send({ status: 'completed', completedOn: '2026-06-01' }).expect(200);
    const done = (await matches(ids.wheelchair!)).find((m) => m.job.title === '数据标注员')!;
    expect(done.parts.training).toBe(1);
    expect(done.score).toBeGreaterThan(inProgress.score);

    await app.http.post(`/api/v1/jobs/${ids.annotation}/close`).expect(200);
    expect(titles(await matches(ids.wheelchair!))).not.toContain('数据标注员');
    await app.http.post(`/api/v1/jobs/${ids.annotation}/reopen`).send({}).expect(200);
    expect(titles(await matches(ids.wheelchair!))).toContain('数据标注员');

    await app.http.patch(`/api/v1/jobs/${ids.warehouse}`).send({ accommodations: ['visual_alerts', 'step_free_access'] }).expect(200);
    expect(titles(await matches(ids.wheelchair!))).toContain('仓储分拣员');
  });

  it('filters by street, work mode and minimum score, and bounds the limit', async () => {
    expect(titles(await matches(ids.wheelchair!, '&workMode=remote'))).toEqual(['数据标注员']);
    expect(titles(await matches(ids.wheelchair!, '&street=kengzi'))).toEqual(['仓储分拣员']);
    const all = await matches(ids.wheelchair!);
    const min = all[0]!.score;
    expect((await matches(ids.wheelchair!, `&minScore=${min}`)).every((m) => m.score >= min)).toBe(true);
    expect((await app.http.get(`/api/v1/seekers/${ids.wheelchair}/matches?limit=1`)).body.data).toHaveLength(1);
    const bad = await app.http.get(`/api/v1/seekers/${ids.wheelchair}/matches?limit=500&minScore=2&workMode=car`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['limit', 'minScore', 'workMode']);
  });

  it('ranks candidates for a job anonymised, and only those who consented to share their profile', async () => {
    const res = await app.http.get(`/api/v1/jobs/${ids.annotation}/candidates`);
    expect(res.status).toBe(200);
    const seekers = res.body.data.map((c: { candidate: { seekerId: number } }) => c.candidate.seekerId);
    expect(seekers).toContain(ids.wheelchair);
    expect(seekers).not.toContain(ids.private);
    const text = JSON.stringify(res.body);
    for (const hidden of ['"name"', '"certificateNumber"', '"disabilityCategory"', '"disabilityLevel"', '"phone"', '测试求职者']) expect(text).not.toContain(hidden);
    expect(res.body.data[0].candidate.completedCourses).toContain('数据标注实务');
    expect(typeof res.body.meta.countAboveThreshold).toBe('number');

    await app.http.post(`/api/v1/seekers/${ids.wheelchair}/consents`).send({ shareWithEmployers: false, textVersion: '2026-02' }).expect(200);
    const after = (await app.http.get(`/api/v1/jobs/${ids.annotation}/candidates`)).body.data.map((c: { candidate: { seekerId: number } }) => c.candidate.seekerId);
    expect(after).not.toContain(ids.wheelchair);
  });

  it('explains one job for a seeker, or names the hard rule that excludes it', async () => {
    const fits = (await app.http.get(`/api/v1/seekers/${ids.masseur}/matches/${ids.massage}`)).body.data;
    expect(fits).toMatchObject({ eligible: true, exclusions: [], job: { id: ids.massage, title: '保健按摩师' } });
    expect(fits.reasons.length).toBeGreaterThan(0);
    const excluded = (await app.http.get(`/api/v1/seekers/${ids.masseur}/matches/${ids.annotation}`)).body.data;
    expect(excluded.eligible).toBe(false);
    expect(excluded.score).toBeUndefined();
    expect(excluded.exclusions.length).toBeGreaterThan(0);
    expect(excluded.exclusions[0]).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect((await app.http.get(`/api/v1/seekers/${ids.masseur}/matches/99999`)).status).toBe(404);
  });

  it('projects for a seeker respect must needs too', async () => {
    await app.http.post('/api/v1/projects').send({ sponsorName: '基金会', title: '盲人按摩工作室', sector: '健康服务', street: 'pingshan', workMode: 'onsite', skills: ['盲人按摩'], supports: ['funding'], accommodations: ['braille'], capacity: 3 }).expect(201);
    await app.http.post('/api/v1/projects').send({ sponsorName: '基金会', title: '直播间', sector: '电商', street: 'pingshan', workMode: 'onsite', skills: ['直播带货'], supports: ['equipment'], accommodations: [], capacity: 3 }).expect(201);
    const res = await app.http.get(`/api/v1/seekers/${ids.masseur}/project-matches`);
    expect(res.body.data.map((p: { project: { title: string } }) => p.project.title)).toEqual(['盲人按摩工作室']);
  });

  it('404 for unknown seekers and jobs; 409 for an archived seeker', async () => {
    expect((await app.http.get('/api/v1/seekers/9999/matches')).status).toBe(404);
    expect((await app.http.get('/api/v1/jobs/9999/candidates')).status).toBe(404);
    await app.http.post(`/api/v1/seekers/${ids.private}/archive`).expect(200);
    expect((await app.http.get(`/api/v1/seekers/${ids.private}/matches`)).status).toBe(409);
  });
});
