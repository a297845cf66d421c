/**
 * Matcher benchmark: prints figures, asserts nothing. Run with
 *   npx tsx --expose-gc bench/matching.ts            (or: npm run bench)
 * Optional: BENCH_QUERIES=200 (queries per measurement), BENCH_JOBS=20000,100000 (job library sizes).
 *
 * Deterministic synthetic data (seeded PRNG) at 20k and 100k jobs with 100k seekers. Measures index
 * build, top-20 jobs for a seeker (median, p95), all seekers scored for a new job (top 20 + count
 * above threshold), one incremental update (job, seeker), memory after GC, and the same top-20
 * query in FlexSearch (Document index over title/description/skills, must-needs as a post-filter)
 * as a baseline.
 */
import { Charset, Document } from 'flexsearch';
import { createMatchIndex, type MatchIndex } from '../matching/index.js';
import type { CatalogueCourse, JobPosting, SeekerProfile } from '../matching/types.js';
import {
  ACCOMMODATIONS,
  ACCOMMODATION_CODES,
  HOURS_CODES,
  SKILLS,
  SKILL_CODES,
  STREET_CODES,
  type AccommodationCode,
  type Hours,
  type WorkMode,
} from '../matching/vocabulary.js';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(20240601);
const int = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
function pickSome<T>(xs: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, xs.length)) out.add(pick(xs));
  return [...out];
}

/** A skill label as people write it: zh name, en name, a synonym, or now and then a typo. */
function label(code: (typeof SKILL_CODES)[number]): string {
  const s = SKILLS[code];
  const r = rnd();
  if (r < 0.45) return s.zh;
  if (r < 0.7) return s.en;
  if (r < 0.95) return pick(s.synonyms);
  const en = s.en;
  const i = 1 + int(Math.max(1, en.length - 2));
  return en.slice(0, i) + en.slice(i + 1); // a dropped letter
}

const FILLERS = ['负责日常工作', '欢迎残障人士应聘', '提供岗前培训', '工作环境友好', '团队氛围好', '有带教师傅', '五险一金', '包午餐', '可居家办公', '耐心细致'];
// Weighted skill popularity: a few skills are common, most are rare (as in real postings).
const POPULAR = SKILL_CODES.slice(0, 12);
const skillCode = (): (typeof SKILL_CODES)[number] => (rnd() < 0.6 ? pick(POPULAR) : pick(SKILL_CODES));

const COURSES: CatalogueCourse[] = Array.from({ length: 30 }, (_, i) => {
  const code = SKILL_CODES[i % SKILL_CODES.length]!;
  return { id: i + 1, titleZh: `${SKILLS[code].zh}培训${i + 1}`, titleEn: `${SKILLS[code].en} course ${i + 1}`, skills: [SKILLS[code].zh] };
});

function modeOf(): WorkMode {
  const r = rnd();
  return r < 0.7 ? 'onsite' : r < 0.85 ? 'hybrid' : 'remote';
}

function makeJob(id: number): JobPosting {
  const required = pickSome(Array.from({ length: 40 }, skillCode), 1 + int(3));
  const preferred = pickSome(Array.from({ length: 40 }, skillCode), int(3)).filter((c) => !required.includes(c));
  const accommodations = ACCOMMODATION_CODES.filter(() => rnd() < 0.3);
  const salaryMin = 2500 + 100 * int(30);
  return {
    id,
    memberId: 1 + int(40),
    title: `${SKILLS[required[0]!].zh}${pick(['专员', '助理', '岗位', '学徒'])}`,
    description: `${required.map((c) => SKILLS[c].zh).join('、')}，${pick(FILLERS)}，${pick(FILLERS)}。${rnd() < 0.3 ? SKILLS[required[0]!].en : ''}`,
    street: rnd() < 0.95 ? pick(STREET_CODES) : null,
    workMode: modeOf(),
    hours: pick(HOURS_CODES),
    salaryMin,
    salaryMax: rnd() < 0.9 ? salaryMin + 500 + 100 * int(30) : null,
    openings: rnd() < 0.9 ? 1 + int(5) : 0,
    status: rnd() < 0.9 ? 'open' : pick(['closed', 'archived'] as const),
    requiredSkills: required.map(label),
    preferredSkills: preferred.map(label),
    requiredCourseIds: rnd() < 0.25 ? [1 + int(COURSES.length)] : [],
    accommodations,
  };
}

