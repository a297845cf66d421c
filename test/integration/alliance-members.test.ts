import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../support/factories.js';
import { rowCount, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('alliance members', () => {
  it('round-trip: create, read, update, archive', async () => {
    const created = await app.http.post('/api/v1/alliance-members').send(buildMember({ name: '坪山区阳光庇护工场', kind: 'social_organisation', street: 'biling', contactPhone: '0755-28123456' }));
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body.data).toMatchObject({ name: '坪山区阳光庇护工场', kind: 'social_organisation', street: 'biling', status: 'active', commitmentLevel: 'committed' });

    const read = await app.http.get(`/api/v1/alliance-members/${id}`);
    expect(read.body.data).toEqual(created.body.data);

    const updated = await app.http.patch(`/api/v1/alliance-members/${id}`).send({ pledgedPositions: 15, commitmentLevel: 'leader' });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ pledgedPositions: 15, commitmentLevel: 'leader', name: '坪山区阳光庇护工场' });

    const archived = await app.http.post(`/api/v1/alliance-members/${id}/archive`);
    expect(archived.body.data.status).toBe('archived');
    expect((await app.http.post(`/api/v1/alliance-members/${id}/archive`)).status).toBe(409);
    const patchArchived = await app.http.patch(`/api/v1/alliance-members/${id}`).send({ pledgedPositions: 1 });
    expect(patchArchived.status).toBe(409);
    expect(patchArchived.body.error.code).toBe('conflict');
    expect(rowCount(app.db, 'alliance_members')).toBe(1);
  });

  it('refuses a second member with the same name (409) and more disabled staff than staff (422)', async () => {
    await app.http.post('/api/v1/alliance-members').send(buildMember({ name: '同名单位' })).expect(201);
    const dup = await app.http.post('/api/v1/alliance-members').send(buildMember({ name: '同名单位' }));
    expect(dup.status).toBe(409);
    const over = await app.http.post('/api/v1/alliance-members?lang=en').send(buildMember({ headcount: 10, disabledHeadcount: 11 }));
    expect(over.status).toBe(422);
    expect(over.body.error.fields).toEqual([{ path: 'disabledHeadcount', message: 'Disabled employees cannot exceed the headcount.' }]);
  });

  it('lists with filters and keyset pagination', async () => {
    for (const [kind, street] of [['foundation', 'maluan'], ['foundation', 'kengzi'], ['public_institution', 'maluan']] as const) {
      await app.http.post('/api/v1/alliance-members').send(buildMember({ kind, street })).expect(201);
    }
    const foundations = await app.http.get('/api/v1/alliance-members?kind=foundation');
    expect(foundations.body.data.map((m: { kind: string }) => m.kind)).toEqual(['foundation', 'foundation']);
    const maluan = await app.http.get('/api/v1/alliance-members?street=maluan&kind=foundation,public_institution');
    expect(maluan.body.page.total).toBe(2);

    const all = (await app.http.get('/api/v1/alliance-members?limit=100')).body.data.map((m: { id: number }) => m.id);
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page: { body: { data: { id: number }[]; page: { nextCursor: number | null } } } = await app.http.get(`/api/v1/alliance-members?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.data.map((m) => m.id));
      cursor = page.body.page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);

    const search = await app.http.get(`/api/v1/alliance-members?q=${encodeURIComponent('同名')}`);
    expect(search.body.data.map((m: { name: string }) => m.name)).toEqual(['同名单位']);
    const literal = await app.http.get(`/api/v1/alliance-members?q=${encodeURIComponent('%')}`);
    expect(literal.body.page.total).toBe(0);
  });
});
