/**
 * Statistics benchmark (`npm run bench:stats`): a fresh temporary database with 100,000 seekers,
 * 20,000 jobs, 200,000 pipeline events (and what goes with them: needs, skills, applications,
 * follow-ups, enrollments, projects, 40 alliance members), built deterministically with bulk
 * INSERTs in transactions. Then each statistics endpoint is called RUNS times through the
 * services, and a few over real HTTP; prints p50/p95 per endpoint, PASS/MISS against 100 ms.
 * Baseline, in the same run: the JavaScript replays the funnel and the responsiveness report
 * were before they became SQL aggregates (below, unchanged), checked to give the same figures
 * and timed the same way; the ratio is baseline p95 / p95.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { openDatabase, type Db } from '../db/connection.js';
import { allianceMembers, applications, jobs, pipelineEvents, seekers } from '../db/schema.js';
import { ACCOMMODATION_CODES, SKILLS, STREET_CODES } from '../matching/vocabulary.js';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/auth/passwords.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createServices } from '../src/services.js';
import { FUNNEL_STAGES, median } from '../src/pipeline/stages.js';
import { publicSummary } from '../src/stats/summary.js';

const SEEKERS = 100_000;
const JOBS = 20_000;
const PIPELINE_EVENTS = 200_000;
const MEMBERS = 40;
const PROJECTS = 5_000;
const COURSES = 60;
const RUNS = Number(process.env.RUNS ?? 30);
const WARMUP = 3;
const TARGET_MS = 100;
const NOW = new Date('2026-11-25T02:00:00.000Z');

/** mulberry32: a small deterministic generator, so every run builds the same database. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261125);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const START = Date.parse('2023-01-01T00:00:00Z');
const instant = (after = START) => new Date(after + int(NOW.getTime() - after - 3_600_000)).toISOString();
const day = (iso: string) => iso.slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const SKILL_LABELS = [...Object.values(SKILLS).flatMap((s) => [s.zh, s.en, ...s.synonyms.slice(0, 2)]), '叉车', '茶艺', '汉服制作'];
const STAGES = ['registered', 'assessed', 'in_training', 'trained', 'in_adaptation', 'employed', 'stably_employed', 'withdrawn'] as const;

function build(path: string) {
  const db = openDatabase(path);
  const s = db.$client;
  s.pragma('synchronous = OFF');
  const t0 = performance.now();
  const tx = (f: () => void) => s.transaction(f)();

  tx(() => {
    const m = s.prepare(`INSERT INTO alliance_members (name, kind, street, headcount, disabled_headcount, pledged_positions, joined_on, average_wage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 1; i <= MEMBERS; i++) {
      const at = instant();
      m.run(`联盟成员${i}`, pick(['enterprise', 'social_organisation', 'foundation', 'public_institution']), pick(STREET_CODES), 20 + int(3000), int(20), 2 + int(30), day(at), i % 5 ? 60_000 + int(300_000) : null, at, at);
    }
    const c = s.prepare(`INSERT INTO courses (code, title_zh, title_en, provider, skills, accommodations, duration_hours, work_mode, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '[]', 80, 'hybrid', 1000, ?, ?)`);
    for (let i = 1; i <= COURSES; i++) c.run(`C-${i}`, `课程${i}`, `Course ${i}`, '服务社', JSON.stringify([pick(SKILL_LABELS)]), instant(), instant());
  });

  const seekerStage: string[] = [''];
  const seekerCreated: string[] = [''];
  tx(() => {
    const ins = s.prepare(`INSERT INTO seekers (name, certificate_number, gender, birth_date, disability_category, disability_level, street, work_modes, preferred_hours, stage, status, consent_sensitive_data, consent_match_alerts, consent_share_with_employers, created_at, updated_at)
      VALUES (?, ?, ?, '1990-03-07', ?, ?, ?, '["onsite","remote"]', '["full_time"]', ?, ?, 1, 0, 1, ?, ?)`);
    const need = s.prepare(`INSERT OR IGNORE INTO seeker_needs (seeker_id, code, strength) VALUES (?, ?, ?)`);
    const skill = s.prepare(`INSERT OR IGNORE INTO seeker_skills (seeker_id, skill, level) VALUES (?, ?, 'basic')`);
    for (let i = 1; i <= SEEKERS; i++) {
      const at = instant();
      const stage = pick(STAGES);
      seekerStage.push(stage);
      seekerCreated.push(at);
      ins.run(`求职者${i}`, `B${String(i).padStart(19, '0')}`, i % 2 ? 'male' : 'female', 1 + int(7), 1 + int(4), pick(STREET_CODES), stage, rand() < 0.95 ? 'active' : 'archived', at, at);
      for (let k = int(3); k > 0; k--) need.run(i, pick(ACCOMMODATION_CODES), rand() < 0.5 ? 'must' : 'prefer');
      for (let k = 1 + int(4); k > 0; k--) skill.run(i, pick(SKILL_LABELS));
    }
  });

  const jobMember: number[] = [0];
  tx(() => {
    const ins = s.prepare(`INSERT INTO jobs (member_id, title, street, work_mode, hours, openings, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'full_time', ?, ?, ?, ?)`);
    const skill = s.prepare(`INSERT OR IGNORE INTO job_skills (job_id, skill, required) VALUES (?, ?, ?)`);
    const acc = s.prepare(`INSERT OR IGNORE INTO job_accommodations (job_id, code) VALUES (?, ?)`);
    for (let i = 1; i <= JOBS; i++) {
      const member = 1 + int(MEMBERS);
      jobMember.push(member);
      const at = instant();
      const status = rand() < 0.6 ? 'open' : pick(['closed', 'archived']);
      ins.run(member, `岗位${i}`, pick(STREET_CODES), pick(['onsite', 'hybrid', 'remote']), status === 'open' ? 1 + int(5) : int(3), status, at, at);
      for (let k = 1 + int(4); k > 0; k--) skill.run(i, pick(SKILL_LABELS), rand() < 0.5 ? 1 : 0);
      for (let k = int(5); k > 0; k--) acc.run(i, pick(ACCOMMODATION_CODES));
    }
    const p = s.prepare(`INSERT INTO projects (sponsor_name, title, sector, street, work_mode, skills, supports, accommodations, capacity, status, created_at, updated_at) VALUES ('基金会', ?, '餐饮', ?, 'onsite', '[]', '[]', '[]', 5, ?, ?, ?)`);
    for (let i = 1; i <= PROJECTS; i++) {
      const at = instant();
      p.run(`项目${i}`, pick(STREET_CODES), rand() < 0.7 ? 'open' : 'closed', at, at);
    }
  });

  // Applications (one per seeker per job), ~30% of them hired, with follow-ups; enrollments.
  tx(() => {
    const app = s.prepare(`INSERT OR IGNORE INTO applications (seeker_id, job_id, origin, status, first_response_at, hired_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const fu = s.prepare(`INSERT INTO follow_ups (application_id, seeker_id, months_after_hire, due_on, outcome, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const enr = s.prepare(`INSERT OR IGNORE INTO enrollments (seeker_id, course_id, status, enrolled_on, completed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < 60_000; i++) {
      const seeker = 1 + int(SEEKERS);
      const job = 1 + int(JOBS);
      const created = instant(Date.parse(seekerCreated[seeker]!));
      const hired = rand() < 0.3;
      const status = hired ? 'hired' : pick(['applied', 'interviewing', 'trial', 'rejected', 'withdrawn']);
      const answered = rand() < 0.7 ? new Date(Date.parse(created) + int(10 * 86_400_000)).toISOString() : null;
      const hiredOn = hired ? addDays(day(created), 7 + int(60)) : null;
      const r = app.run(seeker, job, rand() < 0.8 ? 'applied' : 'referred', status, answered, hiredOn, created, created);
      if (hired && r.changes) {
        for (const mo of [1, 3, 6, 12]) {
          const due = addDays(hiredOn!, mo * 30);
          const recorded = due < '2026-11-25' && rand() < 0.8;
          fu.run(r.lastInsertRowid, seeker, mo, due, recorded ? (rand() < 0.85 ? 'still_employed' : 'left') : null, recorded ? `${due}T02:00:00.000Z` : null);
        }
      }
    }
    for (let i = 0; i < 40_000; i++) {
      const seeker = 1 + int(SEEKERS);
      const enrolled = day(instant(Date.parse(seekerCreated[seeker]!)));
      const done = rand() < 0.6;
      enr.run(seeker, 1 + int(COURSES), done ? 'completed' : pick(['enrolled', 'dropped']), enrolled, done ? addDays(enrolled, 30 + int(60)) : null, `${enrolled}T02:00:00.000Z`, `${enrolled}T02:00:00.000Z`);
    }
  });

  // 200,000 pipeline events: each seeker walks part of the funnel in time order.
  tx(() => {
    const ev = s.prepare(`INSERT INTO pipeline_events (seeker_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)`);
    const order = ['registered', 'assessed', 'in_training', 'trained', 'in_adaptation', 'employed', 'stably_employed'];
    let n = 0;
    let seeker = 1;
    while (n < PIPELINE_EVENTS) {
      let t = Date.parse(seekerCreated[seeker]!);
      const steps = 1 + int(order.length);
      let from: string | null = null;
      for (let k = 0; k < steps && n < PIPELINE_EVENTS; k++) {
        t = Math.min(NOW.getTime() - 60_000, t + int(40 * 86_400_000));
        ev.run(seeker, from, order[k], new Date(t).toISOString());
        from = order[k]!;
        n++;
      }
      seeker = (seeker % SEEKERS) + 1;
    }
  });
  s.exec('ANALYZE');
  s.pragma('synchronous = FULL');
  return { db, ms: performance.now() - t0 };
}

const DAY = 86_400_000;

/** Baseline: the funnel as a replay of every event up to the period's end, in JavaScript. */
function baselineFunnel(db: Db, from: string, to: string, street?: string[]) {
  const start = `${from}T00:00:00.000Z`;
  const end = `${to}T23:59:59.999Z`;
  const inScope = new Set(db.select({ id: seekers.id }).from(seekers).where(street ? inArray(seekers.street, street as never[]) : undefined).all().map((s) => s.id));
  const all = db
    .select({ seekerId: pipelineEvents.seekerId, to: pipelineEvents.toStage, at: pipelineEvents.at })
    .from(pipelineEvents)
    .where(lte(pipelineEvents.at, end))
    .orderBy(asc(pipelineEvents.at), asc(pipelineEvents.id))
    .all()
    .filter((e) => inScope.has(e.seekerId));
  const reached = new Map<string, Set<number>>(FUNNEL_STAGES.map((s) => [s, new Set()]));
  const days = new Map<string, number[]>(FUNNEL_STAGES.map((s) => [s, []]));
  const lastEntered = new Map<number, Map<string, number>>();
  for (const e of all) {
    const t = Date.parse(e.at);
    const mine = lastEntered.get(e.seekerId) ?? new Map<string, number>();
    lastEntered.set(e.seekerId, mine);
    const i = FUNNEL_STAGES.indexOf(e.to as (typeof FUNNEL_STAGES)[number]);
    if (e.at >= start && i >= 0) {
      const firstTime = !reached.get(e.to)!.has(e.seekerId);
      reached.get(e.to)!.add(e.seekerId);
      const prev = i > 0 ? mine.get(FUNNEL_STAGES[i - 1]!) : undefined;
      if (firstTime && prev !== undefined) days.get(e.to)!.push((t - prev) / DAY);
    }
    mine.set(e.to, t);
  }
  return {
    from,
    to,
    stages: FUNNEL_STAGES.map((stage, i) => {
      const cohort = reached.get(stage)!;
      const next = FUNNEL_STAGES[i + 1];
      const went = next ? [...cohort].filter((id) => reached.get(next)!.has(id)).length : 0;
      const d = next ? median(days.get(next)!) : null;
      return { stage, reached: cohort.size, conversionToNext: next && cohort.size > 0 ? Math.round((went / cohort.size) * 1000) / 1000 : null, medianDaysToNext: d === null ? null : Math.round(d * 10) / 10 };
    }),
  };
}

