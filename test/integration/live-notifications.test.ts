/**
 * Live match notifications with real socket.io clients against the real app on port 0: who gets
 * an alert, who never does, what an offline seeker gets on reconnect, and who may connect at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveNotification, MatchAlertedSummary, ServerToClientEvents } from '../../src/live/events.js';
import { buildJob, buildMember, buildSeeker } from '../support/factories.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected client and everything it received, in order. */
interface Probe {
  socket: LiveClient;
  created: LiveNotification[];
  backlog: { notifications: LiveNotification[]; done: boolean }[];
  summaries: MatchAlertedSummary[];
  ended: string[];
  disconnects: string[];
}

let app: TestApp;
let employer: Client & { userId: number };
let memberId: number;
const probes: Probe[] = [];
let n = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function cookieOf(c: Client): Promise<string> {
  const cookie = await c.agent.jar.getCookie('ab_session', { domain: '127.0.0.1', path: '/', secure: false, script: false });
  if (!cookie) throw new Error('no session cookie');
  return `ab_session=${cookie.value}`;
}

function open(headers: Record<string, string>): LiveClient {
  return connectClient(app.url, { extraHeaders: headers, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Connects with the client's session cookie; resolves once connected and the backlog is complete. */
async function connect(c: Client, headers: Record<string, string> = {}): Promise<Probe> {
  const socket = open({ cookie: await cookieOf(c), ...headers });
  const probe: Probe = { socket, created: [], backlog: [], summaries: [], ended: [], disconnects: [] };
  socket.on('notification:created', (x) => probe.created.push(x));
  socket.on('notification:backlog', (b) => probe.backlog.push(b));
  socket.on('match:alerted', (s) => probe.summaries.push(s));
  socket.on('session:ended', (e) => probe.ended.push(e.reason));
  socket.on('disconnect', (reason) => probe.disconnects.push(reason));
  probes.push(probe);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await waitFor('backlog', () => probe.backlog.at(-1)?.done === true);
  return probe;
}

/** The connect_error a handshake ends in (or null if it connected). */
function refusal(headers: Record<string, string>): Promise<Error | null> {
  const socket = open(headers);
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve(null);
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err);
    });
  });
}

const backlogIds = (p: Probe) => p.backlog.flatMap((b) => b.notifications.map((x) => x.id));
const jobIdsOf = (xs: LiveNotification[]) => xs.map((x) => x.jobId);

/** A seeker (staff registers them) with an account, signed in. */
async function seeker(overrides: Record<string, unknown> = {}): Promise<Client & { userId: number; seekerId: number }> {
  const seekerId = (await app.http.post('/api/v1/seekers').send(buildSeeker(overrides)).expect(201)).body.data.id as number;
  const c = await app.signIn({ username: `live-seeker-${++n}`, role: 'seeker', seekerId });
  return Object.assign(c, { seekerId });
}

async function post(overrides: Record<string, unknown> = {}): Promise<number> {
  return (await employer.post('/api/v1/jobs').send(buildJob(memberId, overrides)).expect(201)).body.data.id as number;
}

/** A seeker who does remote customer service and must have step-free access (a remote job makes it moot). */
const wheelchairCsr = { street: 'pingshan', workModes: ['remote', 'hybrid'], needs: [{ code: 'step_free_access', strength: 'must' }], skills: [{ skill: '电商客服', level: 'intermediate' }] };
const baker = { street: 'pingshan', workModes: ['onsite'], needs: [], skills: [{ skill: '烘焙', level: 'advanced' }] };

beforeAll(async () => {
  app = await startTestApp();
  memberId = (await app.http.post('/api/v1/alliance-members').send(buildMember()).expect(201)).body.data.id as number;
  employer = await app.signIn({ username: 'live-employer', role: 'employer', memberId });
});
afterAll(() => {
  for (const p of probes) p.socket.close();
  app.close();
});

