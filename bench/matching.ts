/**
 * Matcher benchmark. Run with
 *   npx tsx --expose-gc bench/matching.ts            (or: npm run bench)
 * Optional: BENCH_QUERIES=500 (queries per measurement), BENCH_FLEX_QUERIES=150 (FlexSearch is slow),
 * BENCH_JOBS=100000,20000 (job library sizes, default; always 100k seekers).
 *
 * Deterministic synthetic data: every job and seeker is generated from its id (seeded PRNG), on
 * demand, in chunks that are dropped once indexed, so the process holds no input objects besides
 * what the index itself retains (the memory figures are the index's honest footprint).
 * Measures index build, top-20 jobs for a seeker, all seekers scored for a new job (top 20 + count
 * above the alert threshold), incremental updates, memory after GC, and the same top-20 query in
 * FlexSearch (Document index over title/description/skills, must-needs as a post-filter) as a
 * baseline in the same run. Each latency is measured after a full collection and a warm-up, over many queries
 * (median, p95, p99), and the targets are checked: one PASS/MISS line each.
 */
import { Charset, Document } from 'flexsearch';
import { createMatchIndex, type MatchIndex } from '../matching/index.js';
import { textTerms } from '../matching/text.js';
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

const QUERIES = Number(process.env.BENCH_QUERIES ?? 500);
const FLEX_QUERIES = Math.min(QUERIES, Number(process.env.BENCH_FLEX_QUERIES ?? 150));
const SEEKERS = 100_000;

/** Targets (at 100k jobs + 100k seekers on the reference 2-core machine). */
const TARGET = {
  topJobsP95Ms: 5,
  flexSpeedUp: 5,
  seekersForJobP95Ms: 10,
  buildMs: 3000,
  processMB: 200,
  updateP95Ms: 0.35,
};

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

/** The generator's current PRNG: reseeded from the entity's kind and id, so any entity can be regenerated alone. */
let rnd = prng(20240601);
function seed(kind: number, id: number, variant = 0): void {
  rnd = prng(Math.imul(id, 0x9e3779b1) ^ Math.imul(kind + 31 * variant, 0x85ebca6b) ^ 20240601);
}
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

/** Job `id` (variant > 0: another version of it, as after an edit). */
function makeJob(id: number, variant = 0): JobPosting {
  seed(1, id, variant);
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

function makeSeeker(id: number, variant = 0): SeekerProfile {
  seed(2, id, variant);
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

interface Stats {
  median: number;
  p95: number;
  p99: number;
  max: number;
}
function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]! };
}
const ms = (x: number): string => `${x.toFixed(3)} ms`;
const show = (st: Stats): string => `median ${ms(st.median)}, p95 ${ms(st.p95)}, p99 ${ms(st.p99)}, max ${ms(st.max)}`;

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
interface Memory {
  heapMB: number;
  arrayBuffersMB: number;
  totalMB: number;
  rssMB: number;
}
function memory(): Memory {
  gc();
  const m = process.memoryUsage();
  const heapMB = m.heapUsed / 2 ** 20;
  const arrayBuffersMB = m.arrayBuffers / 2 ** 20;
  return { heapMB, arrayBuffersMB, totalMB: heapMB + arrayBuffersMB, rssMB: m.rss / 2 ** 20 };
}

const verdicts: string[] = [];
function check(name: string, ok: boolean, detail: string): void {
  const line = `${ok ? 'PASS' : 'MISS'}  ${name}: ${detail}`;
  verdicts.push(line);
  console.log(line);
}

// ── FlexSearch baseline ─────────────────────────────────────────────────────────────────────────

interface FlexJob {
  [key: string]: string | number;
  id: number;
  title: string;
  description: string;
  skills: string;
}

/** What the baseline keeps per job for its hard-rule post-filter. */
interface FlexRules {
  open: boolean;
  workMode: WorkMode;
  accommodations: readonly AccommodationCode[];
}

function buildFlex(jobCount: number): { doc: Document<FlexJob>; rules: Map<number, FlexRules> } {
  const doc = new Document<FlexJob>({
    document: { id: 'id', index: ['title', 'description', 'skills'] },
    encoder: Charset.CJK,
    tokenize: 'forward',
  });
  const rules = new Map<number, FlexRules>();
  for (let id = 1; id <= jobCount; id++) {
    const j = makeJob(id);
    doc.add({ id: j.id, title: j.title, description: j.description, skills: [...j.requiredSkills, ...j.preferredSkills].join(' ') });
    rules.set(j.id, { open: j.status === 'open' && j.openings > 0, workMode: j.workMode, accommodations: j.accommodations });
  }
  return { doc, rules };
}

function flexEligible(seeker: SeekerProfile, job: FlexRules): boolean {
  if (!job.open || !seeker.workModes.includes(job.workMode)) return false;
  for (const n of seeker.needs) {
    if (n.strength !== 'must' || job.accommodations.includes(n.code)) continue;
    if (job.workMode === 'remote' && ACCOMMODATIONS[n.code].workplaceOnly) continue;
    return false;
  }
  return true;
}

