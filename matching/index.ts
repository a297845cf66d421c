/**
 * AbilityBridge matcher: a pure library. Plain objects in (seekers, jobs, projects, the course
 * catalogue), ranked and explained results out. No database, no HTTP, no clock, no randomness.
 *
 *   const index = createMatchIndex({ courses, jobs, seekers, projects });
 *   index.jobsForSeeker(seekerId, { limit: 20 });
 *   index.seekersForJob(jobId, { limit: 20, alertThreshold: 0.6 });   // { results, countAboveThreshold }
 *   index.projectsForSeeker(seekerId);
 *   index.upsertJob(job); index.removeJob(id); index.upsertSeeker(s); index.setCourses(courses); …
 *
 * How a query runs (jobs for a seeker; the other directions mirror it):
 *   1. walk the posting lists of the seeker's skill codes, accumulating each touched job's
 *      IDF-weighted skill-tag score (skills were resolved at upsert: no jieba or Jaro–Winkler here;
 *      each posting entry carries its share of its job's skill weights, so the sum is the tag);
 *   2. apply the hard rules on typed-array columns (status/openings flag, `must` bitmask, work mode)
 *      and compute every part except free text: a lower bound, the upper bound being that plus the
 *      largest free-text contribution; jobs sharing no skill are scanned only when their upper bound
 *      could still reach the current k-th best;
 *   3. score exactly (with free text) only the jobs whose upper bound reaches the k-th lower bound,
 *      sort by total desc then id asc, and explain only the k returned.
 */
import { DEFAULT_WEIGHTS, SCORING, validateWeights, type MatchWeights } from './config.js';
import {
  CourseCatalogue,
  HOURS_NONE,
  MODE_REMOTE,
  PackedSlabs,
  TermTable,
  WORKPLACE_ONLY_MASK,
  collectOfferSkills,
  collectSeekerSkills,
  type OfferSkill,
  type SeekerSkill,
  compileText,
  hoursIndex,
  hoursMask,
  maskOf,
  modeIndex,
  modesMask,
  packOffer,
  packSeeker,
  popcount,
  streetIndex,
  FLAG_REQUIRED,
  FLAG_TYPO,
  PREFERRED_WEIGHT,
  coursesAt,
} from './compile.js';
import { explainPair, type PartScores } from './explain.js';
import { Retainer } from './retain.js';
import { hardRuleViolations } from './rules.js';
import {
  accessibilityScore,
  combine,
  locationScore,
  preferencesScore,
  skillsPart,
  tagDenominator,
  tagScore,
  termsSimilarity,
  textSimilarity,
  trainingScore,
} from './score.js';
import { SkillTable } from './skills.js';
import { COURSE_COMPLETED, INLINE_TERMS, OfferStore, SCAN_STRIDE, SeekerStore, TERMS_NOT_INLINE, postingQuality, type Offer, type OfferColumns, type SeekerColumns } from './stores.js';
import type { CatalogueCourse, EntrepreneurshipProject, JobPosting, SeekerProfile } from './types.js';
import type { Bilingual, Street, WorkMode } from './vocabulary.js';

export { DEFAULT_WEIGHTS, SCORING, validateWeights, type MatchWeights } from './config.js';
export { hardRuleViolations, unmetMustNeeds, type HardRuleOptions } from './rules.js';
export { SkillTable, type SkillResolution } from './skills.js';

/** The five parts of a score, each in [0, 1]. */
export interface MatchParts {
  skills: number;
  training: number;
  accessibility: number;
  location: number;
  preferences: number;
}

/** One ranked result. For `seekersForJob` the id is the seeker's id; otherwise the job's or project's. */
export interface MatchResult {
  id: number;
  /** Weighted sum of the parts, in [0, 1]. */
  total: number;
  parts: MatchParts;
  weights: MatchWeights;
  /** Why it fits, zh and en. */
  reasons: Bilingual[];
  /** What is missing, each with what would close it where known, zh and en. */
  gaps: Bilingual[];
}

export interface QueryOptions {
  /** Top k; default 20. */
  limit?: number;
  /** Drop results whose total is below this; default 0. */
  minScore?: number;
  /** Only jobs/projects in this street (jobsForSeeker, projectsForSeeker) or seekers living in it (seekersForJob). */
  street?: Street;
  /** Only jobs/projects with this work mode (jobsForSeeker, projectsForSeeker) or seekers who can do it (seekersForJob). */
  workMode?: WorkMode;
}

export interface SeekersForJobOptions extends QueryOptions {
  /** Count eligible seekers whose total is at or above this; default SCORING.alertThreshold. */
  alertThreshold?: number;
  /** Extra filter on seeker ids (e.g. only seekers who opted in to alerts). Called only for seekers passing the hard rules. */
  filter?: (seekerId: number) => boolean;
}

export interface SeekersForJobResult {
  results: MatchResult[];
  /** Eligible seekers (hard rules, consent, filters) with total ≥ alertThreshold. */
  countAboveThreshold: number;
}

/** A pair explained on request: the result, or why it is excluded. */
export interface PairExplanation {
  /** Null when a hard rule excludes the pair. */
  result: MatchResult | null;
  exclusions: Bilingual[];
}

