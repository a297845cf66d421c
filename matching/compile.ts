/**
 * Compiling plain objects into the compact form the index scores with.
 *
 * Each seeker, job or project becomes one Int32Array ("packed data"):
 *
 *   [nSkills, (code, surface, flags) × nSkills,  nTerms, term × nTerms,  nA, courseId × nA,  nB, courseId × nB]
 *
 * - skills sorted by code; flags: FLAG_TYPO, FLAG_REQUIRED (offers), FLAG_COURSE (seekers);
 * - terms of the free text sorted by term id, each packed as `(tf << 23) | termId`;
 * - seekers: A = completed course ids, B = in-progress course ids (both sorted);
 *   jobs: A = required course ids (in the job's order), B empty; projects: both empty.
 *
 * Scalar fields (masks, street, work mode …) live in typed-array columns of the stores.
 */
import { SCORING } from './config.js';
import { SkillTable, type SkillResolution } from './skills.js';
import { textTerms } from './text.js';
import type { CatalogueCourse } from './types.js';
import { ACCOMMODATIONS, ACCOMMODATION_CODES, HOURS_CODES, STREET_CODES, WORK_MODE_CODES, type AccommodationCode, type Hours, type Street, type WorkMode } from './vocabulary.js';

export const FLAG_TYPO = 1;
export const FLAG_REQUIRED = 2;
export const FLAG_COURSE = 4;

const TERM_BITS = 23;
const TERM_MASK = (1 << TERM_BITS) - 1;
const MAX_TF = 255;

/** Bit of each accommodation code (18 codes fit in an int32). */
export const ACCOMMODATION_BIT: Readonly<Record<AccommodationCode, number>> = Object.freeze(
  Object.fromEntries(ACCOMMODATION_CODES.map((code, i) => [code, 1 << i])) as Record<AccommodationCode, number>,
);
/** Needs that remote work makes moot (step-free access, restroom, elevator, commute, visual alerts). */
export const WORKPLACE_ONLY_MASK = ACCOMMODATION_CODES.reduce(
  (mask, code) => (ACCOMMODATIONS[code].workplaceOnly ? mask | ACCOMMODATION_BIT[code] : mask),
  0,
);
export const MODE_REMOTE = WORK_MODE_CODES.indexOf('remote');
export const HOURS_FLEXIBLE = HOURS_CODES.indexOf('flexible');
/** Column value for "no hours" (projects). */
export const HOURS_NONE = 255;

export function maskOf(codes: readonly AccommodationCode[]): number {
  let mask = 0;
  for (const code of codes) mask |= ACCOMMODATION_BIT[code] ?? 0;
  return mask;
}

export function codesOfMask(mask: number): AccommodationCode[] {
  return ACCOMMODATION_CODES.filter((code) => (mask & ACCOMMODATION_BIT[code]) !== 0);
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function streetIndex(street: Street | null): number {
  return street === null ? -1 : STREET_CODES.indexOf(street);
}
export function modeIndex(mode: WorkMode): number {
  return WORK_MODE_CODES.indexOf(mode);
}
export function modesMask(modes: readonly WorkMode[]): number {
  let mask = 0;
  for (const m of modes) mask |= 1 << modeIndex(m);
  return mask;
}
export function hoursIndex(hours: Hours): number {
  return HOURS_CODES.indexOf(hours);
}
export function hoursMask(hours: readonly Hours[]): number {
  let mask = 0;
  for (const h of hours) mask |= 1 << hoursIndex(h);
  return mask;
}

/** Interned text terms. */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];

  /** Term id, or -1 once the table is full (2^23 distinct terms). */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      if (this.ids.size > TERM_MASK) return -1;
      id = this.ids.size;
      this.ids.set(term, id);
      this.words.push(term);
    }
    return id;
  }

  /** The word of a term id ('' if unknown). */
  termOf(id: number): string {
    return this.words[id] ?? '';
  }
}