/** Top 20 from FlexSearch: query with the seeker's skills, post-filter the hard rules, widen until 20 pass. */
function flexTop20(doc: Document<FlexJob>, rules: Map<number, FlexRules>, seeker: SeekerProfile): number[] {
  const query = seeker.skills.join(' ');
  for (let limit = 100; ; limit *= 4) {
    const groups = doc.search(query, { limit, merge: true }) as unknown as { id: number }[];
    const out: number[] = [];
    for (const g of groups) {
      if (flexEligible(seeker, rules.get(g.id)!)) out.push(g.id);
      if (out.length === 20) return out;
    }
    if (groups.length < limit) return out;
  }
}

// ── runs ────────────────────────────────────────────────────────────────────────────────────────

/** Indexes jobs 1…jobCount and seekers 1…seekerCount, generated in chunks outside the timed part. */
function build(jobCount: number, seekerCount: number): { index: MatchIndex; ms: number } {
  // As the service does at start (src/match/service.ts): jieba's dictionary is loaded once per
  // process, before any index is built; its time is printed on its own, not counted as indexing.
  const dictionary = time(() => textTerms('电商客服 customer service'));
  if (dictionary > 1) console.log(`jieba dictionary load (once per process, at service start): ${ms(dictionary)}`);
  const CHUNK = 5000;
  let total = 0;
  let index!: MatchIndex;
  total += time(() => {
    index = createMatchIndex({ courses: COURSES });
  });
  for (let from = 1; from <= jobCount; from += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, jobCount - from + 1) }, (_, i) => makeJob(from + i));
    total += time(() => {
      for (const j of chunk) index.upsertJob(j);
    });
  }
  for (let from = 1; from <= seekerCount; from += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, seekerCount - from + 1) }, (_, i) => makeSeeker(from + i));
    total += time(() => {
      for (const s of chunk) index.upsertSeeker(s);
    });
  }
  return { index, ms: total };
}

