/**
 * Column stores for the compiled index: one slot per job/project/seeker, typed-array columns for
 * the scalar fields, packed Int32Array data per slot, and posting lists skill code → slots.
 * Slots of removed entries are reused; nothing is rebuilt on a write.
 */
import { SCORING } from './config.js';
import { FLAG_REQUIRED, FLAG_TYPO, PREFERRED_WEIGHT, termsAt } from './compile.js';
import { tagDenominator } from './score.js';
import type { EntrepreneurshipProject, JobPosting, SeekerProfile } from './types.js';

function grow<T extends Int8Array | Uint8Array | Int32Array | Uint32Array | Float32Array | Float64Array>(arr: T, cap: number): T {
  const next = new (arr.constructor as new (n: number) => T)(cap);
  next.set(arr);
  return next;
}

/** skill code → slots holding it, with the slot's label surface and flags for that skill. */
export class PostingList {
  slots = new Int32Array(4);
  surfaces = new Int32Array(4);
  flags = new Uint8Array(4);
  /**
   * Offer libraries only (`weighted`): each entry's skill weight divided by its offer's Σ skill
   * weights at the current IDF, so a query's accumulated sum is the tag score itself
   * (OfferStore.postingWeights keeps them valid).
   */
  weights: Float64Array;
  length = 0;

  constructor(readonly weighted = false) {
    this.weights = new Float64Array(weighted ? 4 : 0);
  }

  add(slot: number, surface: number, flags: number): void {
    if (this.length === this.slots.length) {
      const cap = this.slots.length * 2;
      this.slots = grow(this.slots, cap);
      this.surfaces = grow(this.surfaces, cap);
      this.flags = grow(this.flags, cap);
      if (this.weighted) this.weights = grow(this.weights, cap);
    }
    this.slots[this.length] = slot;
    this.surfaces[this.length] = surface;
    this.flags[this.length] = flags;
    this.length++;
  }

  /** Removes a slot's entry (swap with the last; order carries no meaning). */
  remove(slot: number): void {
    const slots = this.slots;
    for (let i = 0; i < this.length; i++) {
      if (slots[i] === slot) {
        const last = --this.length;
        slots[i] = slots[last]!;
        this.surfaces[i] = this.surfaces[last]!;
        this.flags[i] = this.flags[last]!;
        if (this.weighted) this.weights[i] = this.weights[last]!;
        return;
      }
    }
  }
}

/** Slot bookkeeping shared by both stores. */
abstract class SlotStore<S> {
  cap = 0;
  /** One past the highest slot ever used. */
  high = 0;
  count = 0;
  readonly slotOf = new Map<number, number>();
  private readonly free: number[] = [];
  ids = new Float64Array(0);
  present = new Uint8Array(0);
  data: (Int32Array | null)[] = [];
  sources: (S | null)[] = [];
  /**
   * Per-query scratch, one entry per slot: the skill weights accumulated from the posting lists.
   * Cleared (a memset) at the start of each query, then read in one sequential scan. Single
   * precision (half the cache footprint of the hottest array; its rounding, under 1e-6, is inside
   * the slack the bounds are compared with, index.ts EPS).
   */
  acc = new Float32Array(0);
  postings: (PostingList | undefined)[] = [];

  protected growColumns(cap: number): void {
    this.ids = grow(this.ids, cap);
    this.present = grow(this.present, cap);
    this.acc = grow(this.acc, cap);
  }

  protected allocate(id: number): { slot: number; isNew: boolean } {
    const existing = this.slotOf.get(id);
    if (existing !== undefined) return { slot: existing, isNew: false };
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.high++;
      if (slot >= this.cap) {
        this.cap = Math.max(64, this.cap * 2);
        this.growColumns(this.cap);
      }
    }
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.present[slot] = 1;
    this.count++;
    return { slot, isNew: true };
  }

  protected release(slot: number, id: number): void {
    this.slotOf.delete(id);
    this.present[slot] = 0;
    this.data[slot] = null;
    this.sources[slot] = null;
    this.free.push(slot);
    this.count--;
  }

  /** Whether this library's posting lists carry weights (the offer libraries). */
  protected readonly weightedPostings: boolean = false;

  protected postingOf(code: number): PostingList {
    let list = this.postings[code];
    if (!list) {
      list = new PostingList(this.weightedPostings);
      while (this.postings.length < code) this.postings.push(undefined);
      this.postings[code] = list;
    }
    return list;
  }

  protected addPostings(slot: number, data: Int32Array): void {
    for (let i = 0, n = data[0]!; i < n; i++) {
      const o = 1 + 3 * i;
      this.postingOf(data[o]!).add(slot, data[o + 1]!, data[o + 2]!);
    }
  }

  protected removePostings(slot: number, data: Int32Array): void {
    for (let i = 0, n = data[0]!; i < n; i++) this.postings[data[1 + 3 * i]!]?.remove(slot);
  }
}