function makeSeeker(id: number): SeekerProfile {
  const skills = pickSome(Array.from({ length: 40 }, skillCode), 2 + int(4));
  const needCodes = pickSome(ACCOMMODATION_CODES, int(4));
  const modes = (['onsite', 'hybrid', 'remote'] as const).filter(() => rnd() < 0.6);
  return {
    id,
    street: rnd() < 0.95 ? pick(STREET_CODES) : null,
    skills: skills.map(label),
    about: `我会${skills.map((c) => SKILLS[c].zh).join('、')}，${pick(FILLERS)}`,
    needs: needCodes.map((code, i) => ({ code, strength: i === 0 && rnd() < 0.5 ? 'must' : 'prefer' })),
    workModes: modes.length ? modes : ['remote'],
    hours: rnd() < 0.5 ? [] : ([pick(HOURS_CODES)] as Hours[]),
    salaryExpectation: rnd() < 0.7 ? 3000 + 100 * int(40) : null,
    completedCourseIds: rnd() < 0.4 ? [1 + int(COURSES.length)] : [],
    inProgressCourseIds: rnd() < 0.2 ? [1 + int(COURSES.length)] : [],
    shareWithEmployers: rnd() < 0.85,
  };
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}
const ms = (x: number): string => `${x.toFixed(3)} ms`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}
function memory(): { heapMB: number; arrayBuffersMB: number } {
  gc();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 2 ** 20, arrayBuffersMB: m.arrayBuffers / 2 ** 20 };
}

// ── FlexSearch baseline ─────────────────────────────────────────────────────────────────────────

interface FlexJob {
  [key: string]: string | number;
  id: number;
  title: string;
  description: string;
  skills: string;
}

function buildFlex(jobs: readonly JobPosting[]): Document<FlexJob> {
  const doc = new Document<FlexJob>({
    document: { id: 'id', index: ['title', 'description', 'skills'] },
    encoder: Charset.CJK,
    tokenize: 'forward',
  });
  for (const j of jobs) doc.add({ id: j.id, title: j.title, description: j.description, skills: [...j.requiredSkills, ...j.preferredSkills].join(' ') });
  return doc;
}

function flexEligible(seeker: SeekerProfile, job: JobPosting): boolean {
  if (job.status !== 'open' || job.openings <= 0 || !seeker.workModes.includes(job.workMode)) return false;
  for (const n of seeker.needs) {
    if (n.strength !== 'must' || job.accommodations.includes(n.code)) continue;
    if (job.workMode === 'remote' && ACCOMMODATIONS[n.code].workplaceOnly) continue;
    return false;
  }
  return true;
}

/** Top 20 from FlexSearch: query with the seeker's skills, post-filter the hard rules, widen until 20 pass. */
function flexTop20(doc: Document<FlexJob>, byId: Map<number, JobPosting>, seeker: SeekerProfile): number[] {
  const query = seeker.skills.join(' ');
  for (let limit = 100; ; limit *= 4) {
    const groups = doc.search(query, { limit, merge: true }) as unknown as { id: number }[];
    const out: number[] = [];
    for (const g of groups) {
      const job = byId.get(g.id)!;
      if (flexEligible(seeker, job)) out.push(g.id);
      if (out.length === 20) return out;
    }
    if (groups.length < limit) return out;
  }
}

// ── runs ────────────────────────────────────────────────────────────────────────────────────────