function run(jobCount: number, seekerCount: number): void {
  const size = `${jobCount / 1000}k jobs`;
  console.log(`\n=== ${jobCount.toLocaleString('en')} jobs, ${seekerCount.toLocaleString('en')} seekers ===`);
  const before = memory();
  const built = build(jobCount, seekerCount);
  const index = built.index;
  const after = memory();
  console.log(`build: ${ms(built.ms)}  (${JSON.stringify(index.stats())})`);
  check(`${size} build ≤ ${TARGET.buildMs / 1000} s`, built.ms <= TARGET.buildMs, ms(built.ms));
  const own = after.totalMB - before.totalMB;
  console.log(
    `memory after build and GC: index's own footprint (incl. the profiles it retains) heap +${(after.heapMB - before.heapMB).toFixed(1)} MB` +
      ` + arrayBuffers +${(after.arrayBuffersMB - before.arrayBuffersMB).toFixed(1)} MB = ${own.toFixed(1)} MB;` +
      ` process total heap ${after.heapMB.toFixed(1)} MB + arrayBuffers ${after.arrayBuffersMB.toFixed(1)} MB = ${after.totalMB.toFixed(1)} MB` +
      ` (rss ${after.rssMB.toFixed(0)} MB, incl. code, jieba's native dictionary and free heap pages)`,
  );
  check(`${size} memory, process heap + arrayBuffers ≤ ${TARGET.processMB} MB`, after.totalMB <= TARGET.processMB, `${after.totalMB.toFixed(1)} MB (index ${own.toFixed(1)} MB)`);

  // top-20 jobs for a seeker
  seed(3, jobCount);
  const querySeekers = Array.from({ length: QUERIES }, () => 1 + int(seekerCount));
  // Enough warm-up for V8 to finish optimising the query (its tier-up needs a few hundred calls;
  // until then the first timed queries ran on unoptimised code while the compiler competed for the CPU).
  const warmUp = Array.from({ length: 300 }, () => 1 + int(seekerCount));
  // Collect first, then warm up: the warm-up also covers the collector's background sweeping
  // (an idle pause instead measured slower: this VM's CPU runs slower right after idling).
  gc();
  for (const id of warmUp) index.jobsForSeeker(id, { limit: 20 });
  const ours = querySeekers.map((id) => time(() => index.jobsForSeeker(id, { limit: 20 })));
  const o = stats(ours);
  console.log(`top-20 jobs for a seeker (${QUERIES} queries): ${show(o)}`);
  check(`${size} top-20 jobs for a seeker p95 ≤ ${TARGET.topJobsP95Ms} ms`, o.p95 <= TARGET.topJobsP95Ms, ms(o.p95));

  // all seekers for a new job
  const newJobs = Array.from({ length: QUERIES }, (_, i) => ({ ...makeJob(10_000_000 + i), status: 'open' as const, openings: 2 }));
  gc();
  for (let i = 0; i < 150; i++) index.seekersForJob({ ...makeJob(20_000_000 + i), status: 'open', openings: 2 }, { limit: 20 });
  let counted = 0;
  const fresh = newJobs.map((j) =>
    time(() => {
      counted += index.seekersForJob(j, { limit: 20, alertThreshold: 0.7 }).countAboveThreshold;
    }),
  );
  const s = stats(fresh);
  console.log(
    `all ${seekerCount.toLocaleString('en')} seekers for a new job (compile job + top 20 + count ≥ 0.7, ${newJobs.length} jobs): ${show(s)}` +
      ` (mean count above threshold ${(counted / newJobs.length).toFixed(0)})`,
  );
  check(`${size} all seekers for a new job p95 ≤ ${TARGET.seekersForJobP95Ms} ms`, s.p95 <= TARGET.seekersForJobP95Ms, ms(s.p95));
  const indexed = newJobs.slice(0, 200).map((j) => {
    index.upsertJob(j);
    return j.id;
  });
  const b = stats(indexed.map((id) => time(() => index.seekersForJob(id, { limit: 20, alertThreshold: 0.7 }))));
  console.log(`  same, job already indexed (by id, ${indexed.length} jobs): ${show(b)}`);
  for (const id of indexed) index.removeJob(id);

  // incremental updates
  const jobUpdates = Array.from({ length: 300 }, (_, i) => {
    const j = makeJob(1 + ((i * 7919) % jobCount), 1);
    return time(() => index.upsertJob(j));
  });
  const seekerUpdates = Array.from({ length: 300 }, (_, i) => {
    const sk = makeSeeker(1 + ((i * 7919) % seekerCount), 1);
    return time(() => index.upsertSeeker(sk));
  });
  const closeReopen = Array.from({ length: 300 }, (_, i) => {
    const j = makeJob(1 + ((i * 104729) % jobCount));
    return time(() => index.upsertJob({ ...j, status: i % 2 ? 'open' : 'closed' }));
  });
  const ju = stats(jobUpdates);
  const su = stats(seekerUpdates);
  const cu = stats(closeReopen);
  console.log(`incremental upsertJob: ${show(ju)}`);
  console.log(`close/reopen a job: ${show(cu)}`);
  console.log(`incremental upsertSeeker: ${show(su)}`);
  const worstUpdate = Math.max(ju.p95, su.p95, cu.p95);
  check(`${size} incremental update p95 ≤ ${TARGET.updateP95Ms} ms`, worstUpdate <= TARGET.updateP95Ms, `worst p95 ${ms(worstUpdate)}`);
  const afterUpdate = stats(querySeekers.slice(0, 100).map((id) => time(() => index.jobsForSeeker(id, { limit: 20 }))));
  console.log(`top-20 right after the updates (100 queries; the first ones recompute cached skill weights): ${show(afterUpdate)}`);

  // FlexSearch baseline: same seekers (the first FLEX_QUERIES of ours), same run
  let flex!: ReturnType<typeof buildFlex>;
  const flexBuild = time(() => {
    flex = buildFlex(jobCount);
  });
  const flexSeekers = querySeekers.slice(0, FLEX_QUERIES).map((id) => makeSeeker(id));
  gc();
  for (const id of warmUp.slice(0, 30)) flexTop20(flex.doc, flex.rules, makeSeeker(id));
  const f = stats(flexSeekers.map((sk) => time(() => flexTop20(flex.doc, flex.rules, sk))));
  const oSame = stats(ours.slice(0, FLEX_QUERIES));
  console.log(`FlexSearch baseline top-20 (+ hard-rule post-filter), ${FLEX_QUERIES} of the same seekers: build ${ms(flexBuild)}, ${show(f)}`);
  const ratioMedian = f.median / oSame.median;
  const ratioP95 = f.p95 / oSame.p95;
  console.log(`speed-up vs FlexSearch on those seekers: median ×${ratioMedian.toFixed(1)}, p95 ×${ratioP95.toFixed(1)}`);
  check(`${size} top-20 ≥ ${TARGET.flexSpeedUp}× faster than FlexSearch`, Math.min(ratioMedian, ratioP95) >= TARGET.flexSpeedUp, `median ×${ratioMedian.toFixed(1)}, p95 ×${ratioP95.toFixed(1)}`);
}

console.log(`node ${process.version}, ${QUERIES} queries per measurement (FlexSearch ${FLEX_QUERIES})${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for memory figures)'}`);
// 100k first: its memory figures are then those of a fresh process
const sizes = (process.env.BENCH_JOBS ?? '100000,20000').split(',').map(Number);
for (const jobs of sizes) {
  run(jobs, SEEKERS);
  gc();
}
console.log('\n=== targets ===');
for (const line of verdicts) console.log(line);
const missed = verdicts.filter((l) => l.startsWith('MISS')).length;
console.log(missed === 0 ? 'ALL TARGETS PASS' : `${missed} target(s) missed`);