/** Numbers per slot in OfferStore.scanRow. */
export const SCAN_STRIDE = 4;

/** Scalar fields of a job or project, as stored in the columns. */
export interface OfferColumns {
  active: boolean;
  provided: number;
  mode: number;
  street: number;
  hours: number;
  salaryMax: number;
  textInverseNorm: number;
}

export type Offer = JobPosting | EntrepreneurshipProject;

/** Jobs (or projects): columns, postings, document frequencies and IDF over the library. */
export class OfferStore<S extends Offer> extends SlotStore<S> {
  active = new Uint8Array(0);
  /**
   * The scalar columns, side by side (what a query's scan reads of a reached offer is then one
   * cache line, not one per column), SCAN_STRIDE numbers per slot: accommodations provided (plus
   * the workplace-only bits when the work is remote); mode | (street + 2) << 4 | hours << 12 |
   * number of required courses (at most 255) << 20; the first required course id; salaryMax
   * (NaN when unknown). Read them with `columnsAt` outside the scan.
   */
  scanRow = new Float64Array(0);
  textInverseNorm = new Float64Array(0);
  /** 1 for slots listing no skills (their tag score is SCORING.noSkillsListed for everyone). */
  noSkill = new Uint8Array(0);
  /** Scratch of postingWeights: 1 / Σ skill weights per slot (0 for no skills). */
  private invDen = new Float64Array(0);
  /**
   * A slot's fixed tag part: −2 for inactive or free slots, SCORING.noSkillsListed for active slots
   * listing no skills, 0 for active slots listing skills (whose tag comes from the posting lists).
   */
  tagBase = new Float64Array(0);
  /** Active slots listing skills (the others' tags are fixed), and the active slots listing none. */
  activeWithSkills = 0;
  readonly noSkillSlots = new Set<number>();
  private df = new Int32Array(64);
  private idfVersion = 1;
  private idfCache = new Float64Array(0);
  private idfCacheVersion = 0;
  protected override readonly weightedPostings = true;
  /** The IDF version the posting weights were last recomputed for (−1: never / must be). */
  private weightsVersion = -1;

  protected override growColumns(cap: number): void {
    super.growColumns(cap);
    this.active = grow(this.active, cap);
    this.scanRow = grow(this.scanRow, cap * SCAN_STRIDE);
    this.textInverseNorm = grow(this.textInverseNorm, cap);
    this.noSkill = grow(this.noSkill, cap);
    this.invDen = grow(this.invDen, cap);
    this.tagBase = grow(this.tagBase, cap);
  }

  private changeDf(data: Int32Array, delta: number): void {
    for (let i = 0, n = data[0]!; i < n; i++) {
      const code = data[1 + 3 * i]!;
      if (code >= this.df.length) this.df = grow(this.df, Math.max(code + 1, this.df.length * 2));
      this.df[code]! += delta;
    }
  }

  upsert(id: number, source: S, data: Int32Array, cols: OfferColumns): void {
    const { slot, isNew } = this.allocate(id);
    const old = this.data[slot];
    if (old) {
      if (this.active[slot] === 1) this.removePostings(slot, old);
      this.changeDf(old, -1);
    }
    this.uncount(slot);
    this.data[slot] = data;
    this.sources[slot] = source;
    this.active[slot] = cols.active ? 1 : 0;
    this.textInverseNorm[slot] = cols.textInverseNorm;
    const c = 1 + 3 * data[0]!;
    const coursesAt = c + 1 + data[c]!;
    const nCourses = data[coursesAt]!;
    const r = slot * SCAN_STRIDE;
    this.scanRow[r] = cols.provided;
    this.scanRow[r + 1] = cols.mode | ((cols.street + 2) << 4) | (cols.hours << 12) | (Math.min(255, nCourses) << 20);
    this.scanRow[r + 2] = nCourses > 0 ? data[coursesAt + 1]! : 0;
    this.scanRow[r + 3] = cols.salaryMax;
    // Only open offers are in the posting lists: a query never reads a closed one (the document
    // frequencies, though, count every offer in the library).
    if (cols.active) this.addPostings(slot, data);
    this.noSkill[slot] = data[0] === 0 ? 1 : 0;
    this.changeDf(data, +1);
    if (isNew || !old || !sameSkillCodes(old, data)) this.idfVersion++;
    this.tagBase[slot] = !cols.active ? -2 : data[0] === 0 ? SCORING.noSkillsListed : 0;
    if (cols.active) {
      if (data[0] === 0) this.noSkillSlots.add(slot);
      else this.activeWithSkills++;
    }
  }