describe('match alerts over socket.io', () => {
  it('a seeker receives the alert for a fitting job, and not for a job that fails a must-need', async () => {
    const a = await seeker(wheelchairCsr);
    const b = await seeker({ ...wheelchairCsr, needs: [] });
    const pa = await connect(a);
    const pb = await connect(b);

    const remote = await post({ workMode: 'remote', accommodations: ['remote_work', 'screen_reader'] });
    await waitFor('alerts for the remote job', () => pa.created.length === 1 && pb.created.length === 1);
    const alert = pa.created[0]!;
    expect(alert).toMatchObject({ kind: 'match', jobId: remote, readAt: null, payload: { jobId: remote, title: '电商客服专员', memberId } });
    expect(alert.kind === 'match' && alert.payload.score).toBeGreaterThanOrEqual(0.7);

    // A hybrid job without step-free access: fits b (no such need), never a.
    const hybrid = await post({ workMode: 'hybrid', accommodations: ['screen_reader'] });
    await waitFor('b’s alert for the hybrid job', () => pb.created.length === 2);
    await sleep(100);
    expect(jobIdsOf(pb.created)).toEqual([remote, hybrid]);
    expect(jobIdsOf(pa.created)).toEqual([remote]);
    const stored = (await a.get('/api/v1/notifications').expect(200)).body;
    expect(stored.data.map((x: LiveNotification) => x.jobId)).toEqual([remote]);
  });

  it('never alerts twice for the same seeker and job (close and reopen), and tells staff', async () => {
    const a = await seeker(wheelchairCsr);
    const pa = await connect(a);
    const staff = await connect(app.http);
    const job = await post();
    await waitFor('alert', () => pa.created.length === 1);
    await waitFor('staff summary', () => staff.summaries.some((s) => s.jobId === job));
    expect(staff.summaries.find((s) => s.jobId === job)).toMatchObject({ memberId, alerted: expect.any(Number) });
    expect(staff.created).toEqual([]); // the summary is not a notification of the staff user's

    await employer.post(`/api/v1/jobs/${job}/close`).expect(200);
    // Registered while the job was closed: alerted when it reopens; a is not alerted again.
    const late = await seeker(wheelchairCsr);
    const pl = await connect(late);
    await employer.post(`/api/v1/jobs/${job}/reopen`).send({}).expect(200);
    await waitFor('the late seeker’s alert', () => pl.created.length === 1);
    await sleep(100);
    expect(jobIdsOf(pa.created)).toEqual([job]);
    expect(jobIdsOf(pl.created)).toEqual([job]);
  });

  it('a seeker whose profile changes is alerted to open jobs that now fit', async () => {
    const job = await post();
    const s = await seeker({ ...baker, workModes: ['remote'] });
    const ps = await connect(s);
    expect(backlogIds(ps)).toEqual([]);
    await s.patch(`/api/v1/seekers/${s.seekerId}`).send({ skills: [{ skill: '电商客服', level: 'advanced' }] }).expect(200);
    await waitFor('alert after the profile change', () => ps.created.some((x) => x.jobId === job));
    // Another change does not repeat it.
    await s.patch(`/api/v1/seekers/${s.seekerId}`).send({ about: '擅长在线客服' }).expect(200);
    await sleep(100);
    expect(ps.created.filter((x) => x.jobId === job)).toHaveLength(1);
  });

  it('a client cannot receive another user’s notifications, even asking to join their room', async () => {
    const victim = await seeker(wheelchairCsr);
    const intruder = await seeker(baker);
    const pv = await connect(victim);
    const pi = await connect(intruder);
    const raw = pi.socket as unknown as { emit: (...args: unknown[]) => void };
    for (const name of ['join', 'subscribe', 'room:join']) raw.emit(name, `user:${victim.userId}`);
    raw.emit('join', [`user:${victim.userId}`, 'staff', `member:${memberId}`]);
    await sleep(50);

    const job = await post();
    await waitFor('victim’s alert', () => pv.created.some((x) => x.jobId === job));
    await sleep(100);
    expect(pi.created).toEqual([]);
    expect(pi.summaries).toEqual([]); // not in the staff room either

    const theirs = pv.created.find((x) => x.jobId === job)!;
    expect((await intruder.get('/api/v1/notifications').expect(200)).body.data).toEqual([]);
    expect((await intruder.post(`/api/v1/notifications/${theirs.id}/read`)).status).toBe(404);
    const ack = await pi.socket.emitWithAck('notification:read', { id: theirs.id });
    expect(ack).toMatchObject({ error: { code: 'not_found' } });
    const [row] = (await victim.get('/api/v1/notifications').expect(200)).body.data as LiveNotification[];
    expect(row!.readAt).toBeNull();
  });

  it('a seeker offline during three posts receives all three on reconnect, and none twice', async () => {
    const s = await seeker(wheelchairCsr);
    const first = await connect(s);
    first.socket.close();
    await waitFor('disconnect', () => first.socket.disconnected);

    const jobs = [await post(), await post(), await post()];
    await sleep(50);
    const again = await connect(s);
    expect(again.backlog.flatMap((b) => jobIdsOf(b.notifications))).toEqual(jobs); // oldest first
    const fourth = await post();
    await waitFor('the live one', () => again.created.length === 1);
    await sleep(100);
    expect(jobIdsOf(again.created)).toEqual([fourth]);
    const ids = [...backlogIds(again), ...again.created.map((x) => x.id)];
    expect(new Set(ids).size).toBe(4);

    // Read one over the socket: the next connection's backlog has the other three, once each.
    const ack = await again.socket.emitWithAck('notification:read', { id: ids[0]! });
    expect('data' in ack && ack.data.readAt).toBeTruthy();
    const third = await connect(s);
    expect(backlogIds(third)).toEqual(ids.slice(1));
    await sleep(100);
    expect(third.created).toEqual([]);
  });

  it('a notification committed while a client connects reaches it exactly once', async () => {
    const s = await seeker(wheelchairCsr);
    const seen: number[] = [];
    const socket = open({ cookie: await cookieOf(s) });
    probes.push({ socket, created: [], backlog: [], summaries: [], ended: [], disconnects: [] });
    socket.on('notification:created', (x) => seen.push(x.id));
    socket.on('notification:backlog', (b) => seen.push(...b.notifications.map((x) => x.id)));
    const posts = Promise.all([post(), post(), post()]);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const jobs = await posts;
    await waitFor('three alerts', () => seen.length >= 3);
    await sleep(150);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(jobs).toHaveLength(3);
  });

  it('withdrawn alert consent stops alerts', async () => {
    const s = await seeker(wheelchairCsr);
    const ps = await connect(s);
    await s.post(`/api/v1/seekers/${s.seekerId}/consents`).send({ matchAlerts: false, textVersion: '2026-01' }).expect(200);
    const job = await post();
    await sleep(150);
    expect(ps.created).toEqual([]);
    expect((await s.get('/api/v1/notifications').expect(200)).body.data).toEqual([]);
    // Given again: the open jobs that fit arrive as alerts.
    await s.post(`/api/v1/seekers/${s.seekerId}/consents`).send({ matchAlerts: true, textVersion: '2026-01' }).expect(200);
    await waitFor('alerts after consent is given again', () => ps.created.some((x) => x.jobId === job));
  });

  it('read state is settable over HTTP and follows on the socket', async () => {
    const s = await seeker(wheelchairCsr);
    const ps = await connect(s);
    const updates: unknown[] = [];
    ps.socket.on('notification:updated', (u) => updates.push(u));
    await post();
    await post();
    await waitFor('alerts', () => ps.created.length === 2);
    const [older, newer] = ps.created as [LiveNotification, LiveNotification];

    const page1 = (await s.get('/api/v1/notifications?limit=1').expect(200)).body;
    expect(page1.data.map((x: LiveNotification) => x.id)).toEqual([newer.id]);
    expect(page1.unreadCount).toBe(2);
    const page2 = (await s.get(`/api/v1/notifications?limit=1&cursor=${page1.page.nextCursor}`).expect(200)).body;
    expect(page2.data.map((x: LiveNotification) => x.id)).toEqual([older.id]);
    expect(page2.page.nextCursor).toBeNull();

    expect((await s.post(`/api/v1/notifications/${older.id}/read`).expect(200)).body.data.readAt).toEqual(expect.any(String));
    await waitFor('read state pushed', () => updates.length === 1);
    expect(updates[0]).toMatchObject({ ids: [older.id] });
    expect((await s.get('/api/v1/notifications?unread=true').expect(200)).body.data.map((x: LiveNotification) => x.id)).toEqual([newer.id]);
    await s.post(`/api/v1/notifications/${older.id}/unread`).expect(200);
    expect((await s.post('/api/v1/notifications/read-all').expect(200)).body.data.count).toBe(2);
    expect((await s.get('/api/v1/notifications?unread=true').expect(200)).body.data).toEqual([]);
    const bad = await ps.socket.emitWithAck('notification:read', { id: -1 });
    expect(bad).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('who may connect', () => {
  it('no session, or a session that is not alive, gets connect_error', async () => {
    expect((await refusal({}))?.message).toBe('unauthenticated');
    expect((await refusal({ cookie: 'ab_session=forged' }))?.message).toBe('unauthenticated');
  });

  it('a foreign Origin is refused; the app’s own is accepted', async () => {
    const cookie = await cookieOf(app.http);
    expect(await refusal({ cookie, origin: 'https://evil.example' })).toBeInstanceOf(Error);
    expect(await refusal({ cookie, origin: 'null' })).toBeInstanceOf(Error);
    expect(await refusal({ cookie, origin: app.url })).toBeNull();
  });

  it('signing out disconnects that session’s sockets; disabling the account disconnects all', async () => {
    const s = await seeker(wheelchairCsr);
    const other = await app.signIn({ username: `live-staff-${++n}`, role: 'staff' });
    const one = await connect(other);
    // A second session of the same user (another device).
    const device2 = (await import('../support/app.js')).client(app.server);
    const login = await device2.agent.post('/api/v1/auth/login').send({ username: `live-staff-${n}`, password: 'correct horse battery staple' }).expect(200);
    device2.setCsrf(login.body.data.csrfToken);
    const two = await connect(device2);

    await other.post('/api/v1/auth/logout').expect(204);
    await waitFor('logout disconnects', () => one.disconnects.length === 1);
    expect(one.ended).toEqual(['signed_out']);
    expect(one.disconnects).toEqual(['io server disconnect']);
    await sleep(50);
    expect(two.socket.connected).toBe(true);

    await app.http.post(`/api/v1/users/${other.userId}/disable`).expect(200);
    await waitFor('disable disconnects', () => two.disconnects.length === 1);
    expect(two.ended).toEqual(['signed_out']);

    // And a seeker's socket ends with a password change, which starts a new session.
    const ps = await connect(s);
    await s.post('/api/v1/auth/password').send({ currentPassword: 'correct horse battery staple', newPassword: 'a brand new long passphrase 42' }).expect(200);
    await waitFor('password change disconnects', () => ps.disconnects.length === 1);
  });
});

describe('notify(), for the other events (#5)', () => {
  const payload = (jobId: number, title: string) => ({ jobId, title, memberId, memberName: null, street: null, workMode: 'remote', score: 1, reasons: [] });

  it('stores in the caller’s transaction and pushes after commit; a rollback stores and pushes nothing', async () => {
    const colleague = await app.signIn({ username: 'live-employer-colleague', role: 'employer', memberId });
    const pe = await connect(employer);
    const pc = await connect(colleague);
    const ps = await connect(app.http);
    const jobId = await post({ title: '仓储数据录入员', requiredSkills: ['数据录入'], preferredSkills: [] });
    const { db, services } = app;

    expect(() =>
      db.transaction((tx) => {
        services.notifications.notify(tx, { memberId, kind: 'match', jobId, payload: payload(jobId, 'rolled back') });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    const stored = db.transaction((tx) => services.notifications.notify(tx, { memberId, staff: true, kind: 'match', jobId, payload: payload(jobId, 'committed') }));
    expect(stored.length).toBeGreaterThanOrEqual(3); // both employers of the member, every staff user

    await waitFor('pushes', () => pe.created.length === 1 && pc.created.length === 1 && ps.created.length === 1);
    await sleep(100);
    for (const p of [pe, pc, ps]) expect(p.created.map((x) => (x.kind === 'match' ? x.payload.title : x.kind))).toEqual(['committed']);
  });

  it('a stage change reaches staff live, naming the stages in both languages', async () => {
    const ps = await connect(app.http);
    const s = await seeker(baker);
    await app.http.post(`/api/v1/seekers/${s.seekerId}/stage`).send({ to: 'assessed', reason: '评估完成' }).expect(200);
    await waitFor('stage notification', () => ps.created.some((x) => x.kind === 'stage' && x.payload.seekerId === s.seekerId));
    const n = ps.created.find((x) => x.kind === 'stage' && x.payload.seekerId === s.seekerId)!;
    expect(n.kind === 'stage' && n.payload).toMatchObject({
      from: 'registered',
      to: 'assessed',
      message: { zh: `求职者 ${s.seekerId} 号：已登记 → 已评估`, en: `Job seeker ${s.seekerId}: Registered → Assessed` },
    });
  });

  it('raising a job’s openings from zero alerts the seekers it now fits', async () => {
    const jobId = await post({ title: '远程客服（满员）' });
    app.db.$client.prepare('UPDATE jobs SET openings = 0 WHERE id = ?').run(jobId); // as a hire would leave it
    const s = await seeker(wheelchairCsr);
    const ps = await connect(s);
    await sleep(50);
    expect(ps.created).toEqual([]);
    await employer.patch(`/api/v1/jobs/${jobId}`).send({ openings: 2 }).expect(200);
    await waitFor('alert', () => ps.created.some((x) => x.jobId === jobId));
  });
});
