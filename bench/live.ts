/**
 * Live notifications benchmark (`npm run bench:live`): 10,000 seekers opted in to match alerts
 * in a fresh temporary database, 2,000 of them connected over socket.io (real clients, in a worker
 * thread so they do not share the server's core), and an employer posting a job that fits ~1,000
 * of them over real HTTP. Prints the latency from the start of the post request to receipt of
 * `notification:created` at the clients (p50/p95/p99), and the post's own response time.
 *
 * Target: p95 post → receipt ≤ 200 ms. WARMUP posts (a server just started: JIT, caches), reported
 * apart, then RUNS measured posts; each post is a new job fitting the same ~1,000 seekers (so
 * each one is 1,000 new seeker-job pairs).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/live/events.js';

const SEEKERS = 10_000;
const FITTING = 1_000;
const CONNECTED = 2_000;
const WARMUP = 2;
const RUNS = 10;
const TARGET_P95_MS = 200;

/** Wall-clock milliseconds with sub-millisecond precision, comparable across threads. */
const now = () => performance.timeOrigin + performance.now();

type ToWorker = { type: 'expect'; jobId: number; count: number };
type FromWorker = { type: 'ready'; connected: number; ms: number } | { type: 'received'; jobId: number; times: number[] };
type ToPoster = { n: number; body: string };
type FromPoster = { n: number; start: number; responded: number; status: number; text: string };

if (isMainThread) await main();
else if ((workerData as { role: string }).role === 'poster') poster();
else await clients();

/* ───────────────────────────── server side (main thread) ───────────────────────────── */