/** Log-scaled term frequency, 1 + ln tf, for tf 0 … 255 (index 0 unused). */
export const LOG_TF = Float64Array.from({ length: MAX_TF + 1 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

export interface CompiledText {
  packed: number[];
  /** 1 / L2 norm of the log-tf vector (0 for an empty text). */
  inverseNorm: number;
}

/** Scratch for compileText: term ids of one text (grown as needed). */
let termScratch = new Int32Array(256);

export function compileText(text: string, terms: TermTable): CompiledText {
  const words = textTerms(text);
  if (words.length > termScratch.length) termScratch = new Int32Array(Math.max(words.length, 2 * termScratch.length));
  let n = 0;
  for (const word of words) {
    const id = terms.idOf(word);
    if (id >= 0) termScratch[n++] = id;
  }
  // ascending term ids, each with its count (capped at MAX_TF)
  const ids = termScratch.subarray(0, n).sort();
  const packed: number[] = [];
  let sq = 0;
  for (let i = 0; i < n; ) {
    const id = ids[i]!;
    let j = i + 1;
    while (j < n && ids[j] === id) j++;
    const tf = Math.min(MAX_TF, j - i);
    sq += LOG_TF[tf]! * LOG_TF[tf]!;
    packed.push((tf << TERM_BITS) | id);
    i = j;
  }
  return { packed, inverseNorm: sq > 0 ? 1 / Math.sqrt(sq) : 0 };
}

/** The training catalogue with each course's skills resolved, and skill → courses that teach it. */
export class CourseCatalogue {
  readonly byId = new Map<number, CatalogueCourse>();
  private readonly skillsOf = new Map<number, SkillResolution[]>();
  private readonly teachersOf = new Map<number, number[]>();

  constructor(courses: readonly CatalogueCourse[], table: SkillTable) {
    for (const course of [...courses].sort((a, b) => a.id - b.id)) {
      this.byId.set(course.id, course);
      const resolved: SkillResolution[] = [];
      for (const label of course.skills) {
        const r = table.resolve(label);
        if (!r) continue;
        resolved.push(r);
        const list = this.teachersOf.get(r.code) ?? [];
        if (!list.includes(course.id)) list.push(course.id);
        this.teachersOf.set(r.code, list);
      }
      this.skillsOf.set(course.id, resolved);
    }
  }

  skills(courseId: number): readonly SkillResolution[] {
    return this.skillsOf.get(courseId) ?? [];
  }

  /** Catalogue courses (ascending id) that teach a skill code. */
  teachers(code: number): readonly number[] {
    return this.teachersOf.get(code) ?? [];
  }
}

/** One skill of a seeker after resolution, with where it came from. */
export interface SeekerSkill {
  code: number;
  surface: number;
  typo: boolean;
  /** The label as entered (by the seeker or in the course). */
  label: string;
  via: SkillResolution['via'];
  /** The completed course that teaches it, when the seeker did not list it themselves. */
  courseId: number | null;
}

/** One skill asked for by a job or project. */
export interface OfferSkill {
  code: number;
  surface: number;
  typo: boolean;
  label: string;
  via: SkillResolution['via'];
  required: boolean;
}

/**
 * The seeker's skills by code: their own labels and the skills of completed courses. Per code the
 * best source wins: a non-typo label over a typo, then the seeker's own label over a course's.
 */
export function collectSeekerSkills(
  skills: readonly string[],
  completedCourseIds: readonly number[],
  table: SkillTable,
  catalogue: CourseCatalogue,
): Map<number, SeekerSkill> {
  const byCode = new Map<number, SeekerSkill>();
  for (const label of skills) {
    const r = table.resolve(label);
    if (r) offerSeekerSkill(byCode, { code: r.code, surface: r.surface, typo: r.typo, label, via: r.via, courseId: null });
  }
  const courses = completedCourseIds.length <= 1 ? completedCourseIds : [...completedCourseIds].sort((a, b) => a - b);
  for (const courseId of courses) {
    const course = catalogue.byId.get(courseId);
    if (!course) continue;
    for (const label of course.skills) {
      const r = table.resolve(label);
      if (r) offerSeekerSkill(byCode, { code: r.code, surface: r.surface, typo: r.typo, label, via: r.via, courseId });
    }
  }
  return byCode;
}

function seekerSkillRank(s: SeekerSkill): number {
  return (s.typo ? 2 : 0) + (s.courseId === null ? 0 : 1);
}

function offerSeekerSkill(byCode: Map<number, SeekerSkill>, candidate: SeekerSkill): void {
  const current = byCode.get(candidate.code);
  if (!current) byCode.set(candidate.code, candidate);
  else if (seekerSkillRank(candidate) < seekerSkillRank(current)) byCode.set(candidate.code, candidate);
}

/** A posting's skills by code: required wins over preferred; a non-typo label over a typo. */
export function collectOfferSkills(
  required: readonly string[],
  preferred: readonly string[],
  table: SkillTable,
): Map<number, OfferSkill> {
  const byCode = new Map<number, OfferSkill>();
  for (const label of required) offerOfferSkill(byCode, table, label, true);
  for (const label of preferred) offerOfferSkill(byCode, table, label, false);
  return byCode;
}

function offerOfferSkill(byCode: Map<number, OfferSkill>, table: SkillTable, label: string, isRequired: boolean): void {
  const r = table.resolve(label);
  if (!r) return;
  const current = byCode.get(r.code);
  const candidate: OfferSkill = { code: r.code, surface: r.surface, typo: r.typo, label, via: r.via, required: isRequired };
  if (!current) {
    byCode.set(r.code, candidate);
    return;
  }
  const better = current.typo && !candidate.typo;
  byCode.set(r.code, {
    ...(better ? candidate : current),
    required: current.required || isRequired,
  });
}

function sortedUnique(ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  if (ids.length === 1) return [ids[0]!];
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Where pack() puts a packed profile: its own buffer, unless the index keeps it (PackedSlabs). */
export type PackedAllocator = (n: number) => Int32Array;
const ownBuffer: PackedAllocator = (n) => new Int32Array(n);

/**
 * The packed profiles an index keeps are views into shared slabs of SLAB_INTS ints rather than one
 * ArrayBuffer each (allocating, tracking and collecting 200k small buffers cost more than the
 * packing). Only kept profiles come from here (a query's own profile gets its own buffer), and
 * slabs are small, so a slab held by one profile still kept after its neighbours were rewritten
 * wastes at most 8 KB.
 */
const SLAB_INTS = 2048;
export class PackedSlabs {
  private slab = new Int32Array(0);
  private used = 0;

  readonly allocate: PackedAllocator = (n) => {
    if (n > SLAB_INTS >> 2) return new Int32Array(n);
    if (this.used + n > this.slab.length) {
      this.slab = new Int32Array(SLAB_INTS);
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + n);
    this.used += n;
    return view;
  };
}

/** Packs skills given as parallel arrays (code, surface, flags) plus text and course lists. */
function pack(
  codes: number[],
  surfaces: number[],
  flags: number[],
  text: CompiledText,
  coursesA: readonly number[],
  coursesB: readonly number[],
  allocate: PackedAllocator,
): Int32Array {
  const nSkills = codes.length;
  const out = allocate(1 + 3 * nSkills + 1 + text.packed.length + 1 + coursesA.length + 1 + coursesB.length);
  let o = 0;
  out[o++] = nSkills;
  // the skill triples by code (codes are distinct): an insertion sort in place, as the lists are short
  for (let i = 0; i < nSkills; i++) {
    let at = 1 + 3 * i;
    const code = codes[i]!;
    while (at > 1 && out[at - 3]! > code) {
      out[at] = out[at - 3]!;
      out[at + 1] = out[at - 2]!;
      out[at + 2] = out[at - 1]!;
      at -= 3;
    }
    out[at] = code;
    out[at + 1] = surfaces[i]!;
    out[at + 2] = flags[i]!;
  }
  o += 3 * nSkills;
  out[o++] = text.packed.length;
  for (const t of text.packed) out[o++] = t;
  out[o++] = coursesA.length;
  for (const c of coursesA) out[o++] = c;
  out[o++] = coursesB.length;
  for (const c of coursesB) out[o++] = c;
  return out;
}

export function packSeeker(
  skills: Map<number, SeekerSkill>,
  text: CompiledText,
  completed: readonly number[],
  inProgress: readonly number[],
  allocate: PackedAllocator = ownBuffer,
): Int32Array {
  const done = sortedUnique(completed);
  const codes: number[] = [];
  const surfaces: number[] = [];
  const flags: number[] = [];
  for (const s of skills.values()) {
    codes.push(s.code);
    surfaces.push(s.surface);
    flags.push((s.typo ? FLAG_TYPO : 0) | (s.courseId === null ? 0 : FLAG_COURSE));
  }
  const pending = inProgress.length === 0 ? [] : sortedUnique(inProgress).filter((id) => !done.includes(id));
  return pack(codes, surfaces, flags, text, done, pending, allocate);
}

export function packOffer(skills: Map<number, OfferSkill>, text: CompiledText, requiredCourseIds: readonly number[], allocate: PackedAllocator = ownBuffer): Int32Array {
  const codes: number[] = [];
  const surfaces: number[] = [];
  const flags: number[] = [];
  for (const s of skills.values()) {
    codes.push(s.code);
    surfaces.push(s.surface);
    flags.push((s.typo ? FLAG_TYPO : 0) | (s.required ? FLAG_REQUIRED : 0));
  }
  return pack(codes, surfaces, flags, text, requiredCourseIds.length === 0 ? [] : [...new Set(requiredCourseIds)], [], allocate);
}

/** Offset of the term section's count in packed data. */
export function termsAt(data: Int32Array): number {
  return 1 + 3 * data[0]!;
}
/** Offset of course list A's count in packed data. */
export function coursesAt(data: Int32Array): number {
  const t = termsAt(data);
  return t + 1 + data[t]!;
}

export function termId(packed: number): number {
  return packed & TERM_MASK;
}
export function termTf(packed: number): number {
  return packed >>> TERM_BITS;
}

/** Weight of a preferred skill relative to a required one. */
export const PREFERRED_WEIGHT = SCORING.preferredSkillWeight;