export interface MatchIndexInit {
  courses?: readonly CatalogueCourse[];
  jobs?: readonly JobPosting[];
  seekers?: readonly SeekerProfile[];
  projects?: readonly EntrepreneurshipProject[];
  /** Defaults to DEFAULT_WEIGHTS; must sum to 1. */
  weights?: MatchWeights;
}

export interface MatchIndexStats {
  jobs: number;
  seekers: number;
  projects: number;
  courses: number;
  skillCodes: number;
}

export interface MatchIndex {
  readonly weights: MatchWeights;
  upsertJob(job: JobPosting): void;
  /** True if the job was in the index. */
  removeJob(id: number): boolean;
  upsertSeeker(seeker: SeekerProfile): void;
  removeSeeker(id: number): boolean;
  upsertProject(project: EntrepreneurshipProject): void;
  removeProject(id: number): boolean;
  /** Replaces the catalogue; recompiles seekers' course-taught skills (O(seekers)). */
  setCourses(courses: readonly CatalogueCourse[]): void;
  /** Top jobs for a seeker (by id in the index, or a profile object not necessarily indexed). */
  jobsForSeeker(seeker: number | SeekerProfile, options?: QueryOptions): MatchResult[];
  /** Top seekers (with consent to share) for a job, and how many are at or above the alert threshold. */
  seekersForJob(job: number | JobPosting, options?: SeekersForJobOptions): SeekersForJobResult;
  projectsForSeeker(seeker: number | SeekerProfile, options?: QueryOptions): MatchResult[];
  /** One pair, scored and explained, or the hard rules that exclude it (forEmployer adds the consent rule). */
  explainJob(seeker: number | SeekerProfile, job: number | JobPosting, options?: { forEmployer?: boolean }): PairExplanation;
  explainProject(seeker: number | SeekerProfile, project: number | EntrepreneurshipProject): PairExplanation;
  stats(): MatchIndexStats;
}

/**
 * Slack for comparing cheap bounds with exact totals: the order of additions differs, and the
 * accumulated skill weights are single precision (a few roundings of 6e-8 relative, under 1e-6).
 */
const EPS = 1e-6;

/** Tag scores are grouped into this many buckets (per unit) so that the best slots are scanned first. */
const TAG_BUCKETS = 64;

/** Reusable per-query scratch arrays (the index is single-threaded; queries do not nest). */
class Scratch {
  readonly histogram = new Int32Array(TAG_BUCKETS + 1);
  /** Slots the seeker's skills reach (plus those listing no skills), chained by tag bucket: the
   *  last touched entry of bucket b is head[b], the one before it next[head[b]], … (−1 ends);
   *  `rest`: the other slots of bucket 0 when needed. */
  readonly head = new Int32Array(TAG_BUCKETS + 1);
  touched = new Int32Array(0);
  next = new Int32Array(0);
  rest = new Int32Array(0);
  /** Slots kept after the scan (possible top-k candidates), with their lower bound and free text (−1: not computed). */
  slots = new Int32Array(0);
  lower = new Float64Array(0);
  text = new Float64Array(0);

  /** Makes room for `high` slots in the bucket arrays. */
  reserveSlots(high: number): void {
    if (this.touched.length >= high) return;
    const cap = Math.max(high, Math.ceil(this.touched.length * 1.5), 1024);
    this.touched = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.rest = new Int32Array(cap);
  }

  /** Makes room for at least n entries. */
  reserve(n: number): void {
    if (this.slots.length >= n) return;
    const cap = Math.max(n, 2 * this.slots.length, 1024);
    const slots = new Int32Array(cap);
    const lower = new Float64Array(cap);
    const text = new Float64Array(cap);
    slots.set(this.slots);
    lower.set(this.lower);
    text.set(this.text);
    this.slots = slots;
    this.lower = lower;
    this.text = text;
  }
}

interface SeekerView extends SeekerColumns {
  source: SeekerProfile;
  data: Int32Array;
  preferCount: number;
}

interface OfferView extends OfferColumns {
  source: Offer;
  data: Int32Array;
}

/** Min-heap of the k largest values seen (only the values are needed: the k-th largest is the bound). */
class TopValues {
  private readonly heap: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.heap = new Float64Array(Math.max(1, k));
  }
  push(v: number): void {
    const h = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      h[i] = v;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (h[p]! <= v) break;
        h[i] = h[p]!;
        i = p;
      }
      h[i] = v;
      return;
    }
    if (v <= h[0]!) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && h[r]! < h[l]! ? r : l;
      if (h[c]! >= v) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = v;
  }
  get full(): boolean {
    return this.size >= this.k;
  }
  min(): number {
    return this.heap[0]!;
  }
}

interface Candidate {
  slot: number;
  id: number;
  /** Lower bound plus the free-text contribution: the exact total up to floating-point noise. */
  approx: number;
}

interface Scored {
  slot: number;
  id: number;
  total: number;
  parts: PartScores;
}

function byTotalThenId(a: Scored, b: Scored): number {
  return b.total - a.total || a.id - b.id;
}

