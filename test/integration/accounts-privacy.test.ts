import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createServices } from '../../src/services.js';
import { createLogger } from '../../src/logger.js';
import { loadConfig } from '../../src/config.js';
import { buildCourse, buildJob, buildMember, buildSeeker } from '../support/factories.js';
import { PASSWORD, client, rowCount, startTestApp, type TestApp } from '../support/app.js';

let now = Date.parse('2026-11-25T02:00:00.000Z');
const clock = { now: () => new Date(now) };
const logLines: string[] = [];
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock, log: (l) => logLines.push(l), env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '12' } });
});
afterAll(() => app.close());

/** The tests above move the clock by hours; staff sign in afresh where that matters. */
let staffRefreshes = 0;
const refreshStaff = async () => {
  app.http = await app.signIn({ username: `staff-again-${++staffRefreshes}`, role: 'staff' });
};

const seekerWithAccount = async (username: string, overrides: Record<string, unknown> = {}) => {
  const seekerId = (await app.http.post('/api/v1/seekers').send(buildSeeker(overrides)).expect(201)).body.data.id as number;
  return { seekerId, c: await app.signIn({ username, role: 'seeker', seekerId }) };
};

describe('sign-in and sessions', () => {
  it('gives the same generic 401 for an unknown user and a wrong password, and never logs the password', async () => {
    await app.signIn({ username: 'li.na', role: 'staff' });
    const unknown = await app.anon.post('/api/v1/auth/login').send({ username: 'nobody', password: 'Secret-passw0rd-x' });
    const wrong = await app.anon.post('/api/v1/auth/login?lang=en').send({ username: 'li.na', password: 'Secret-passw0rd-x' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.message).toBe('用户名或密码不正确。');
    expect(wrong.body.error.message).toBe('The username or password is not right.');
    expect(logLines.join('\n')).not.toContain('Secret-passw0rd-x');
    expect(logLines.join('\n')).not.toContain(PASSWORD);
  });

  it('sets an HttpOnly, SameSite=Lax cookie with a new session id at every sign-in; logout ends the session', async () => {
    const login = () => app.anon.post('/api/v1/auth/login').send({ username: 'li.na', password: PASSWORD });
    const a = await login();
    const b = await login();
    const cookie = a.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^ab_session=[\w-]{43}; Max-Age=43200; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toBe(b.headers['set-cookie']![0]);
    const stored = app.db.$client.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(stored.map((s) => s.id_hash)).not.toContain(token);

    const c = client(app.server, a.body.data.csrfToken);
    await c.agent.jar.setCookie(cookie, '127.0.0.1');
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('keeps sessions across a restart, ends them after 30 idle minutes and after 12 hours in all', async () => {
    const c = await app.signIn({ username: 'idle.user', role: 'staff' });
    // A second app on the same database: sessions live in SQLite, not in memory.
    const config = loadConfig({ NODE_ENV: 'test' });
    const restarted = createApp(createServices({ db: app.db, clock, logger: createLogger('silent'), config }));
    const cookie = (await c.agent.jar.getCookie('ab_session', { domain: '127.0.0.1', path: '/', secure: false, script: false }))!;
    expect((await request(restarted).get('/api/v1/auth/session').set('Cookie', `ab_session=${cookie.value}`)).status).toBe(200);

    now += 29 * 60_000;
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    now += 31 * 60_000;
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);

    const busy = await app.signIn({ username: 'busy.user', role: 'staff' });
    for (let h = 0; h < 12; h++) {
      now += 25 * 60_000;
      expect((await busy.get('/api/v1/auth/session')).status).toBe(200);
    }
    now += 7 * 60 * 60_000 - 5 * 60_000;
    // Keep it from idling out while passing the 12-hour mark.
    for (let i = 0; i < 30; i++) {
      now += 20 * 60_000;
      const res = await busy.get('/api/v1/auth/session');
      if (res.status === 401) break;
    }
    expect((await busy.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const c = await app.signIn({ username: 'csrf.user', role: 'staff' });
    const before = rowCount(app.db, 'alliance_members');
    const none = await c.agent.post('/api/v1/alliance-members').send(buildMember());
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('csrf_failed');
    const wrong = await c.agent.post('/api/v1/alliance-members').set('X-CSRF-Token', 'x'.repeat(43)).send(buildMember());
    expect(wrong.status).toBe(403);
    expect(rowCount(app.db, 'alliance_members')).toBe(before);
    expect((await c.post('/api/v1/alliance-members').send(buildMember())).status).toBe(201);
  });

  it('throttles sign-in per account (even the right password is refused) and per address, with 429', async () => {
    await app.signIn({ username: 'target', role: 'staff' });
    for (let i = 0; i < 5; i++) expect((await app.anon.post('/api/v1/auth/login').send({ username: 'target', password: `guess-${i}-xxxx` })).status).toBe(401);
    const blocked = await app.anon.post('/api/v1/auth/login').send({ username: 'target', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/登录尝试次数过多/);
    now += 16 * 60_000;
    expect((await app.anon.post('/api/v1/auth/login').send({ username: 'target', password: PASSWORD })).status).toBe(200);

    for (let i = 0; i < 12; i++) await app.anon.post('/api/v1/auth/login').send({ username: `spray-${i}`, password: 'guess-guess' });
    expect((await app.anon.post('/api/v1/auth/login').send({ username: 'target', password: PASSWORD })).status).toBe(429);
    now += 16 * 60_000;
  }, 60_000); // some twenty scrypt hashes (N = 2^17): slow by design, slower still beside the browser tests

  it('changes a password under the policy; other sessions end', async () => {
    const c = await app.signIn({ username: 'changer', role: 'staff' });
    const other = await app.signIn({ username: 'changer2', role: 'staff' });
    void other;
    const second = client(app.server);
    const login = await second.agent.post('/api/v1/auth/login').send({ username: 'changer', password: PASSWORD });
    second.setCsrf(login.body.data.csrfToken);

    const tooShort = await c.post('/api/v1/auth/password?lang=en').send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(tooShort.body.error.fields).toEqual([{ path: 'newPassword', message: 'New password must be at least 8 characters.' }]);
    expect((await c.post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'password123' })).body.error.fields[0].path).toBe('newPassword');
    expect((await c.post('/api/v1/auth/password').send({ currentPassword: 'not it at all', newPassword: 'a much longer passphrase' })).body.error.fields[0].path).toBe('currentPassword');
    const long = '长的密码短语 with spaces and 符号 ✓ '.repeat(3);
    expect([...long].length).toBeGreaterThan(64);
    const ok = await c.post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: long });
    expect(ok.status).toBe(200);
    c.setCsrf(ok.body.data.csrfToken);
    expect((await c.get('/api/v1/auth/session')).status).toBe(200);
    expect((await second.get('/api/v1/auth/session')).status).toBe(401);
    expect((await app.anon.post('/api/v1/auth/login').send({ username: 'changer', password: long })).status).toBe(200);
  });

  it('a disabled user is signed out at once and cannot sign in', async () => {
    await refreshStaff();
    const c = await app.signIn({ username: 'to.disable', role: 'staff' });
    await app.http.post(`/api/v1/users/${c.userId}/disable`).expect(200);
    expect((await c.get('/api/v1/auth/session')).status).toBe(401);
    expect((await app.anon.post('/api/v1/auth/login').send({ username: 'to.disable', password: PASSWORD })).status).toBe(401);
    const audit = await app.http.get(`/api/v1/audit-log?entity=user&entityId=${c.userId}`);
    expect(audit.body.data.map((a: { action: string }) => a.action)).toEqual(['user_disabled']);
  });

  it('the audit log reads newest first, and pages on to older entries', async () => {
    await refreshStaff();
    const c = await app.signIn({ username: 'audit.order', role: 'staff' });
    for (const step of ['disable', 'enable', 'disable', 'enable']) await app.http.post(`/api/v1/users/${c.userId}/${step}`).expect(200);
    const first = (await app.http.get(`/api/v1/audit-log?entity=user&entityId=${c.userId}&limit=2`).expect(200)).body;
    expect(first.data.map((a: { action: string }) => a.action)).toEqual(['user_enabled', 'user_disabled']);
    const ids = first.data.map((a: { id: number }) => a.id);
    expect(ids[0]).toBeGreaterThan(ids[1]);
    const next = (await app.http.get(`/api/v1/audit-log?entity=user&entityId=${c.userId}&limit=2&cursor=${first.page.nextCursor}`).expect(200)).body;
    expect(next.data.map((a: { action: string }) => a.action)).toEqual(['user_enabled', 'user_disabled']);
    expect(next.data[0].id).toBeLessThan(ids[1]);
    expect(next.page.nextCursor).toBeNull();
  });
});

describe('authorisation, masking and mass assignment', () => {
  beforeAll(refreshStaff);

  it('shows a seeker their own certificate number, staff too (audited), employers never', async () => {
    const { seekerId, c } = await seekerWithAccount('seeker.own');
    const own = await c.get(`/api/v1/seekers/${seekerId}`);
    expect(own.body.data.certificateMasked).toBe(false);
    expect(own.headers['cache-control']).toBe('no-store');
    const auditBefore = rowCount(app.db, 'audit_log');
    expect(rowCount(app.db, 'audit_log')).toBe(auditBefore);

    const memberId = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
    const employer = await app.signIn({ username: 'employer.mask', role: 'employer', memberId });
    expect((await employer.get(`/api/v1/seekers/${seekerId}`)).status).toBe(403);
    const job = (await employer.post('/api/v1/jobs').send(buildJob(memberId))).body.data;
    const candidates = await employer.get(`/api/v1/jobs/${job.id}/candidates`);
    expect(candidates.status).toBe(200);
    const text = JSON.stringify(candidates.body);
    const cert = own.body.data.certificateNumber as string;
    expect(text).not.toContain(cert.slice(0, 14));
    expect(text).not.toMatch(/"(name|certificateNumber|disabilityCategory|disabilityLevel|phone|email)"/);

    await app.http.get(`/api/v1/seekers/${seekerId}`).expect(200);
    const audit = (await app.http.get(`/api/v1/audit-log?entity=seeker&entityId=${seekerId}&action=read_sensitive`)).body.data;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: app.http.userId, fields: ['certificateNumber'] });
    expect(JSON.stringify(audit)).not.toContain(cert);
  });

  it('refuses mass assignment: a seeker cannot set their disability record, stage or role; an employer cannot verify a job or post for another member', async () => {
    const { seekerId, c } = await seekerWithAccount('seeker.mass');
    const res = await c.patch(`/api/v1/seekers/${seekerId}?lang=en`).send({ disabilityCategory: 1, stage: 'employed', role: 'staff', about: 'ok' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['disabilityCategory', 'role', 'stage']);
    expect((await c.patch(`/api/v1/seekers/${seekerId}`).send({ about: '我会用读屏软件。' })).status).toBe(200);
    expect((await c.patch(`/api/v1/auth/preferences`).send({ role: 'staff' })).status).toBe(422);

    const mine = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
    const theirs = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
    const employer = await app.signIn({ username: 'employer.mass', role: 'employer', memberId: mine });
    const job = await employer.post('/api/v1/jobs').send({ ...buildJob(mine), memberId: undefined });
    expect(job.status).toBe(201);
    expect(job.body.data.memberId).toBe(mine);
    expect((await employer.patch(`/api/v1/jobs/${job.body.data.id}`).send({ verified: true })).status).toBe(422);
    expect((await employer.post(`/api/v1/jobs/${job.body.data.id}/verify`)).status).toBe(403);
    expect((await employer.post('/api/v1/jobs').send(buildJob(theirs))).status).toBe(403);
    expect((await employer.patch(`/api/v1/alliance-members/${mine}`).send({ commitmentLevel: 'leader' })).status).toBe(422);
    expect((await employer.patch(`/api/v1/alliance-members/${mine}`).send({ pledgedPositions: 9 })).status).toBe(200);
  });

  it('hides others\' records behind 404 (IDOR), never revealing whether they exist', async () => {
    const a = await seekerWithAccount('idor.a');
    const b = await seekerWithAccount('idor.b');
    for (const path of [`/seekers/${b.seekerId}`, `/seekers/${b.seekerId}/matches`, `/seekers/${b.seekerId}/export`, `/seekers/999999`]) {
      const res = await a.c.get(`/api/v1${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await a.c.post(`/api/v1/seekers/${b.seekerId}/consents`).send({ matchAlerts: false, textVersion: 'x' })).status).toBe(404);
  });
});

describe('consent (PIPL Arts. 23, 28–29), export and deletion', () => {
  beforeAll(refreshStaff);

  it('withdrawing consent takes effect at once: sharing hides the candidate; withdrawing data processing stops matching too', async () => {
    const memberId = (await app.http.post('/api/v1/alliance-members').send(buildMember())).body.data.id;
    const jobId = (await app.http.post('/api/v1/jobs').send(buildJob(memberId))).body.data.id;
    const { seekerId, c } = await seekerWithAccount('seeker.consent', { skills: [{ skill: '电商客服' }], workModes: ['remote'], needs: [] });
    const candidates = async () => (await app.http.get(`/api/v1/jobs/${jobId}/candidates?limit=100`)).body.data.map((x: { candidate: { seekerId: number } }) => x.candidate.seekerId);
    expect(await candidates()).toContain(seekerId);

    const withdrawn = await c.post(`/api/v1/seekers/${seekerId}/consents`).send({ shareWithEmployers: false, textVersion: '2026-03' });
    expect(withdrawn.body.data.consents).toEqual({ sensitiveData: true, matchAlerts: true, shareWithEmployers: false });
    expect(await candidates()).not.toContain(seekerId);
    expect((await c.get(`/api/v1/seekers/${seekerId}/matches`)).status).toBe(200);

    const all = await c.post(`/api/v1/seekers/${seekerId}/consents`).send({ sensitiveData: false, textVersion: '2026-03' });
    expect(all.body.data.consents).toEqual({ sensitiveData: false, matchAlerts: false, shareWithEmployers: false });
    expect((await c.get(`/api/v1/seekers/${seekerId}/matches`)).status).toBe(409);
    const history = app.db.$client.prepare('SELECT kind, granted, text_version FROM consents WHERE seeker_id = ? ORDER BY id').all(seekerId);
    expect(history.slice(3)).toEqual([
      { kind: 'share_with_employers', granted: 0, text_version: '2026-03' },
      { kind: 'sensitive_data', granted: 0, text_version: '2026-03' },
      { kind: 'match_alerts', granted: 0, text_version: '2026-03' },
    ]);
  });

  it('exports all of a seeker\'s own data as JSON', async () => {
    const { seekerId, c } = await seekerWithAccount('seeker.export');
    const course = (await app.http.post('/api/v1/courses').send(buildCourse())).body.data.id;
    await app.http.post('/api/v1/enrollments').send({ seekerId, courseId: course }).expect(201);
    const res = await c.get(`/api/v1/seekers/${seekerId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const d = res.body.data;
    expect(d.seeker.id).toBe(seekerId);
    expect(d.seeker.certificateNumber).toHaveLength(20);
    expect(d.needs).toEqual([expect.objectContaining({ code: 'step_free_access', strength: 'must' })]);
    expect(d.skills).toEqual([expect.objectContaining({ skill: '电商客服' })]);
    expect(d.consents).toHaveLength(3);
    expect(d.enrollments).toHaveLength(1);
    expect(d.account).toMatchObject({ username: 'seeker.export', role: 'seeker' });
    expect(JSON.stringify(d)).not.toContain('passwordHash');
    expect(JSON.stringify(d)).not.toContain('scrypt$');
  });

  it('deletion: the seeker asks, staff confirm, the record is anonymised while aggregates remain', async () => {
    const { seekerId, c } = await seekerWithAccount('seeker.delete', { disabilityCategory: 6, disabilityLevel: 3, street: 'maluan' });
    expect((await app.http.post(`/api/v1/seekers/${seekerId}/anonymise`)).status).toBe(409);
    expect((await c.post(`/api/v1/seekers/${seekerId}/deletion-request`)).status).toBe(202);
    const count = rowCount(app.db, 'seekers');
    const done = await app.http.post(`/api/v1/seekers/${seekerId}/anonymise`);
    expect(done.status).toBe(200);
    expect((await c.get(`/api/v1/seekers/${seekerId}`)).status).toBe(401);
    const row = app.db.$client.prepare('SELECT * FROM seekers WHERE id = ?').get(seekerId) as Record<string, unknown>;
    expect(row).toMatchObject({ name: '已匿名化', certificate_number: `ANON-${seekerId}`, phone: null, about: '', status: 'anonymised', disability_category: 6, disability_level: 3, street: 'maluan' });
    expect(rowCount(app.db, 'seekers')).toBe(count);
    expect(app.db.$client.prepare('SELECT count(*) n FROM seeker_needs WHERE seeker_id = ?').get(seekerId)).toEqual({ n: 0 });
    expect((await app.http.get(`/api/v1/seekers?category=6&street=maluan&status=anonymised`)).body.page.total).toBe(1);
  });
});

describe('hardening', () => {
  it('sends a CSP without inline script and with frame-ancestors none, no X-Powered-By, no CORS', async () => {
    const res = await app.anon.get('/api/v1/health').set('Origin', 'https://evil.example');
    const csp = res.headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses to start in production while demo accounts keep the demo password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-prod-'));
    try {
      const run = promisify(execFile);
      const err = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: join(dir, 'p.sqlite'), PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'info' },
        timeout: 60_000,
      }).then(() => null, (e: { code: number; stdout: string }) => e);
      expect(err?.code).toBe(1);
      expect(err?.stdout).toContain('refusing to start in production');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