  /** A slot's scalar columns, unpacked from its scan row. */
  columnsAt(slot: number): Omit<OfferColumns, 'active' | 'textInverseNorm'> {
    const r = slot * SCAN_STRIDE;
    const packed = this.scanRow[r + 1]!;
    return { provided: this.scanRow[r]!, mode: packed & 15, street: ((packed >>> 4) & 255) - 2, hours: (packed >>> 12) & 255, salaryMax: this.scanRow[r + 3]! };
  }

  /** Takes a slot out of the active counts before it is rewritten or removed. */
  private uncount(slot: number): void {
    if (this.active[slot] !== 1) return;
    if (this.noSkill[slot] === 1) this.noSkillSlots.delete(slot);
    else this.activeWithSkills--;
  }

  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const old = this.data[slot];
    if (old) {
      if (this.active[slot] === 1) this.removePostings(slot, old);
      this.changeDf(old, -1);
    }
    this.uncount(slot);
    this.active[slot] = 0;
    this.noSkill[slot] = 0;
    this.tagBase[slot] = -2;
    this.release(slot, id);
    this.idfVersion++;
    return true;
  }

  /**
   * IDF per skill code over this library: 1 + ln((N + 1) / (df + 1)). Recomputed (O(codes)) only
   * after a write that changed N or a document frequency.
   */
  idf(codeCount: number): Float64Array {
    if (this.idfCacheVersion !== this.idfVersion || this.idfCache.length < codeCount) {
      const n = Math.max(codeCount, this.df.length);
      const idf = this.idfCache.length >= n ? this.idfCache : new Float64Array(n);
      for (let code = 0; code < n; code++) {
        const df = code < this.df.length ? this.df[code]! : 0;
        idf[code] = 1 + Math.log((this.count + 1) / (df + 1));
      }
      this.idfCache = idf;
      this.idfCacheVersion = this.idfVersion;
    }
    return this.idfCache;
  }

  /**
   * A new slot's posting entries get their weights from the IDF cache as it is: right whenever that
   * cache is still current at the next query; otherwise the IDF changed, and postingWeights
   * recomputes every entry anyway.
   */
  protected override addPostings(slot: number, data: Int32Array): void {
    super.addPostings(slot, data);
    const idf = this.idfCache;
    const n = data[0]!;
    for (let i = 0; i < n; i++) {
      if (data[1 + 3 * i]! >= idf.length) {
        this.weightsVersion = -1;
        return;
      }
    }
    const den = tagDenominator(data, idf);
    const inverse = den > 0 ? 1 / den : 0;
    for (let i = 0; i < n; i++) {
      const code = data[1 + 3 * i]!;
      const list = this.postings[code]!;
      list.weights[list.length - 1] = idf[code]! * ((data[3 + 3 * i]! & FLAG_REQUIRED) !== 0 ? 1 : PREFERRED_WEIGHT) * inverse;
    }
  }

  /** Makes every posting entry's weight valid for the IDF array last returned by `idf()`: all entries after an IDF change, O(postings). */
  postingWeights(idf: Float64Array): void {
    if (this.weightsVersion === this.idfCacheVersion) return;
    const invDen = this.invDen;
    for (let slot = 0; slot < this.high; slot++) {
      const d = this.present[slot] === 1 ? tagDenominator(this.data[slot]!, idf) : 0;
      invDen[slot] = d > 0 ? 1 / d : 0;
    }
    for (let code = 0; code < this.postings.length; code++) {
      const list = this.postings[code];
      if (!list) continue;
      const required = idf[code]!;
      const preferred = idf[code]! * PREFERRED_WEIGHT;
      const { slots, flags, weights } = list;
      for (let e = 0, m = list.length; e < m; e++) weights[e] = ((flags[e]! & FLAG_REQUIRED) !== 0 ? required : preferred) * invDen[slots[e]!]!;
    }
    this.weightsVersion = this.idfCacheVersion;
  }
}

function sameSkillCodes(a: Int32Array, b: Int32Array): boolean {
  if (a[0] !== b[0]) return false;
  for (let i = 0, n = a[0]!; i < n; i++) if (a[1 + 3 * i] !== b[1 + 3 * i]) return false;
  return true;
}

/** Scalar fields of a seeker, as stored in the columns. */
export interface SeekerColumns {
  share: boolean;
  must: number;
  prefer: number;
  modes: number;
  street: number;
  hoursMask: number;
  salaryExpectation: number;
  textInverseNorm: number;
}

/** Course posting flags: the seeker completed the course, or is enrolled in it. */
export const COURSE_COMPLETED = 2;
export const COURSE_IN_PROGRESS = 1;

