import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/factories.js';
import { rowCount, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('the service skeleton', () => {
  it('reports its health', async () => {
    const res = await app.http.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers malformed JSON with 400 in the shape of design.md', async () => {
    const res = await app.http.post('/api/v1/alliance-members').set('Content-Type', 'application/json').send('{"name": "半截');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'malformed_json', message: '请求内容不是有效的 JSON。', fields: [] } });
  });

  it('answers a body over the limit with 413 and writes nothing', async () => {
    const before = rowCount(app.db, 'alliance_members');
    const res = await app.http.post('/api/v1/alliance-members?lang=en').send(buildMember({ description: 'x'.repeat(120_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toMatch(/too large/);
    expect(rowCount(app.db, 'alliance_members')).toBe(before);
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await app.http.post('/api/v1/alliance-members').set('Content-Type', 'text/plain').send('name=x');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('answers an unknown route and an unknown id with 404', async () => {
    expect((await app.http.get('/api/v1/nothing-here')).status).toBe(404);
    const res = await app.http.get('/api/v1/jobs/999999').set('Accept-Language', 'en-GB,en;q=0.9');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'Job 999999 was not found.', fields: [] });
    const zh = await app.http.get('/api/v1/jobs/abc');
    expect(zh.status).toBe(404);
    expect(zh.body.error.message).toBe('找不到岗位 abc。');
  });

  it('names every bad field, in Chinese by default and in English when asked', async () => {
    const bad = buildMember({ kind: 'company', street: 'futian', headcount: -1, contactEmail: 'not-an-email', extra: 1 });
    const zh = await app.http.post('/api/v1/alliance-members').send(bad);
    expect(zh.status).toBe(422);
    expect(zh.body.error.code).toBe('validation_failed');
    expect(zh.body.error.message).toBe('提交的内容有5处问题，请修改后重试。');
    const paths = zh.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['contactEmail', 'extra', 'headcount', 'kind', 'street']);
    const street = zh.body.error.fields.find((f: { path: string }) => f.path === 'street');
    expect(street.message).toBe('街道：必须是以下之一：pingshan, maluan, biling, shijing, kengzi, longtian。');

    const en = await app.http.post('/api/v1/alliance-members').set('Accept-Language', 'en').send(bad);
    expect(en.body.error.message).toBe('There are 5 problems in what was sent. Please correct and try again.');
    const headcount = en.body.error.fields.find((f: { path: string }) => f.path === 'headcount');
    expect(headcount.message).toBe('Headcount must be at least 0.');
    expect(rowCount(app.db, 'alliance_members')).toBe(0);
  });

  it('never caches API responses', async () => {
    const res = await app.http.get('/api/v1/alliance-members');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('bounds every list: limit above 100 is refused, the default is 20', async () => {
    expect((await app.http.get('/api/v1/seekers?limit=101')).status).toBe(422);
    expect((await app.http.get('/api/v1/seekers?limit=0')).status).toBe(422);
    const res = await app.http.get('/api/v1/seekers');
    expect(res.body.page).toEqual({ limit: 20, nextCursor: null, total: 0 });
  });

  it('rejects unknown query parameters by name', async () => {
    const res = await app.http.get('/api/v1/jobs?colour=red&lang=en');
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([{ path: 'colour', message: 'colour is not an accepted field.' }]);
  });
});