/** Baseline: the responsiveness report as every application of the period grouped in JavaScript. */
function baselineResponsiveness(db: Db, from: string, to: string) {
  const now = NOW.getTime();
  const rows = db
    .select({ memberId: jobs.memberId, memberName: allianceMembers.name, createdAt: applications.createdAt, firstResponseAt: applications.firstResponseAt })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(allianceMembers, eq(allianceMembers.id, jobs.memberId))
    .where(and(inArray(applications.origin, ['applied', 'referred']), gte(applications.createdAt, `${from}T00:00:00.000Z`), lte(applications.createdAt, `${to}T23:59:59.999Z`)))
    .all();
  const byMember = new Map<number, { memberName: string; rows: typeof rows }>();
  for (const r of rows) {
    const m = byMember.get(r.memberId) ?? { memberName: r.memberName, rows: [] };
    m.rows.push(r);
    byMember.set(r.memberId, m);
  }
  return [...byMember.entries()]
    .map(([memberId, m]) => {
      const answeredHours = m.rows.filter((r) => r.firstResponseAt).map((r) => (Date.parse(r.firstResponseAt!) - Date.parse(r.createdAt)) / 3_600_000);
      const old = m.rows.filter((r) => now - Date.parse(r.createdAt) >= 7 * DAY);
      const unanswered = old.filter((r) => !r.firstResponseAt || Date.parse(r.firstResponseAt) - Date.parse(r.createdAt) > 7 * DAY);
      const med = median(answeredHours);
      return {
        memberId,
        memberName: m.memberName,
        applications: m.rows.length,
        answered: answeredHours.length,
        medianHoursToFirstResponse: med === null ? null : Math.round(med * 10) / 10,
        olderThan7Days: old.length,
        unansweredAfter7Days: unanswered.length,
        shareUnansweredAfter7Days: old.length ? Math.round((unanswered.length / old.length) * 1000) / 1000 : null,
      };
    })
    .sort((a, b) => (b.shareUnansweredAfter7Days ?? -1) - (a.shareUnansweredAfter7Days ?? -1) || a.memberId - b.memberId);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function timeIt(fn: () => unknown, runs = RUNS): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const lines: string[] = [];
function report(label: string, xs: number[]) {
  const p50 = percentile(xs, 50);
  const p95 = percentile(xs, 95);
  const line = `${label.padEnd(58)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   ${p95 <= TARGET_MS ? 'PASS' : 'MISS'}`;
  lines.push(line);
  console.log(line);
  return p95;
}

/** The baseline against ours on the same database in this run: same figures, then the p95 ratio. */
function compare(label: string, baseline: () => unknown, ours: () => unknown, oursP95: number) {
  if (JSON.stringify(baseline()) !== JSON.stringify(ours())) throw new Error(`${label}: the SQL aggregate and the baseline disagree`);
  // Fewer runs: each takes seconds.
  const xs = timeIt(baseline, Math.min(RUNS, 10));
  const p95 = percentile(xs, 95);
  console.log(`${`baseline ${label}`.padEnd(58)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   same figures; ×${(p95 / oursP95).toFixed(1)} slower (p95)`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-bench-stats-'));
  try {
    // STATS_BENCH_DB=path keeps (or reuses) the built database, for trying indexes and queries.
    const keep = process.env.STATS_BENCH_DB;
    const { db, ms } = keep && existsSync(keep) ? { db: openDatabase(keep), ms: 0 } : build(keep ?? join(dir, 'bench.sqlite'));
    if (process.env.STATS_BENCH_BUILD_ONLY) return;
    const count = (t: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    console.log(`built in ${(ms / 1000).toFixed(1)} s: ${['seekers', 'jobs', 'pipeline_events', 'applications', 'follow_ups', 'enrollments', 'seeker_skills', 'seeker_needs', 'job_skills', 'job_accommodations'].map((t) => `${t} ${count(t)}`).join(', ')}`);
    const t1 = performance.now();
    const services = createServices({ db, clock: { now: () => NOW }, logger: createLogger('silent'), config: loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false' }) });
    console.log(`services (incl. the match index) ready in ${((performance.now() - t1) / 1000).toFixed(1)} s; ${RUNS} runs each after ${WARMUP} warm-up, target p95 ≤ ${TARGET_MS} ms\n`);
    const { stats, quota } = services;
    const year = { from: '2025-11-26', to: '2026-11-25' };
    const filtered = { ...year, street: ['kengzi'], category: [4], level: [2, 3] };

    console.log('through the services:');
    report('stats.librarySizes (all time)', timeIt(() => stats.librarySizes({}, 'zh-CN')));
    report('stats.librarySizes (a year, street+category+level)', timeIt(() => stats.librarySizes(filtered, 'zh-CN')));
    for (const by of ['category', 'level', 'street', 'stage'] as const) report(`stats.seekersBy(${by})`, timeIt(() => stats.seekersBy(by, {}, 'zh-CN')));
    report('stats.seekersBy(category, filtered)', timeIt(() => stats.seekersBy('category', filtered, 'zh-CN')));
    for (const by of ['category', 'level', 'street'] as const) report(`stats.employmentRates(${by})`, timeIt(() => stats.employmentRates(by, {}, 'zh-CN')));
    report('stats.employmentRates(street, filtered)', timeIt(() => stats.employmentRates('street', filtered, 'zh-CN')));
    report('stats.funnel (a year)', timeIt(() => stats.funnel(year, 'zh-CN')));
    report('stats.funnel (a year, filtered)', timeIt(() => stats.funnel(filtered, 'zh-CN')));
    report('stats.trainingOutcomes (all time)', timeIt(() => stats.trainingOutcomes({}, 'zh-CN')));
    report('stats.trainingOutcomes (a year, filtered)', timeIt(() => stats.trainingOutcomes(filtered, 'zh-CN')));
    // The two delegated to the pipeline service, on their own, to see where the time goes.
    const funnelP95 = report('  of which pipeline.funnel (a year)', timeIt(() => services.pipeline.funnel(year.from, year.to, {})));
    const streetP95 = report('  of which pipeline.funnel (a year, one street)', timeIt(() => services.pipeline.funnel(year.from, year.to, { street: ['kengzi'] })));
    const respP95 = report('  of which pipeline.responsiveness (all time)', timeIt(() => services.pipeline.responsiveness('2000-01-01', year.to)));
    report('stats.alliance (all time)', timeIt(() => stats.alliance({}, 'zh-CN')));
    report('stats.alliance (a year)', timeIt(() => stats.alliance(year, 'zh-CN')));
    report('stats.accommodationGaps', timeIt(() => stats.accommodationGaps({}, 'zh-CN')));
    report('stats.accommodationGaps (filtered)', timeIt(() => stats.accommodationGaps(filtered, 'zh-CN')));
    report('stats.skills (top 30)', timeIt(() => stats.skills({ limit: 30 }, 'zh-CN')));
    report('stats.skills (filtered)', timeIt(() => stats.skills({ ...filtered, limit: 30 }, 'zh-CN')));
    report('public summary', timeIt(() => publicSummary(db, 'zh-CN')));
    report('quota.list (40 members)', timeIt(() => quota.list({ limit: 100 })));
    report('quota.member (with candidates)', timeIt(() => quota.member(7)));

    console.log('\nbaseline (the JavaScript aggregation replaced, same database, same run):');
    compare('pipeline.funnel (a year)', () => baselineFunnel(db, year.from, year.to), () => services.pipeline.funnel(year.from, year.to, {}), funnelP95);
    compare('pipeline.funnel (a year, one street)', () => baselineFunnel(db, year.from, year.to, ['kengzi']), () => services.pipeline.funnel(year.from, year.to, { street: ['kengzi'] }), streetP95);
    compare('pipeline.responsiveness (all time)', () => baselineResponsiveness(db, '2000-01-01', year.to), () => services.pipeline.responsiveness('2000-01-01', year.to), respP95);

    // Over real HTTP, signed in as staff: routing, validation, session, JSON or the export.
    const app = createApp(services);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    db.$client.prepare(`INSERT OR IGNORE INTO users (username, password_hash, role, display_name) VALUES ('bench-staff', ?, 'staff', 'bench')`).run(await hashPassword('bench passphrase staff'));
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-staff', password: 'bench passphrase staff' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    console.log('\nover HTTP (staff session):');
    for (const path of [
      '/stats/library-sizes',
      '/stats/seekers?by=street',
      '/stats/employment-rates?by=category',
      '/stats/funnel?from=2025-11-26&to=2026-11-25',
      '/stats/training-outcomes',
      '/stats/alliance',
      '/stats/accommodation-gaps',
      '/stats/skills',
      '/stats/alliance.csv',
      '/stats/skills.xlsx?lang=en',
      '/public/summary',
      '/quota/members',
      '/quota/members/7',
    ]) report(`GET ${path}`, await timeAsync(() => get(path)));
    server.close();
    db.$client.close();
    const missed = lines.filter((l) => l.endsWith('MISS')).length;
    console.log(`\n${lines.length - missed}/${lines.length} PASS (p95 ≤ ${TARGET_MS} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
