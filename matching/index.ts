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
 *      IDF-weighted skill-tag score (skills were resolved at upsert: no jieba or Jaro–Winkler here);
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
  TermTable,
  WORKPLACE_ONLY_MASK,
  collectOfferSkills,
  collectSeekerSkills,
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
import { hardRuleViolations } from './rules.js';
import {
  accessibilityScore,
  combine,
  locationScore,
  preferencesScore,
  skillsPart,
  tagDenominator,
  tagScore,
  textSimilarity,
  trainingScore,
} from './score.js';
import { SkillTable } from './skills.js';
import { COURSE_COMPLETED, OfferStore, SeekerStore, postingQuality, type Offer, type OfferColumns, type SeekerColumns } from './stores.js';
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

/** Slack for comparing cheap bounds with exact totals (floating-point order of additions differs). */
const EPS = 1e-9;

/** Tag scores are grouped into this many buckets so that whole buckets can be skipped by their bound. */
const TAG_BUCKETS = 32;

/** Upper bound of a total whose tag score falls in bucket b (every other part at its maximum). */
function bucketUpper(w: MatchWeights, b: number): number {
  return combine(w, Math.min(1, (b + 1) / TAG_BUCKETS), 1, 1, 1, 1, 1);
}

/** Reusable per-query scratch arrays (the index is single-threaded; queries do not nest). */
class Scratch {
  private touchedArr = new Int32Array(0);
  private evaluatedArr = new Int32Array(0);
  private orderArr = new Int32Array(0);
  private bucketArr = new Uint8Array(0);
  private readonly start = new Int32Array(TAG_BUCKETS + 1);
  private readonly fill = new Int32Array(TAG_BUCKETS);

  touched(n: number): Int32Array {
    if (this.touchedArr.length < n) this.touchedArr = new Int32Array(Math.max(n, 2 * this.touchedArr.length));
    return this.touchedArr;
  }
  evaluated(n: number): Int32Array {
    if (this.evaluatedArr.length < n) this.evaluatedArr = new Int32Array(Math.max(n, 2 * this.evaluatedArr.length));
    return this.evaluatedArr;
  }
  /**
   * Turns each touched slot's accumulated tag into its tag score (`toTag`), in place in `acc`, and
   * counting-sorts the slots by tag bucket: bucket b holds order[start[b] … start[b+1]).
   */
  bucketize(slots: Int32Array, n: number, acc: Float64Array, toTag: (slot: number, accumulated: number) => number): { order: Int32Array; start: Int32Array } {
    if (this.orderArr.length < n) {
      this.orderArr = new Int32Array(Math.max(n, 2 * this.orderArr.length));
      this.bucketArr = new Uint8Array(this.orderArr.length);
    }
    const start = this.start;
    const bucketOf = this.bucketArr;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      const tag = toTag(slot, acc[slot]!);
      acc[slot] = tag;
      const b = tag >= 1 ? TAG_BUCKETS - 1 : (tag * TAG_BUCKETS) | 0;
      bucketOf[i] = b;
      start[b + 1]!++;
    }
    for (let b = 1; b <= TAG_BUCKETS; b++) start[b]! += start[b - 1]!;
    const fill = this.fill;
    fill.set(start.subarray(0, TAG_BUCKETS));
    const order = this.orderArr;
    for (let i = 0; i < n; i++) order[fill[bucketOf[i]!]!++] = slots[i]!;
    return { order, start };
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