async function main() {
  process.env.LOG_LEVEL = 'silent';
  const { openDatabase } = await import('../db/connection.js');
  const { createApp } = await import('../src/app.js');
  const { systemClock } = await import('../src/clock.js');
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/logger.js');
  const { createServices } = await import('../src/services.js');
  const { attachLive } = await import('../src/live/server.js');
  const { hashPassword } = await import('../src/auth/passwords.js');

  const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-bench-live-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const sqlite = db.$client;
  const t0 = now();

  // ── bulk data: one member, 10,000 seekers with accounts, 2,000 sessions ──
  const passwordHash = await hashPassword('bench passphrase for every account');
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const iso = new Date().toISOString();
  const expires = new Date(Date.now() + 6 * 3_600_000).toISOString();
  const streets = ['pingshan', 'maluan', 'biling', 'shijing', 'kengzi', 'longtian'];
  const otherSkills = ['烘焙', '数据录入', '平面设计', '手工编织', '非遗手工艺'];
  const cookies: string[] = [];
  let employerCookie = '';
  let employerCsrf = '';
  let memberId = 0;
  sqlite.transaction(() => {
    memberId = Number(
      sqlite
        .prepare(`INSERT INTO alliance_members (name, kind, street, headcount, joined_on) VALUES ('基准测试联盟成员', 'enterprise', 'pingshan', 300, '2025-01-01')`)
        .run().lastInsertRowid,
    );
    const seeker = sqlite.prepare(
      `INSERT INTO seekers (name, certificate_number, gender, birth_date, disability_category, disability_level, street, work_modes, preferred_hours,
         salary_expectation, consent_sensitive_data, consent_match_alerts, consent_share_with_employers)
       VALUES (?, ?, 'female', '1990-03-07', 4, 2, ?, ?, '["full_time"]', 4000, 1, 1, 1)`,
    );
    const skill = sqlite.prepare(`INSERT INTO seeker_skills (seeker_id, skill, level) VALUES (?, ?, 'intermediate')`);
    const need = sqlite.prepare(`INSERT INTO seeker_needs (seeker_id, code, strength) VALUES (?, ?, ?)`);
    const user = sqlite.prepare(`INSERT INTO users (username, password_hash, role, seeker_id, display_name) VALUES (?, ?, 'seeker', ?, ?)`);
    const session = sqlite.prepare(`INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const startSession = (userId: number) => {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      session.run(sha256(token), userId, csrf, iso, iso, expires);
      return { cookie: `ab_session=${token}`, csrf };
    };
    let unfitConnected = 0;
    for (let i = 0; i < SEEKERS; i++) {
      // Every tenth seeker does e-commerce customer service remotely: the job below fits them.
      const fits = i % (SEEKERS / FITTING) === 0;
      const id = Number(
        seeker.run(`求职者${i}`, `BENCH${String(i).padStart(15, '0')}`, streets[i % streets.length], JSON.stringify(fits ? ['remote', 'hybrid'] : ['onsite'])).lastInsertRowid,
      );
      if (fits) {
        skill.run(id, '电商客服');
        if (i % 20 === 0) skill.run(id, '办公软件');
        if (i % 30 === 0) need.run(id, 'step_free_access', 'must'); // moot for a remote job
      } else {
        skill.run(id, otherSkills[i % otherSkills.length]);
        if (i % 7 === 0) need.run(id, 'sign_language', 'prefer');
      }
      const userId = Number(user.run(`bench-seeker-${i}`, passwordHash, id, `求职者${i}`).lastInsertRowid);
      // Connected: all 1,000 who fit, and 1,000 who do not.
      if (fits || unfitConnected < CONNECTED - FITTING) {
        cookies.push(startSession(userId).cookie);
        if (!fits) unfitConnected++;
      }
    }
    const employerId = Number(
      sqlite.prepare(`INSERT INTO users (username, password_hash, role, member_id, display_name) VALUES ('bench-employer', ?, 'employer', ?, '用人单位')`).run(passwordHash, memberId)
        .lastInsertRowid,
    );
    const s = startSession(employerId);
    employerCookie = s.cookie;
    employerCsrf = s.csrf;
  })();
  const dataMs = now() - t0;

  // ── the real app and socket.io, index built from the database at start ──
  const t1 = now();
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATABASE_PATH: join(dir, 'bench.sqlite') });
  const services = createServices({ db, clock: systemClock, logger: createLogger('silent'), config });
  const indexMs = now() - t1;
  const server = createApp(services).listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const live = attachLive(server, services);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  console.log(`AbilityBridge live notifications benchmark`);
  console.log(`  data: ${SEEKERS} seekers opted in to alerts (${FITTING} fit the job), ${CONNECTED} connected; inserted in ${dataMs.toFixed(0)} ms, index built in ${indexMs.toFixed(0)} ms`);

  // ── clients in a worker thread ──
  // The clients, and the employer's HTTP client, each in a worker thread of their own (so neither
  // the server's work nor the 2,000 sockets delay the other's clock readings). A worker runs this
  // same TypeScript file, through tsx's loader registered inside it.
  const entry = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(entry, { eval: true, workerData: { role: 'clients', url, cookies } });
  const postWorker = new Worker(entry, { eval: true, workerData: { role: 'poster', url, cookie: employerCookie, csrf: employerCsrf } });
  const posted = new Map<number, (r: FromPoster) => void>();
  postWorker.on('message', (m: FromPoster) => posted.get(m.n)?.(m));
  const waiting = new Map<number, (times: number[]) => void>();
  const ready = new Promise<{ connected: number; ms: number }>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') resolve(m);
      else waiting.get(m.jobId)?.(m.times);
    });
  });
  const { connected, ms: connectMs } = await ready;
  console.log(`  sockets: ${connected} connected (websocket) in ${connectMs.toFixed(0)} ms`);
  if (connected !== CONNECTED) throw new Error(`only ${connected} of ${CONNECTED} sockets connected`);

  const connectedUsers = new Set(
    (sqlite.prepare(`SELECT user_id FROM sessions WHERE user_id IN (SELECT id FROM users WHERE role = 'seeker')`).all() as { user_id: number }[]).map((r) => r.user_id),
  );
  const countFor = sqlite.prepare(`SELECT user_id FROM notifications WHERE job_id = ? AND kind = 'match'`);

  async function postOnce(n: number) {
    const body = JSON.stringify({
      memberId,
      title: `电商客服专员（基准 ${n}）`,
      description: '在线解答顾客咨询，处理订单与售后',
      street: 'pingshan',
      workMode: 'remote',
      hours: 'full_time',
      salaryMin: 4000,
      salaryMax: 5500,
      openings: 3,
      requiredSkills: ['电商客服'],
      preferredSkills: ['办公软件'],
      accommodations: ['remote_work', 'screen_reader'],
    });
    const { start, responded, status, text } = await new Promise<FromPoster>((resolve) => {
      posted.set(n, resolve);
      postWorker.postMessage({ n, body } satisfies ToPoster);
    });
    if (status !== 201) throw new Error(`post failed: ${status} ${text}`);
    const jobId = (JSON.parse(text) as { data: { id: number } }).data.id;
    const recipients = (countFor.all(jobId) as { user_id: number }[]).map((r) => r.user_id);
    const expected = recipients.filter((u) => connectedUsers.has(u)).length;
    const times = await new Promise<number[]>((resolve) => {
      waiting.set(jobId, resolve);
      worker.postMessage({ type: 'expect', jobId, count: expected } satisfies ToWorker);
    });
    waiting.delete(jobId);
    return { jobId, stored: recipients.length, expected, received: times.length, postMs: responded - start, latencies: times.map((t) => t - start) };
  }

  const pct = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]! : Number.NaN;
  };
  const fmt = (x: number) => `${x.toFixed(1)} ms`;
  const line = (label: string, r: { stored: number; expected: number; received: number; postMs: number; latencies: number[] }) =>
    console.log(
      `  ${label.padEnd(10)} alerts stored ${r.stored}, to connected ${r.expected}, received ${r.received}; post response ${fmt(r.postMs)}; ` +
        `post→receipt p50 ${fmt(pct(r.latencies, 0.5))} p95 ${fmt(pct(r.latencies, 0.95))} p99 ${fmt(pct(r.latencies, 0.99))} max ${fmt(pct(r.latencies, 1))}`,
    );

  const warm = [];
  for (let n = 1; n <= WARMUP; n++) {
    const r = await postOnce(-n);
    warm.push(r);
    line(`warm-up ${n}`, r);
  }
  const runs = [];
  for (let n = 1; n <= RUNS; n++) {
    await new Promise((r) => setTimeout(r, 200));
    const r = await postOnce(n);
    runs.push(r);
    line(`run ${n}`, r);
  }
  const all = runs.flatMap((r) => r.latencies);
  const posts = runs.map((r) => r.postMs);
  const lost = [...warm, ...runs].reduce((s, r) => s + r.expected - r.received, 0);
  const p95 = pct(all, 0.95);
  console.log(
    `  overall (${RUNS} runs, ${all.length} deliveries): post→receipt p50 ${fmt(pct(all, 0.5))} p95 ${fmt(p95)} p99 ${fmt(pct(all, 0.99))}; ` +
      `post response p50 ${fmt(pct(posts, 0.5))} max ${fmt(pct(posts, 1))}; missing deliveries ${lost}`,
  );
  console.log(`  target p95 ≤ ${TARGET_P95_MS} ms (with the warm-up posts: p95 ${fmt(pct([...all, ...warm.flatMap((r) => r.latencies)], 0.95))}): ${p95 <= TARGET_P95_MS && lost === 0 ? 'PASS' : 'MISS'}`);

  await worker.terminate();
  await postWorker.terminate();
  await live.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

/* ───────────────────────────── the employer (worker thread) ───────────────────────────── */

function poster() {
  const { url, cookie, csrf } = workerData as { url: string; cookie: string; csrf: string };
  parentPort!.on('message', async ({ n, body }: ToPoster) => {
    const start = now();
    const res = await fetch(`${url}/api/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body });
    const text = await res.text(); // the whole response
    const responded = now();
    parentPort!.postMessage({ n, start, responded, status: res.status, text } satisfies FromPoster);
  });
}

