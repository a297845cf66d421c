import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeeker, certificateNumber, residentId } from '../support/factories.js';
import { rowCount, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const countAll = () => ['seekers', 'seeker_needs', 'seeker_skills', 'consents'].map((t) => rowCount(app.db, t));

describe('the demand library: seekers', () => {
  it('round-trip with needs, skills and consents; the certificate number is stored whole and shown masked', async () => {
    const body = buildSeeker({
      name: '陈晓燕',
      certificateNumber: `${residentId('19920415', 246)}42`,
      needs: [
        { code: 'step_free_access', strength: 'must' },
        { code: 'accessible_restroom', strength: 'prefer' },
      ],
      skills: [{ skill: '电商客服', level: 'advanced' }, { skill: 'data annotation' }],
      salaryExpectation: 5000,
      preferredHours: ['full_time'],
    });
    const created = await app.http.post('/api/v1/seekers').send(body);
    expect(created.status).toBe(201);
    const s = created.body.data;
    expect(s).toMatchObject({
      name: '陈晓燕',
      disabilityCategory: 4,
      disabilityLevel: 2,
      gender: 'female',
      birthYear: 1992,
      stage: 'registered',
      certificateMasked: true,
      consents: { sensitiveData: true, matchAlerts: true, shareWithEmployers: true },
      needs: [
        { code: 'accessible_restroom', strength: 'prefer' },
        { code: 'step_free_access', strength: 'must' },
      ],
      skills: [{ skill: 'data annotation', level: 'basic' }, { skill: '电商客服', level: 'advanced' }],
    });
    expect(s.certificateNumber).toBe(`440310**********${body.certificateNumber.slice(-4)}`);
    expect(JSON.stringify(created.body)).not.toContain('19920415');
    const stored = app.db.$client.prepare('SELECT certificate_number, birth_date FROM seekers WHERE id = ?').get(s.id) as Record<string, string>;
    expect(stored).toEqual({ certificate_number: body.certificateNumber, birth_date: '1992-04-15' });
    expect(rowCount(app.db, 'consents')).toBe(3);

    // Staff read the full number, and that read is audited.
    const read = await app.http.get(`/api/v1/seekers/${s.id}`);
    expect(read.body.data).toEqual({ ...s, certificateNumber: body.certificateNumber, certificateMasked: false });
    const audit = await app.http.get(`/api/v1/audit-log?entity=seeker&entityId=${s.id}&action=read_sensitive`);
    expect(audit.body.data).toEqual([expect.objectContaining({ userId: app.http.userId, action: 'read_sensitive', entity: 'seeker', entityId: s.id, fields: ['certificateNumber'] })]);
    // Lists stay masked even for staff.
    const listed = (await app.http.get('/api/v1/seekers')).body.data.find((x: { id: number }) => x.id === s.id);
    expect(listed.certificateNumber).toBe(s.certificateNumber);

    const patched = await app.http.patch(`/api/v1/seekers/${s.id}`).send({
      needs: [{ code: 'remote_work', strength: 'must' }],
      about: '轮椅使用者，希望居家办公。',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.needs).toEqual([{ code: 'remote_work', strength: 'must' }]);
    expect(patched.body.data.skills).toHaveLength(2);
    const consent = await app.http.post(`/api/v1/seekers/${s.id}/consents`).send({ shareWithEmployers: false, textVersion: '2026-02' });
    expect(consent.body.data.consents.shareWithEmployers).toBe(false);
    const history = app.db.$client.prepare("SELECT kind, granted, text_version FROM consents WHERE seeker_id = ? ORDER BY id").all(s.id);
    expect(history.at(-1)).toEqual({ kind: 'share_with_employers', granted: 0, text_version: '2026-02' });

    const archived = await app.http.post(`/api/v1/seekers/${s.id}/archive`);
    expect(archived.body.data.status).toBe('archived');
    expect((await app.http.patch(`/api/v1/seekers/${s.id}`).send({ about: 'x' })).status).toBe(409);
  });

  it('rejects a certificate number whose category or level digit disagrees with the record, and writes nothing', async () => {
    const before = countAll();
    const res = await app.http.post('/api/v1/seekers?lang=en').send(buildSeeker({ certificateNumber: certificateNumber(1, 3), disabilityCategory: 4, disabilityLevel: 2 }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: 'certificateNumber', message: 'Disability certificate number says category 1 but the record says 4.' },
      { path: 'certificateNumber', message: 'Disability certificate number says level 3 but the record says 2.' },
    ]);
    expect(countAll()).toEqual(before);
  });

  it.each([
    ['a wrong check character', () => { const c = certificateNumber(4, 2); return c.slice(0, 17) + (c[17] === '1' ? '2' : '1') + c.slice(18); }, '身份证号的校验码不正确。'],
    ['an impossible birth date', () => { const id = residentId('19900307', 5); return id.slice(0, 10) + '0231' + id.slice(14) + '42'; }, '身份证号中的出生日期不存在。'],
    ['a birth date in the future', () => `${residentId('20270101', 5)}42`, '身份证号中的出生日期在未来。'],
    ['a category digit 9', () => `${residentId()}92`, '第 19 位（残疾类别）必须是 1–7。'],
    ['19 characters', () => `${residentId()}4`, '应为 20 位（18 位身份证号 + 类别 + 等级）。'],
  ])('rejects a certificate number with %s', async (_what, make, zh) => {
    const before = countAll();
    const res = await app.http.post('/api/v1/seekers').send(buildSeeker({ certificateNumber: make() }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([{ path: 'certificateNumber', message: `残疾人证号：${zh}` }]);
    expect(countAll()).toEqual(before);
  });

  it('keeps category, level and certificate in agreement on update', async () => {
    const s = (await app.http.post('/api/v1/seekers').send(buildSeeker())).body.data;
    const res = await app.http.patch(`/api/v1/seekers/${s.id}`).send({ disabilityLevel: 3 });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].path).toBe('certificateNumber');
    const ok = await app.http.patch(`/api/v1/seekers/${s.id}`).send({ disabilityLevel: 3, certificateNumber: certificateNumber(4, 3) });
    expect(ok.status).toBe(200);
    expect(ok.body.data.disabilityLevel).toBe(3);
  });

  it('refuses a certificate number already registered (409), in either case of x', async () => {
    const cert = '11010519491231002X13';
    const body = buildSeeker({ certificateNumber: cert, disabilityCategory: 1, disabilityLevel: 3 });
    await app.http.post('/api/v1/seekers').send(body).expect(201);
    const before = countAll();
    const dup = await app.http.post('/api/v1/seekers').send({ ...body, certificateNumber: cert.toLowerCase() });
    expect(dup.status).toBe(409);
    expect(countAll()).toEqual(before);
  });

  it('rejects unknown accommodations, duplicate needs, no work mode and a pipeline stage in the body', async () => {
    const before = countAll();
    const res = await app.http.post('/api/v1/seekers').send(
      buildSeeker({ needs: [{ code: 'ramp', strength: 'must' }, { code: 'elevator', strength: 'sometimes' }], workModes: [], stage: 'employed' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['needs.0.code', 'needs.1.strength', 'stage', 'workModes']);
    expect(res.body.error.fields.find((f: { path: string }) => f.path === 'needs.0.code').message).toMatch(/^无障碍需求（第 1 项）：必须是以下之一：step_free_access/);
    expect(countAll()).toEqual(before);
  });

});

describe('the demand library: lists', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists with filters: category, level, street, stage, skill (any name of it), need', async () => {
    const make = (o: Record<string, unknown>) => app.http.post('/api/v1/seekers').send(buildSeeker(o)).expect(201);
    await make({ disabilityCategory: 1, disabilityLevel: 1, street: 'longtian', skills: [{ skill: '盲人按摩' }], needs: [{ code: 'braille', strength: 'must' }] });
    await make({ disabilityCategory: 2, disabilityLevel: 3, street: 'longtian', skills: [{ skill: 'Customer Service' }], needs: [] });
    await make({ disabilityCategory: 2, disabilityLevel: 4, street: 'shijing', skills: [{ skill: '客户服务' }], needs: [{ code: 'sign_language', strength: 'prefer' }] });

    const ids = async (q: string) => (await app.http.get(`/api/v1/seekers?${q}`)).body.data.map((s: { disabilityCategory: number; street: string }) => `${s.disabilityCategory}@${s.street}`);
    expect(await ids('category=1')).toEqual(['1@longtian']);
    expect(await ids('category=2&level=3,4')).toEqual(['2@longtian', '2@shijing']);
    expect(await ids('street=longtian')).toEqual(['1@longtian', '2@longtian']);
    expect(await ids(`skill=${encodeURIComponent('客服')}`)).toEqual(['2@longtian', '2@shijing']);
    expect(await ids('need=braille')).toEqual(['1@longtian']);
    expect(await ids('stage=registered&street=shijing')).toEqual(['2@shijing']);
    expect(await ids('stage=employed')).toEqual([]);
    const bad = await app.http.get('/api/v1/seekers?category=8&stage=hired');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['category.0', 'stage.0']);
  });
});