/**
 * Text terms kept inline per seeker (stride): the seekersForJob scan reads a seeker's free text
 * from one flat array instead of following a pointer to its packed data (a cache miss per seeker
 * that cost more than the comparison itself). Longer texts are read from the packed data.
 */
export const INLINE_TERMS = 12;
/** textTermCount of a seeker whose text has more than INLINE_TERMS terms. */
export const TERMS_NOT_INLINE = 255;

export class SeekerStore extends SlotStore<SeekerProfile> {
  /** course id → seekers who completed it or are enrolled (flags COURSE_COMPLETED / COURSE_IN_PROGRESS). */
  readonly coursePostings = new Map<number, PostingList>();
  /** Per-query scratch: accumulated training readiness (seekersForJob). */
  acc2 = new Float64Array(0);
  share = new Uint8Array(0);
  must = new Int32Array(0);
  prefer = new Int32Array(0);
  preferCount = new Uint8Array(0);
  modes = new Uint8Array(0);
  street = new Int8Array(0);
  hoursMask = new Uint8Array(0);
  salaryExpectation = new Float64Array(0);
  textInverseNorm = new Float64Array(0);
  /** Packed text terms, INLINE_TERMS per slot, the first textTermCount[slot] of them used. */
  textTerms = new Int32Array(0);
  textTermCount = new Uint8Array(0);

  protected override growColumns(cap: number): void {
    super.growColumns(cap);
    this.textTerms = grow(this.textTerms, cap * INLINE_TERMS);
    this.textTermCount = grow(this.textTermCount, cap);
    this.acc2 = grow(this.acc2, cap);
    this.share = grow(this.share, cap);
    this.must = grow(this.must, cap);
    this.prefer = grow(this.prefer, cap);
    this.preferCount = grow(this.preferCount, cap);
    this.modes = grow(this.modes, cap);
    this.street = grow(this.street, cap);
    this.hoursMask = grow(this.hoursMask, cap);
    this.salaryExpectation = grow(this.salaryExpectation, cap);
    this.textInverseNorm = grow(this.textInverseNorm, cap);
  }

  upsert(id: number, source: SeekerProfile, data: Int32Array, cols: SeekerColumns, preferCount: number): void {
    const { slot } = this.allocate(id);
    const old = this.data[slot];
    if (old) {
      this.removePostings(slot, old);
      this.changeCoursePostings(slot, old, false);
    }
    this.data[slot] = data;
    this.sources[slot] = source;
    this.share[slot] = cols.share ? 1 : 0;
    this.must[slot] = cols.must;
    this.prefer[slot] = cols.prefer;
    this.preferCount[slot] = preferCount;
    this.modes[slot] = cols.modes;
    this.street[slot] = cols.street;
    this.hoursMask[slot] = cols.hoursMask;
    this.salaryExpectation[slot] = cols.salaryExpectation;
    this.textInverseNorm[slot] = cols.textInverseNorm;
    const t = termsAt(data);
    const nTerms = data[t]!;
    if (nTerms <= INLINE_TERMS) this.textTerms.set(data.subarray(t + 1, t + 1 + nTerms), slot * INLINE_TERMS);
    this.textTermCount[slot] = nTerms <= INLINE_TERMS ? nTerms : TERMS_NOT_INLINE;
    this.addPostings(slot, data);
    this.changeCoursePostings(slot, data, true);
  }

  private changeCoursePostings(slot: number, data: Int32Array, add: boolean): void {
    let c = 1 + 3 * data[0]!;
    c += 1 + data[c]!;
    for (const flag of [COURSE_COMPLETED, COURSE_IN_PROGRESS]) {
      const n = data[c]!;
      for (let i = 1; i <= n; i++) {
        const course = data[c + i]!;
        let list = this.coursePostings.get(course);
        if (add) {
          if (!list) this.coursePostings.set(course, (list = new PostingList()));
          list.add(slot, 0, flag);
        } else list?.remove(slot);
      }
      c += 1 + n;
    }
  }

  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const old = this.data[slot];
    if (old) {
      this.removePostings(slot, old);
      this.changeCoursePostings(slot, old, false);
    }
    this.share[slot] = 0;
    this.release(slot, id);
    return true;
  }
}

/** Quality of a posting entry against the query side's label for the same code (as matchQuality). */
export function postingQuality(entrySurface: number, entryFlags: number, surface: number, typo: boolean): number {
  if (entrySurface === surface) return SCORING.sameLabel;
  return typo || (entryFlags & FLAG_TYPO) !== 0 ? SCORING.typoMatch : SCORING.vocabularyMatch;
}