function normLimit(limit: number | undefined): number {
  if (limit === undefined) return 20;
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

class Index implements MatchIndex {
  readonly weights: MatchWeights;
  private readonly table = new SkillTable();
  private readonly terms = new TermTable();
  private catalogue: CourseCatalogue;
  private readonly scratch = new Scratch();
  /** Compact copies of the profiles kept for explanations. */
  private readonly retainer = new Retainer();
  private readonly slabs = new PackedSlabs();
  private readonly jobs = new OfferStore<JobPosting>();
  private readonly projects = new OfferStore<EntrepreneurshipProject>();
  private readonly seekers = new SeekerStore();

  constructor(init: MatchIndexInit) {
    this.weights = validateWeights(init.weights ?? DEFAULT_WEIGHTS);
    this.catalogue = new CourseCatalogue(init.courses ?? [], this.table);
    for (const job of init.jobs ?? []) this.upsertJob(job);
    for (const project of init.projects ?? []) this.upsertProject(project);
    for (const seeker of init.seekers ?? []) this.upsertSeeker(seeker);
  }

  // ── compiling ────────────────────────────────────────────────────────────────────────────────

  private text(text: string): ReturnType<typeof compileText> {
    return compileText(text, this.terms);
  }

  /** `kept`: the index keeps the packed data (from its slabs); otherwise it is the query's own. */
  private compileSeeker(seeker: SeekerProfile, kept = false): SeekerView {
    const skills = collectSeekerSkills(seeker.skills, seeker.completedCourseIds, this.table, this.catalogue);
    const text = this.text(seeker.about);
    const must = maskOf(seeker.needs.filter((n) => n.strength === 'must').map((n) => n.code));
    // A need listed both as must and prefer is a must; `prefer` holds only the rest.
    const prefer = maskOf(seeker.needs.filter((n) => n.strength === 'prefer').map((n) => n.code)) & ~must;
    return {
      source: seeker,
      data: packSeeker(skills, text, seeker.completedCourseIds, seeker.inProgressCourseIds, kept ? this.slabs.allocate : undefined),
      share: seeker.shareWithEmployers,
      must,
      prefer,
      preferCount: popcount(prefer),
      modes: modesMask(seeker.workModes),
      street: streetIndex(seeker.street),
      hoursMask: hoursMask(seeker.hours),
      salaryExpectation: seeker.salaryExpectation ?? Number.NaN,
      textInverseNorm: text.inverseNorm,
    };
  }

  private offerViewOf(offer: Offer, data: Int32Array, active: boolean, hours: number, salaryMax: number, textInverseNorm: number): OfferView {
    const mode = modeIndex(offer.workMode);
    return {
      source: offer,
      data,
      active,
      provided: maskOf(offer.accommodations) | (mode === MODE_REMOTE ? WORKPLACE_ONLY_MASK : 0),
      mode,
      street: streetIndex(offer.street),
      hours,
      salaryMax,
      textInverseNorm,
    };
  }

  private compileJob(job: JobPosting, kept = false): OfferView {
    const skills = collectOfferSkills(job.requiredSkills, job.preferredSkills, this.table);
    const text = this.text(`${job.title}\n${job.description}`);
    return this.offerViewOf(job, packOffer(skills, text, job.requiredCourseIds, kept ? this.slabs.allocate : undefined), job.status === 'open' && job.openings > 0, hoursIndex(job.hours), job.salaryMax ?? Number.NaN, text.inverseNorm);
  }

  private compileProject(project: EntrepreneurshipProject, kept = false): OfferView {
    const skills = collectOfferSkills(project.skills, [], this.table);
    const text = this.text(`${project.title}\n${project.sector}\n${project.description}`);
    return this.offerViewOf(project, packOffer(skills, text, [], kept ? this.slabs.allocate : undefined), project.status === 'open' && project.capacity > 0, HOURS_NONE, Number.POSITIVE_INFINITY, text.inverseNorm);
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────────

  upsertJob(job: JobPosting): void {
    const v = this.compileJob(job, true);
    this.jobs.upsert(job.id, this.retainer.job(job), v.data, v);
  }
  removeJob(id: number): boolean {
    return this.jobs.remove(id);
  }
  upsertProject(project: EntrepreneurshipProject): void {
    const v = this.compileProject(project, true);
    this.projects.upsert(project.id, this.retainer.project(project), v.data, v);
  }
  removeProject(id: number): boolean {
    return this.projects.remove(id);
  }
  upsertSeeker(seeker: SeekerProfile): void {
    const v = this.compileSeeker(seeker, true);
    this.seekers.upsert(seeker.id, this.retainer.seeker(seeker), v.data, v, v.preferCount);
  }
  removeSeeker(id: number): boolean {
    return this.seekers.remove(id);
  }
  setCourses(courses: readonly CatalogueCourse[]): void {
    this.catalogue = new CourseCatalogue(courses, this.table);
    for (let slot = 0; slot < this.seekers.high; slot++) {
      const source = this.seekers.sources[slot];
      if (source) this.upsertSeeker(source);
    }
  }

  stats(): MatchIndexStats {
    return {
      jobs: this.jobs.count,
      seekers: this.seekers.count,
      projects: this.projects.count,
      courses: this.catalogue.byId.size,
      skillCodes: this.table.codeCount,
    };
  }

  // ── views ────────────────────────────────────────────────────────────────────────────────────

  private seekerView(seeker: number | SeekerProfile): SeekerView {
    if (typeof seeker !== 'number') return this.compileSeeker(seeker);
    const s = this.seekers;
    const slot = s.slotOf.get(seeker);
    if (slot === undefined) throw new RangeError(`unknown seeker id ${seeker}`);
    return {
      source: s.sources[slot]!,
      data: s.data[slot]!,
      share: s.share[slot] === 1,
      must: s.must[slot]!,
      prefer: s.prefer[slot]!,
      preferCount: s.preferCount[slot]!,
      modes: s.modes[slot]!,
      street: s.street[slot]!,
      hoursMask: s.hoursMask[slot]!,
      salaryExpectation: s.salaryExpectation[slot]!,
      textInverseNorm: s.textInverseNorm[slot]!,
    };
  }

  private offerView<S extends Offer>(store: OfferStore<S>, offer: number | S, kind: 'job' | 'project'): OfferView {
    if (typeof offer !== 'number') return kind === 'job' ? this.compileJob(offer as JobPosting) : this.compileProject(offer as EntrepreneurshipProject);
    const slot = store.slotOf.get(offer);
    if (slot === undefined) throw new RangeError(`unknown ${kind} id ${offer}`);
    return this.offerAt(store, slot);
  }

  private offerAt<S extends Offer>(store: OfferStore<S>, slot: number): OfferView {
    return {
      source: store.sources[slot]!,
      data: store.data[slot]!,
      active: store.active[slot] === 1,
      ...store.columnsAt(slot),
      textInverseNorm: store.textInverseNorm[slot]!,
    };
  }

  // ── exact scoring and results ────────────────────────────────────────────────────────────────

  private exactParts(offer: OfferView, seeker: SeekerView, idf: Float64Array): PartScores {
    return {
      tag: tagScore(offer.data, seeker.data, idf),
      text: textSimilarity(offer.data, offer.textInverseNorm, seeker.data, seeker.textInverseNorm),
      training: trainingScore(offer.data, seeker.data),
      accessibility: accessibilityScore(seeker.prefer, seeker.preferCount, offer.provided),
      location: locationScore(seeker.street, offer.street, offer.mode),
      preferences: preferencesScore(seeker.hoursMask, offer.hours, seeker.salaryExpectation, offer.salaryMax),
    };
  }

  private seekerSkills(seeker: SeekerView): Map<number, SeekerSkill> {
    return collectSeekerSkills(seeker.source.skills, seeker.source.completedCourseIds, this.table, this.catalogue);
  }

  private total(p: PartScores): number {
    return combine(this.weights, p.tag, p.text, p.training, p.accessibility, p.location, p.preferences);
  }

  /**
   * One explained result. `known` carries the skills already collected for a side every result of
   * the query shares (the seeker for jobsForSeeker, the job for seekersForJob), collected once.
   */
  private result(
    kind: 'job' | 'project',
    id: number,
    offer: OfferView,
    seeker: SeekerView,
    scored: { total: number; parts: PartScores },
    known: { offerSkills?: Map<number, OfferSkill>; seekerSkills?: Map<number, SeekerSkill> } = {},
  ): MatchResult {
    const offerSource = offer.source;
    const offerSkills =
      known.offerSkills ??
      (kind === 'job'
        ? collectOfferSkills((offerSource as JobPosting).requiredSkills, (offerSource as JobPosting).preferredSkills, this.table)
        : collectOfferSkills((offerSource as EntrepreneurshipProject).skills, [], this.table));
    const { reasons, gaps } = explainPair(
      { table: this.table, catalogue: this.catalogue, termOf: (t) => this.terms.termOf(t) },
      {
        kind,
        seeker: seeker.source,
        seekerData: seeker.data,
        seekerSkills: known.seekerSkills ?? this.seekerSkills(seeker),
        offer: offerSource,
        offerData: offer.data,
        offerSkills,
        parts: scored.parts,
      },
    );
    const p = scored.parts;
    return {
      id,
      total: scored.total,
      parts: {
        skills: skillsPart(p.tag, p.text),
        training: p.training,
        accessibility: p.accessibility,
        location: p.location,
        preferences: p.preferences,
      },
      weights: this.weights,
      reasons,
      gaps,
    };
  }

  // ── queries ──────────────────────────────────────────────────────────────────────────────────

  jobsForSeeker(seeker: number | SeekerProfile, options: QueryOptions = {}): MatchResult[] {
    return this.offersForSeeker(this.jobs, 'job', seeker, options);
  }

  projectsForSeeker(seeker: number | SeekerProfile, options: QueryOptions = {}): MatchResult[] {
    return this.offersForSeeker(this.projects, 'project', seeker, options);
  }

  private offersForSeeker<S extends Offer>(store: OfferStore<S>, kind: 'job' | 'project', seekerRef: number | SeekerProfile, options: QueryOptions): MatchResult[] {
    const limit = normLimit(options.limit);
    const seeker = this.seekerView(seekerRef);
    if (limit === 0) return [];
    const minScore = options.minScore ?? 0;
    const w = this.weights;
    const idf = store.idf(this.table.codeCount);
    const { acc, scanRow, data, ids } = store;
    const high = store.high;
    this.scratch.reserveSlots(high);
    const { touched, next, head, histogram } = this.scratch;
    // `acc` is all zeros between queries: only the touched slots are written, and reset in `finally`
    let nTouched = 0;
    try {
      // active slots listing no skills have the same tag for every seeker; listed first
      for (const slot of store.noSkillSlots) touched[nTouched++] = slot;
      const nNoSkills = nTouched;

      // 1. skill tags through the posting lists of the seeker's skill codes (every contribution is > 0,
      //    so a zero marks a slot not reached yet)
      const sameLabel = SCORING.sameLabel;
      const typoMatch = SCORING.typoMatch;
      const vocabularyMatch = SCORING.vocabularyMatch;
      const sd = seeker.data;
      store.postingWeights(idf);
      const nCodes = sd[0]!;
      // The longest list first: none of its slots is reached yet, so it needs no reached test.
      let longest = -1;
      for (let i = 0, most = -1; i < nCodes; i++) {
        const length = store.postings[sd[1 + 3 * i]!]?.length ?? 0;
        if (length > most) [longest, most] = [i, length];
      }
      for (let k = 0; k < nCodes; k++) {
        const i = k === 0 ? longest : k <= longest ? k - 1 : k;
        const o = 1 + 3 * i;
        const code = sd[o]!;
        const list = store.postings[code];
        if (!list) continue;
        const surface = sd[o + 1]!;
        const typo = (sd[o + 2]! & FLAG_TYPO) !== 0;
        const { slots, surfaces, flags, weights } = list;
        const m = list.length;
        if (k === 0) {
          for (let e = 0; e < m; e++) {
            const quality = surfaces[e] === surface ? sameLabel : typo || (flags[e]! & FLAG_TYPO) !== 0 ? typoMatch : vocabularyMatch;
            const slot = slots[e]!;
            touched[nTouched++] = slot;
            acc[slot] = weights[e]! * quality;
          }
          continue;
        }
        for (let e = 0; e < m; e++) {
          // as postingQuality(), inlined
          const quality = surfaces[e] === surface ? sameLabel : typo || (flags[e]! & FLAG_TYPO) !== 0 ? typoMatch : vocabularyMatch;
          const slot = slots[e]!;
          if (acc[slot] === 0) touched[nTouched++] = slot;
          acc[slot]! += weights[e]! * quality;
        }
      }

      // 2. the tag score of every touched slot, in place in `acc`, and a
      //    histogram of tag buckets, where every active slot not reached (tag 0) counts in bucket 0;
      //    then, best buckets first, scans over the slots of a range of buckets: an upper bound of
      //    the total (every other part at its maximum) and, for the slots whose bound reaches the
      //    running k-th lower bound, the hard rules on the columns and every part but free text (the
      //    lower bound). Stops when the next range's bound cannot reach it; the slots not reached are
      //    only listed (one pass over all slots) when bucket 0 must be scanned.
      const tagBase = store.tagBase;
      histogram.fill(0);
      head.fill(-1);
      // bucket of a tag t in [0, 1]: (t · TAG_BUCKETS) | 0 (exact: a power of two)
      const noSkillsBucket = (SCORING.noSkillsListed * TAG_BUCKETS) | 0;
      for (let i = 0; i < nNoSkills; i++) {
        acc[touched[i]!] = SCORING.noSkillsListed;
        next[i] = head[noSkillsBucket]!;
        head[noSkillsBucket] = i;
      }
      histogram[noSkillsBucket]! += nNoSkills;
      // The posting lists hold active slots only: each touched slot past the first nNoSkills is an
      // active slot listing skills, reached. Chained into its bucket (no sort: the scan below
      // usually reads a few thousand of tens of thousands).
      for (let i = nNoSkills; i < nTouched; i++) {
        const slot = touched[i]!;
        const tag = Math.min(1, acc[slot]!);
        acc[slot] = tag;
        const b = (tag * TAG_BUCKETS) | 0;
        next[i] = head[b]!;
        head[b] = i;
        histogram[b]!++;
      }
      const notReached = store.activeWithSkills - (nTouched - nNoSkills);
      histogram[0]! += notReached;
      const courseValue = seekerCourseValues(sd);
      const top = new TopValues(limit);
      const scratch = this.scratch;
      scratch.reserve(Math.min(high, 4096));
      let nKept = 0;
      const { must, modes, prefer, preferCount, hoursMask: seekerHours, salaryExpectation } = seeker;
      const seekerStreet = seeker.street;
      const streetFilter = options.street ? streetIndex(options.street) : -2;
      const modeFilter = options.workMode ? modeIndex(options.workMode) : -1;
      const textMax = w.skills * SCORING.textShare;
      const tagWeight = w.skills * (1 - SCORING.textShare);
      const rest = textMax + w.training + w.accessibility + w.location + w.preferences;
      // a slot is skipped when its upper bound + EPS is below `floor`
      let floor = minScore;
      // bucket b (0 … TAG_BUCKETS) holds tags in [b / TAG_BUCKETS, (b + 1) / TAG_BUCKETS); the last one tag 1
      let bucketHigh = TAG_BUCKETS + 1;
      let want = Math.max(64, 4 * limit);
      while (bucketHigh > 0) {
        // the next range of buckets: at least `want` slots (doubling each time)
        let bucketLow = bucketHigh - 1;
        let inRange = histogram[bucketLow]!;
        while (bucketLow > 0 && inRange < want) inRange += histogram[--bucketLow]!;
        want *= 2;
        if (inRange > 0) {
          const restList = scratch.rest;
          for (let pass = 0; pass < 2; pass++) {
            let b = bucketLow;
            let link = head[b]!;
            let r = 0;
            let rEnd = 0;
            if (pass === 1) {
              // bucket 0's slots not reached by any skill: tag 0, listed now (rarely needed)
              if (bucketLow !== 0 || notReached === 0 || rest + EPS < floor) break;
              for (let slot = 0; slot < high; slot++) if (acc[slot] === 0 && tagBase[slot] === 0) restList[rEnd++] = slot;
            }
            for (;;) {
              let slot: number;
              if (pass === 0) {
                // the chains of buckets bucketLow … bucketHigh − 1
                while (link === -1 && ++b < bucketHigh) link = head[b]!;
                if (link === -1) break;
                slot = touched[link]!;
                link = next[link]!;
              } else {
                if (r === rEnd) break;
                slot = restList[r++]!;
              }
              const tag = acc[slot]!;
              if (tagWeight * tag + rest + EPS < floor) continue;
              const row = slot * SCAN_STRIDE;
              const prov = scanRow[row]!;
              if ((must & ~prov) !== 0) continue;
              const packed = scanRow[row + 1]!;
              const m = packed & 15;
              if (((modes >>> m) & 1) === 0) continue;
              if (modeFilter >= 0 && m !== modeFilter) continue;
              const offerStreet = ((packed >>> 4) & 255) - 2;
              if (streetFilter !== -2 && offerStreet !== streetFilter) continue;
              const nCourses = packed >>> 20;
              const training = nCourses === 0 ? 1 : nCourses === 1 ? (courseValue.get(scanRow[row + 2]!) ?? 0) : trainingScore(data[slot]!, sd);
              const value = combine(
                w,
                tag,
                0,
                training,
                accessibilityScore(prefer, preferCount, prov),
                locationScore(seekerStreet, offerStreet, m),
                preferencesScore(seekerHours, (packed >>> 12) & 255, salaryExpectation, scanRow[row + 3]!),
              );
              top.push(value);
              if (top.full && top.min() > floor) floor = top.min();
              // kept if it may still reach the final bar (the k-th lower bound only rises)
              if (value + textMax + 2 * EPS >= floor) {
                if (nKept === scratch.slots.length) scratch.reserve(nKept + 1);
                scratch.slots[nKept] = slot;
                scratch.lower[nKept++] = value;
              }
            }
          }
        }
        bucketHigh = bucketLow;
        // the best tag left is below bucketHigh / TAG_BUCKETS
        if (tagWeight * (bucketHigh / TAG_BUCKETS) + rest + EPS < floor) break;
      }

      // 3. free text for those whose lower bound is within the text share of the k-th lower bound;
      //    exact scores for the cut
      const bar = Math.max(top.full ? top.min() : Number.NEGATIVE_INFINITY, minScore) - textMax - EPS;
      const candidates: Candidate[] = [];
      const kept = scratch.slots;
      const lower = scratch.lower;
      const textInverseNorm = store.textInverseNorm;
      for (let e = 0; e < nKept; e++) {
        const value = lower[e]!;
        if (value < bar) continue;
        const slot = kept[e]!;
        const text = textSimilarity(data[slot]!, textInverseNorm[slot]!, sd, seeker.textInverseNorm);
        candidates.push({ slot, id: ids[slot]!, approx: value + textMax * text });
      }
      const scored = this.cut(candidates, limit, minScore, (slot) => this.exactParts(this.offerAt(store, slot), seeker, idf));
      const known = { seekerSkills: scored.length > 1 ? this.seekerSkills(seeker) : undefined };
      return scored.map((s) => this.result(kind, s.id, this.offerAt(store, s.slot), seeker, s, known));
    } finally {
      // a memset once the touched slots are many (sequential beats scattered writes)
      if (nTouched > high >> 3) acc.fill(0, 0, high);
      else for (let i = 0; i < nTouched; i++) acc[touched[i]!] = 0;
    }
  }

  /**
   * The exact top k from candidates with approximate totals (exact up to floating-point noise):
   * everything whose approximation reaches the k-th one (minus a slack) is scored exactly, then
   * sorted by total desc, id asc.
   */
  private cut(candidates: Candidate[], limit: number, minScore: number, exact: (slot: number) => PartScores): Scored[] {
    candidates.sort((a, b) => b.approx - a.approx || a.id - b.id);
    const kth = candidates.length >= limit ? candidates[limit - 1]!.approx : Number.NEGATIVE_INFINITY;
    const floor = Math.max(kth, minScore) - EPS;
    const scored: Scored[] = [];
    for (const c of candidates) {
      if (c.approx < floor) break;
      const parts = exact(c.slot);
      const total = this.total(parts);
      if (total >= minScore) scored.push({ slot: c.slot, id: c.id, total, parts });
    }
    scored.sort(byTotalThenId);
    return scored.slice(0, limit);
  }

  seekersForJob(jobRef: number | JobPosting, options: SeekersForJobOptions = {}): SeekersForJobResult {
    const job = this.offerView(this.jobs, jobRef, 'job');
    const limit = normLimit(options.limit);
    const minScore = options.minScore ?? 0;
    const threshold = options.alertThreshold ?? SCORING.alertThreshold;
    if (!job.active) return { results: [], countAboveThreshold: 0 };
    const w = this.weights;
    const idf = this.jobs.idf(this.table.codeCount);
    const store = this.seekers;
    const { acc, acc2, present, share, must, modes, prefer, preferCount, street, hoursMask: seekerHours, salaryExpectation, data, ids } = store;
    const high = store.high;
    acc.fill(0, 0, high);
    acc2.fill(0, 0, high);

    // 1. skill tags and required courses through the seekers' posting lists
    const sameLabel = SCORING.sameLabel;
    const typoMatch = SCORING.typoMatch;
    const vocabularyMatch = SCORING.vocabularyMatch;
    const jd = job.data;
    const den = tagDenominator(jd, idf);
    for (let i = 0, n = jd[0]!; i < n; i++) {
      const o = 1 + 3 * i;
      const code = jd[o]!;
      const list = store.postings[code];
      if (!list) continue;
      const surface = jd[o + 1]!;
      const jf = jd[o + 2]!;
      const typo = (jf & FLAG_TYPO) !== 0;
      const weight = idf[code]! * ((jf & FLAG_REQUIRED) !== 0 ? 1 : PREFERRED_WEIGHT);
      const { slots, surfaces, flags } = list;
      for (let e = 0, m = list.length; e < m; e++) {
        // as postingQuality(), inlined
        const quality = surfaces[e] === surface ? sameLabel : typo || (flags[e]! & FLAG_TYPO) !== 0 ? typoMatch : vocabularyMatch;
        acc[slots[e]!]! += weight * quality;
      }
    }
    const requiredCourses = requiredCourseIds(jd);
    const inProgress = SCORING.inProgressCourse;
    for (const course of requiredCourses) {
      const list = store.coursePostings.get(course);
      if (!list) continue;
      const { slots, flags } = list;
      for (let e = 0, m = list.length; e < m; e++) acc2[slots[e]!]! += flags[e] === COURSE_COMPLETED ? 1 : inProgress;
    }

    // 2. one sequential scan over the seekers: tag score and training from the accumulators, an
    //    upper bound of the total (the other parts at their maximum); seekers whose bound reaches
    //    neither the alert threshold nor the running k-th lower bound are skipped. The others: hard
    //    rules, consent, filters, lower bound (every part but free text); free text where it
    //    decides the count (a band below the threshold); kept when they may make the top k.
    const prov = job.provided;
    const jobMode = job.mode;
    const jobStreet = job.street;
    const jobHours = job.hours;
    const jobSalary = job.salaryMax;
    const jobInverseNorm = job.textInverseNorm;
    const nCourses = requiredCourses.length;
    const streetFilter = options.street ? streetIndex(options.street) : -2;
    const modeFilter = options.workMode ? modeIndex(options.workMode) : -1;
    const filter = options.filter;
    const top = new TopValues(Math.max(1, limit));
    const scratch = this.scratch;
    scratch.reserve(Math.min(high, 4096));
    let nKept = 0;
    const textMax = w.skills * SCORING.textShare;
    const tagWeight = w.skills * (1 - SCORING.textShare);
    const rest = textMax + w.accessibility + w.location + w.preferences;
    const trainingWeight = w.training;
    const inverseDen = den > 0 ? 1 / den : 0;
    const noSkillsTag = SCORING.noSkillsListed;
    const { textInverseNorm, textTerms, textTermCount } = store;
    const seekerText = (slot: number): number => {
      const n = textTermCount[slot]!;
      if (n === TERMS_NOT_INLINE) return textSimilarity(jd, jobInverseNorm, data[slot]!, textInverseNorm[slot]!);
      const from = slot * INLINE_TERMS;
      return termsSimilarity(jd, jobInverseNorm, textTerms, from, from + n, textInverseNorm[slot]!);
    };
    const exactTotal = (slot: number): number => this.total(this.exactParts(job, this.seekerView(ids[slot]!), idf));
    // running k-th lower bound (only rises); +∞ when no top k is asked for
    let topFloor = limit === 0 ? Number.POSITIVE_INFINITY : minScore;
    let floor = Math.min(threshold, topFloor);
    let count = 0;
    for (let slot = 0; slot < high; slot++) {
      if (share[slot] === 0 || present[slot] === 0) continue;
      const tag = den > 0 ? Math.min(1, acc[slot]! * inverseDen) : noSkillsTag;
      const training = nCourses === 0 ? 1 : acc2[slot]! / nCourses;
      if (tagWeight * tag + trainingWeight * training + rest + EPS < floor) continue;
      if ((must[slot]! & ~prov) !== 0) continue;
      const m = modes[slot]!;
      if (((m >>> jobMode) & 1) === 0) continue;
      if (modeFilter >= 0 && ((m >>> modeFilter) & 1) === 0) continue;
      if (streetFilter !== -2 && street[slot] !== streetFilter) continue;
      if (filter && !filter(ids[slot]!)) continue;
      const value = combine(
        w,
        tag,
        0,
        training,
        accessibilityScore(prefer[slot]!, preferCount[slot]!, prov),
        locationScore(street[slot]!, jobStreet, jobMode),
        preferencesScore(seekerHours[slot]!, jobHours, salaryExpectation[slot]!, jobSalary),
      );
      // the count does not depend on the top k: at or above the threshold by the lower bound alone,
      // or with free text when the lower bound is within the text share below it
      let text = -1;
      if (value >= threshold + EPS) count++;
      else if (value + textMax + EPS >= threshold) {
        text = seekerText(slot);
        const approx = value + textMax * text;
        if (approx >= threshold + EPS) count++;
        else if (approx > threshold - EPS && exactTotal(slot) >= threshold) count++;
      }
      if (limit > 0) {
        top.push(value);
        if (top.full && top.min() > topFloor) {
          topFloor = top.min();
          floor = Math.min(threshold, topFloor);
        }
        if (value + textMax + 2 * EPS >= topFloor) {
          if (nKept === scratch.slots.length) scratch.reserve(nKept + 1);
          scratch.slots[nKept] = slot;
          scratch.lower[nKept] = value;
          scratch.text[nKept++] = text;
        }
      }
    }
    if (limit === 0) return { results: [], countAboveThreshold: count };

    // 3. the top k: free text for those whose lower bound is within the text share of the k-th one
    const bar = Math.max(top.full ? top.min() : Number.NEGATIVE_INFINITY, minScore) - textMax - EPS;
    const candidates: Candidate[] = [];
    const kept = scratch.slots;
    const lower = scratch.lower;
    const texts = scratch.text;
    for (let e = 0; e < nKept; e++) {
      const value = lower[e]!;
      if (value < bar) continue;
      const slot = kept[e]!;
      const known = texts[e]!;
      const text = known >= 0 ? known : seekerText(slot);
      candidates.push({ slot, id: ids[slot]!, approx: value + textMax * text });
    }
    const scored = this.cut(candidates, limit, minScore, (slot) => this.exactParts(job, this.seekerView(ids[slot]!), idf));
    const jobSource = job.source as JobPosting;
    const known = { offerSkills: scored.length > 1 ? collectOfferSkills(jobSource.requiredSkills, jobSource.preferredSkills, this.table) : undefined };
    return { results: scored.map((s) => this.result('job', s.id, job, this.seekerView(s.id), s, known)), countAboveThreshold: count };
  }

  // ── single pairs ─────────────────────────────────────────────────────────────────────────────

  explainJob(seekerRef: number | SeekerProfile, jobRef: number | JobPosting, options: { forEmployer?: boolean } = {}): PairExplanation {
    const seeker = this.seekerView(seekerRef);
    const job = this.offerView(this.jobs, jobRef, 'job');
    return this.explainOffer('job', this.jobs, seeker, job, options.forEmployer ?? false);
  }

  explainProject(seekerRef: number | SeekerProfile, projectRef: number | EntrepreneurshipProject): PairExplanation {
    const seeker = this.seekerView(seekerRef);
    const project = this.offerView(this.projects, projectRef, 'project');
    return this.explainOffer('project', this.projects, seeker, project, false);
  }

  private explainOffer<S extends Offer>(kind: 'job' | 'project', store: OfferStore<S>, seeker: SeekerView, offer: OfferView, forEmployer: boolean): PairExplanation {
    const exclusions = hardRuleViolations(seeker.source, offer.source, { forEmployer });
    if (exclusions.length) return { result: null, exclusions };
    const parts = this.exactParts(offer, seeker, store.idf(this.table.codeCount));
    return { result: this.result(kind, offer.source.id, offer, seeker, { total: this.total(parts), parts }), exclusions };
  }
}

/** The required course ids of packed offer data (deduplicated at compile time). */
function requiredCourseIds(offer: Int32Array): number[] {
  const c = coursesAt(offer);
  return Array.from(offer.subarray(c + 1, c + 1 + offer[c]!));
}

/** A seeker's course id → readiness value (1 completed, SCORING.inProgressCourse enrolled). */
function seekerCourseValues(seeker: Int32Array): Map<number, number> {
  const values = new Map<number, number>();
  let c = coursesAt(seeker);
  for (let i = 1, n = seeker[c]!; i <= n; i++) values.set(seeker[c + i]!, 1);
  c += 1 + seeker[c]!;
  for (let i = 1, n = seeker[c]!; i <= n; i++) if (!values.has(seeker[c + i]!)) values.set(seeker[c + i]!, SCORING.inProgressCourse);
  return values;
}

/** Builds the index from plain objects. Everything after this is incremental. */
export function createMatchIndex(init: MatchIndexInit = {}): MatchIndex {
  return new Index(init);
}