function run(jobCount: number, seekerCount: number): void {
  console.log(`\n=== ${jobCount.toLocaleString('en')} jobs, ${seekerCount.toLocaleString('en')} seekers ===`);
  const jobs = Array.from({ length: jobCount }, (_, i) => makeJob(i + 1));
  const seekers = Array.from({ length: seekerCount }, (_, i) => makeSeeker(i + 1));
  const before = memory();
  let index!: MatchIndex;
  const buildMs = time(() => {
    index = createMatchIndex({ courses: COURSES, jobs, seekers });
  });
  const after = memory();
  console.log(`build: ${ms(buildMs)}  (${JSON.stringify(index.stats())})`);
  console.log(
    `memory after build (index only, inputs excluded): heap +${(after.heapMB - before.heapMB).toFixed(1)} MB, arrayBuffers +${(after.arrayBuffersMB - before.arrayBuffersMB).toFixed(1)} MB;` +
      ` process total heap ${after.heapMB.toFixed(1)} MB + arrayBuffers ${after.arrayBuffersMB.toFixed(1)} MB`,
  );

  // top-20 jobs for a seeker
  const querySeekers = Array.from({ length: QUERIES }, () => 1 + int(seekerCount));
  for (const id of querySeekers.slice(0, 20)) index.jobsForSeeker(id, { limit: 20 }); // warm-up
  const ours = querySeekers.map((id) => time(() => index.jobsForSeeker(id, { limit: 20 })));
  const o = stats(ours);
  console.log(`top-20 jobs for a seeker: median ${ms(o.median)}, p95 ${ms(o.p95)}, max ${ms(o.max)}`);

  // FlexSearch baseline, same seekers
  const byId = new Map(jobs.map((j) => [j.id, j]));
  let doc!: Document<FlexJob>;
  const flexBuild = time(() => {
    doc = buildFlex(jobs);
  });
  for (const id of querySeekers.slice(0, 20)) flexTop20(doc, byId, seekers[id - 1]!);
  const flex = querySeekers.map((id) => time(() => flexTop20(doc, byId, seekers[id - 1]!)));
  const f = stats(flex);
  console.log(`FlexSearch baseline top-20 (+ hard-rule post-filter): build ${ms(flexBuild)}, median ${ms(f.median)}, p95 ${ms(f.p95)}`);
  console.log(`speed-up vs FlexSearch: median ×${(f.median / o.median).toFixed(1)}, p95 ×${(f.p95 / o.p95).toFixed(1)}`);

  // all seekers for a new job
  const newJobs = Array.from({ length: Math.min(QUERIES, 100) }, (_, i) => ({ ...makeJob(10_000_000 + i), status: 'open' as const, openings: 2 }));
  for (const j of newJobs.slice(0, 5)) index.seekersForJob(j, { limit: 20 });
  let counted = 0;
  const fresh = newJobs.map((j) =>
    time(() => {
      counted += index.seekersForJob(j, { limit: 20, alertThreshold: 0.7 }).countAboveThreshold;
    }),
  );
  const s = stats(fresh);
  console.log(
    `all ${seekerCount.toLocaleString('en')} seekers for a new job (compile job + top 20 + count ≥ 0.7): median ${ms(s.median)}, p95 ${ms(s.p95)}` +
      ` (mean count above threshold ${(counted / newJobs.length).toFixed(0)})`,
  );
  const indexed = newJobs.slice(0, 50).map((j) => {
    index.upsertJob(j);
    return j.id;
  });
  const byIdQueries = indexed.map((id) => time(() => index.seekersForJob(id, { limit: 20, alertThreshold: 0.7 })));
  const b = stats(byIdQueries);
  console.log(`  same, job already indexed (by id): median ${ms(b.median)}, p95 ${ms(b.p95)}`);
  for (const id of indexed) index.removeJob(id);

  // incremental updates
  const jobUpdates = Array.from({ length: 200 }, (_, i) => {
    const j = makeJob(1 + ((i * 7919) % jobCount));
    return time(() => index.upsertJob(j));
  });
  const seekerUpdates = Array.from({ length: 200 }, (_, i) => {
    const sk = makeSeeker(1 + ((i * 7919) % seekerCount));
    return time(() => index.upsertSeeker(sk));
  });
  const closeReopen = Array.from({ length: 200 }, (_, i) => {
    const j = jobs[(i * 104729) % jobCount]!;
    return time(() => index.upsertJob({ ...j, status: i % 2 ? 'open' : 'closed' }));
  });
  const ju = stats(jobUpdates);
  const su = stats(seekerUpdates);
  const cu = stats(closeReopen);
  console.log(`incremental upsertJob: median ${ms(ju.median)}, p95 ${ms(ju.p95)}; close/reopen a job: median ${ms(cu.median)}, p95 ${ms(cu.p95)}`);
  console.log(`incremental upsertSeeker: median ${ms(su.median)}, p95 ${ms(su.p95)}`);
  const afterUpdate = stats(querySeekers.slice(0, 50).map((id) => time(() => index.jobsForSeeker(id, { limit: 20 }))));
  console.log(`top-20 right after the updates: median ${ms(afterUpdate.median)}, p95 ${ms(afterUpdate.p95)}`);
}

console.log(`node ${process.version}, ${QUERIES} queries per measurement${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for memory figures)'}`);
const sizes = (process.env.BENCH_JOBS ?? '20000,100000').split(',').map(Number);
for (const jobs of sizes) run(jobs, 100_000);