  private compileSeeker(seeker: SeekerProfile): SeekerView {
    const skills = collectSeekerSkills(seeker.skills, seeker.completedCourseIds, this.table, this.catalogue);
    const text = this.text(seeker.about);
    const must = maskOf(seeker.needs.filter((n) => n.strength === 'must').map((n) => n.code));
    // A need listed both as must and prefer is a must; `prefer` holds only the rest.
    const prefer = maskOf(seeker.needs.filter((n) => n.strength === 'prefer').map((n) => n.code)) & ~must;
    return {
      source: seeker,
      data: packSeeker(skills, text, seeker.completedCourseIds, seeker.inProgressCourseIds),
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

  private compileJob(job: JobPosting): OfferView {
    const skills = collectOfferSkills(job.requiredSkills, job.preferredSkills, this.table);
    const text = this.text(`${job.title}\n${job.description}`);
    return this.offerViewOf(job, packOffer(skills, text, job.requiredCourseIds), job.status === 'open' && job.openings > 0, hoursIndex(job.hours), job.salaryMax ?? Number.NaN, text.inverseNorm);
  }

  private compileProject(project: EntrepreneurshipProject): OfferView {
    const skills = collectOfferSkills(project.skills, [], this.table);
    const text = this.text(`${project.title}\n${project.sector}\n${project.description}`);
    return this.offerViewOf(project, packOffer(skills, text, []), project.status === 'open' && project.capacity > 0, HOURS_NONE, Number.POSITIVE_INFINITY, text.inverseNorm);
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────────

  upsertJob(job: JobPosting): void {
    const v = this.compileJob(job);
    this.jobs.upsert(job.id, job, v.data, v);
  }
  removeJob(id: number): boolean {
    return this.jobs.remove(id);
  }
  upsertProject(project: EntrepreneurshipProject): void {
    const v = this.compileProject(project);
    this.projects.upsert(project.id, project, v.data, v);
  }
  removeProject(id: number): boolean {
    return this.projects.remove(id);
  }
  upsertSeeker(seeker: SeekerProfile): void {
    const v = this.compileSeeker(seeker);
    this.seekers.upsert(seeker.id, seeker, v.data, v, v.preferCount);
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
      provided: store.provided[slot]!,
      mode: store.mode[slot]!,
      street: store.street[slot]!,
      hours: store.hours[slot]!,
      salaryMax: store.salaryMax[slot]!,
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

  private total(p: PartScores): number {
    return combine(this.weights, p.tag, p.text, p.training, p.accessibility, p.location, p.preferences);
  }

  private result(kind: 'job' | 'project', id: number, offer: OfferView, seeker: SeekerView, scored: { total: number; parts: PartScores }): MatchResult {
    const offerSource = offer.source;
    const offerSkills =
      kind === 'job'
        ? collectOfferSkills((offerSource as JobPosting).requiredSkills, (offerSource as JobPosting).preferredSkills, this.table)
        : collectOfferSkills((offerSource as EntrepreneurshipProject).skills, [], this.table);
    const { reasons, gaps } = explainPair(
      { table: this.table, catalogue: this.catalogue, termOf: (t) => this.terms.termOf(t) },
      {
        kind,
        seeker: seeker.source,
        seekerData: seeker.data,
        seekerSkills: collectSeekerSkills(seeker.source.skills, seeker.source.completedCourseIds, this.table, this.catalogue),
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
    const idfStamp = store.idfStamp;
    const epoch = store.nextEpoch();
    const { stamp, acc, lb, present, active, provided, mode, street, hours, salaryMax, requiredCourses, firstCourse, data, den, denVersion, ids } = store;
    const touched = this.scratch.touched(store.high);
    let nTouched = 0;

    // 1. skill tags through the posting lists of the seeker's skill codes
    const sd = seeker.data;
    for (let i = 0, n = sd[0]!; i < n; i++) {
      const o = 1 + 3 * i;
      const code = sd[o]!;
      const list = store.postings[code];
      if (!list) continue;
      const surface = sd[o + 1]!;
      const typo = (sd[o + 2]! & FLAG_TYPO) !== 0;
      const idfCode = idf[code]!;
      const { slots, surfaces, flags } = list;
      for (let e = 0, m = list.length; e < m; e++) {
        const slot = slots[e]!;
        const f = flags[e]!;
        const contribution = idfCode * ((f & FLAG_REQUIRED) !== 0 ? 1 : PREFERRED_WEIGHT) * postingQuality(surfaces[e]!, f, surface, typo);
        if (stamp[slot] !== epoch) {
          stamp[slot] = epoch;
          acc[slot] = contribution;
          touched[nTouched++] = slot;
        } else acc[slot]! += contribution;
      }
    }
    for (let e = 0, list = store.noSkills; e < list.length; e++) {
      const slot = list.slots[e]!;
      stamp[slot] = epoch;
      acc[slot] = 0;
      touched[nTouched++] = slot;
    }

    // 2. hard rules on the columns and every part but free text (a lower bound), best tags first;
    //    stop when no remaining tag bucket (nor the jobs sharing no skill) can reach the k-th bound
    const courseValue = seekerCourseValues(sd);
    const top = new TopValues(limit);
    const evaluated = this.scratch.evaluated(store.high);
    let nEvaluated = 0;
    const { must, modes, prefer, preferCount, hoursMask: seekerHours, salaryExpectation } = seeker;
    const seekerStreet = seeker.street;
    const streetFilter = options.street ? streetIndex(options.street) : -2;
    const modeFilter = options.workMode ? modeIndex(options.workMode) : -1;
    const evaluate = (slot: number, tag: number): void => {
      if (active[slot] === 0) return;
      const prov = provided[slot]!;
      if ((must & ~prov) !== 0) return;
      const m = mode[slot]!;
      if (((modes >>> m) & 1) === 0) return;
      if (modeFilter >= 0 && m !== modeFilter) return;
      if (streetFilter !== -2 && street[slot] !== streetFilter) return;
      const nCourses = requiredCourses[slot]!;
      const training = nCourses === 0 ? 1 : nCourses === 1 ? (courseValue.get(firstCourse[slot]!) ?? 0) : trainingScore(data[slot]!, sd);
      const value = combine(
        w,
        tag,
        0,
        training,
        accessibilityScore(prefer, preferCount, prov),
        locationScore(seekerStreet, street[slot]!, m),
        preferencesScore(seekerHours, hours[slot]!, salaryExpectation, salaryMax[slot]!),
      );
      lb[slot] = value;
      evaluated[nEvaluated++] = slot;
      top.push(value);
    };
    const stillNeeded = (upper: number): boolean => upper + EPS >= minScore && (!top.full || upper + EPS >= top.min());
    const buckets = this.scratch.bucketize(touched, nTouched, acc, (slot, accumulated) => {
      const d = denVersion[slot] === idfStamp ? den[slot]! : store.denominator(slot, idf);
      return d > 0 ? Math.min(1, accumulated / d) : SCORING.noSkillsListed;
    });
    for (let b = TAG_BUCKETS - 1; b >= 0; b--) {
      if (!stillNeeded(bucketUpper(w, b))) break;
      for (let i = buckets.start[b]!, end = buckets.start[b + 1]!; i < end; i++) {
        const slot = buckets.order[i]!;
        evaluate(slot, acc[slot]!);
      }
    }
    if (stillNeeded(combine(w, 0, 1, 1, 1, 1, 1))) {
      for (let slot = 0, high = store.high; slot < high; slot++) {
        if (present[slot] === 1 && stamp[slot] !== epoch) evaluate(slot, 0);
      }
    }

    // 3. free text for those whose upper bound reaches the k-th lower bound; exact scores for the cut
    const textMax = w.skills * SCORING.textShare;
    const bar = Math.max(top.full ? top.min() : Number.NEGATIVE_INFINITY, minScore) - textMax - EPS;
    const candidates: Candidate[] = [];
    for (let e = 0; e < nEvaluated; e++) {
      const slot = evaluated[e]!;
      const value = lb[slot]!;
      if (value < bar) continue;
      const text = textSimilarity(data[slot]!, store.textInverseNorm[slot]!, sd, seeker.textInverseNorm);
      candidates.push({ slot, id: ids[slot]!, approx: value + textMax * text });
    }
    const scored = this.cut(candidates, limit, minScore, (slot) => this.exactParts(this.offerAt(store, slot), seeker, idf));
    return scored.map((s) => this.result(kind, s.id, this.offerAt(store, s.slot), seeker, s));
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
    const epoch = store.nextEpoch();
    const { stamp, acc, acc2, lb, present, share, must, modes, prefer, preferCount, street, hoursMask: seekerHours, salaryExpectation, data, ids } = store;
    const touched = this.scratch.touched(store.high);
    let nTouched = 0;

    // 1. skill tags and required courses through the seekers' posting lists
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
        const slot = slots[e]!;
        const contribution = weight * postingQuality(surfaces[e]!, flags[e]!, surface, typo);
        if (stamp[slot] !== epoch) {
          stamp[slot] = epoch;
          acc[slot] = contribution;
          acc2[slot] = 0;
          touched[nTouched++] = slot;
        } else acc[slot]! += contribution;
      }
    }
    const requiredCourses = requiredCourseIds(jd);
    for (const course of requiredCourses) {
      const list = store.coursePostings.get(course);
      if (!list) continue;
      for (let e = 0, m = list.length; e < m; e++) {
        const slot = list.slots[e]!;
        const value = list.flags[e] === COURSE_COMPLETED ? 1 : SCORING.inProgressCourse;
        if (stamp[slot] !== epoch) {
          stamp[slot] = epoch;
          acc[slot] = 0;
          acc2[slot] = value;
          touched[nTouched++] = slot;
        } else acc2[slot]! += value;
      }
    }
    const untouchedTag = den > 0 ? 0 : SCORING.noSkillsListed;

    // 2. seekers by tag bucket, best first: hard rules, consent, filters, lower bound. A bucket is
    //    skipped when its upper bound reaches neither the alert threshold nor the k-th lower bound.
    const prov = job.provided;
    const jobMode = job.mode;
    const jobStreet = job.street;
    const jobHours = job.hours;
    const jobSalary = job.salaryMax;
    const nCourses = requiredCourses.length;
    const streetFilter = options.street ? streetIndex(options.street) : -2;
    const modeFilter = options.workMode ? modeIndex(options.workMode) : -1;
    const filter = options.filter;
    const top = new TopValues(Math.max(1, limit));
    const evaluated = this.scratch.evaluated(store.high);
    let nEvaluated = 0;
    const evaluate = (slot: number, tag: number, training: number): void => {
      if (share[slot] === 0) return;
      if ((must[slot]! & ~prov) !== 0) return;
      const m = modes[slot]!;
      if (((m >>> jobMode) & 1) === 0) return;
      if (modeFilter >= 0 && ((m >>> modeFilter) & 1) === 0) return;
      if (streetFilter !== -2 && street[slot] !== streetFilter) return;
      if (filter && !filter(ids[slot]!)) return;
      const value = combine(
        w,
        tag,
        0,
        training,
        accessibilityScore(prefer[slot]!, preferCount[slot]!, prov),
        locationScore(street[slot]!, jobStreet, jobMode),
        preferencesScore(seekerHours[slot]!, jobHours, salaryExpectation[slot]!, jobSalary),
      );
      lb[slot] = value;
      evaluated[nEvaluated++] = slot;
      if (limit > 0) top.push(value);
    };
    const stillNeeded = (upper: number): boolean =>
      upper + EPS >= threshold || (limit > 0 && upper + EPS >= minScore && (!top.full || upper + EPS >= top.min()));
    const inverseDen = den > 0 ? 1 / den : 0;
    const buckets = this.scratch.bucketize(touched, nTouched, acc, (_slot, accumulated) =>
      den > 0 ? Math.min(1, accumulated * inverseDen) : untouchedTag,
    );
    for (let b = TAG_BUCKETS - 1; b >= 0; b--) {
      if (!stillNeeded(bucketUpper(w, b))) break;
      for (let i = buckets.start[b]!, end = buckets.start[b + 1]!; i < end; i++) {
        const slot = buckets.order[i]!;
        evaluate(slot, acc[slot]!, nCourses === 0 ? 1 : acc2[slot]! / nCourses);
      }
    }
    if (stillNeeded(combine(w, untouchedTag, 1, nCourses === 0 ? 1 : 0, 1, 1, 1))) {
      for (let slot = 0, high = store.high; slot < high; slot++) {
        if (present[slot] === 1 && stamp[slot] !== epoch) evaluate(slot, untouchedTag, nCourses === 0 ? 1 : 0);
      }
    }

    // 3. free text where it can matter: near the alert threshold, and for the top k
    const textMax = w.skills * SCORING.textShare;
    const kthLower = limit === 0 ? Number.POSITIVE_INFINITY : top.full ? top.min() : Number.NEGATIVE_INFINITY;
    const bar = Math.max(kthLower, minScore) - textMax - EPS;
    const exactTotal = (slot: number): number => this.total(this.exactParts(job, this.seekerView(ids[slot]!), idf));
    const candidates: Candidate[] = [];
    let count = 0;
    for (let e = 0; e < nEvaluated; e++) {
      const slot = evaluated[e]!;
      const value = lb[slot]!;
      const forTop = value >= bar;
      if (!forTop) {
        if (value >= threshold + EPS) count++;
        if (value >= threshold + EPS || value + textMax + EPS < threshold) continue;
      }
      const approx = value + textMax * textSimilarity(jd, job.textInverseNorm, data[slot]!, store.textInverseNorm[slot]!);
      if (approx >= threshold + EPS) count++;
      else if (approx > threshold - EPS && exactTotal(slot) >= threshold) count++;
      if (forTop) candidates.push({ slot, id: ids[slot]!, approx });
    }
    if (limit === 0) return { results: [], countAboveThreshold: count };
    const scored = this.cut(candidates, limit, minScore, (slot) => this.exactParts(job, this.seekerView(ids[slot]!), idf));
    return { results: scored.map((s) => this.result('job', s.id, job, this.seekerView(s.id), s)), countAboveThreshold: count };
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