/* ───────────────────────────── clients (worker thread) ───────────────────────────── */

async function clients() {
  const { url, cookies } = workerData as { role: 'clients'; url: string; cookies: string[] };
  const port = parentPort!;
  const received = new Map<number, number[]>();
  const expected = new Map<number, number>();
  const timers = new Map<number, NodeJS.Timeout>();

  const settle = (jobId: number) => {
    clearTimeout(timers.get(jobId));
    timers.delete(jobId);
    expected.delete(jobId);
    port.postMessage({ type: 'received', jobId, times: received.get(jobId) ?? [] } satisfies FromWorker);
    received.delete(jobId);
  };
  const check = (jobId: number) => {
    const want = expected.get(jobId);
    if (want !== undefined && (received.get(jobId)?.length ?? 0) >= want) settle(jobId);
  };

  port.on('message', (m: ToWorker) => {
    expected.set(m.jobId, m.count);
    timers.set(m.jobId, setTimeout(() => settle(m.jobId), 10_000));
    check(m.jobId);
  });

  const start = now();
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
  for (let i = 0; i < cookies.length; i += 100) {
    await Promise.all(
      cookies.slice(i, i + 100).map(
        (cookie) =>
          new Promise<void>((resolve, reject) => {
            const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectClient(url, {
              transports: ['websocket'],
              extraHeaders: { cookie },
              reconnection: false,
              forceNew: true,
            });
            socket.on('notification:created', (n) => {
              const at = now();
              const jobId = n.jobId ?? 0;
              const list = received.get(jobId);
              if (list) list.push(at);
              else received.set(jobId, [at]);
              check(jobId);
            });
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
            sockets.push(socket);
          }),
      ),
    );
  }
  port.postMessage({ type: 'ready', connected: sockets.filter((s) => s.connected).length, ms: now() - start } satisfies FromWorker);
}
