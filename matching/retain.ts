/**
 * Compact copies of the profiles the index retains (for explanations, the hard-rule reasons and
 * recompiling on a catalogue change). Same fields, same values, same order: only the small arrays
 * and need objects that repeat across profiles ([], [courseId], work modes, hours, one skill
 * label, …) are shared, and long strings are flattened, so 100k retained profiles cost far less
 * than the objects callers pass in (which become garbage once indexed).
 */
import type { EntrepreneurshipProject, JobPosting, SeekerNeed, SeekerProfile } from './types.js';
import { ACCOMMODATION_CODES } from './vocabulary.js';

/** Pools stop growing at this size (profiles then keep their own arrays). */
const POOL_LIMIT = 50_000;
const EMPTY: readonly never[] = Object.freeze([]);

/** Any regexp run flattens its subject in place (a concatenated string becomes one flat string). */
const FLATTEN = /\u0000/;
function flat(s: string): string {
  FLATTEN.test(s);
  return s;
}

const MUST_DIGIT = new Map<string, number>(ACCOMMODATION_CODES.map((code, i) => [code, 2 * i + 1]));
const PREFER_DIGIT = new Map<string, number>(ACCOMMODATION_CODES.map((code, i) => [code, 2 * i + 2]));
const NEED_BASE = 2 * ACCOMMODATION_CODES.length + 1;

/**
 * A pool key for a list of needs: a number for up to five known needs (hashing a fresh string per
 * profile was most of the pooling's cost), else a string.
 */
function needsKey(needs: readonly SeekerNeed[]): number | string {
  if (needs.length <= 5) {
    let key = 0;
    for (const n of needs) {
      const d = (n.strength === 'must' ? MUST_DIGIT : PREFER_DIGIT).get(n.code);
      if (d === undefined) return needs.map((x) => `${x.code}:${x.strength}`).join(';');
      key = key * NEED_BASE + d;
    }
    return key;
  }
  return needs.map((n) => `${n.code}:${n.strength}`).join(';');
}

/** A node of the list pool: the shared list ending here, and the lists that continue it. */
interface ListNode {
  next: Map<string | number, ListNode>;
  shared?: readonly (string | number)[];
}

export class Retainer {
  private readonly lists: ListNode = { next: new Map() };
  private pooled = 0;
  private readonly needObjects = new Map<string, SeekerNeed>();
  private readonly needArrays = new Map<number | string, readonly SeekerNeed[]>();

  /**
   * A shared frozen copy of a short array of primitives (the array itself when it is long or the
   * pool is full). Pooled in a trie of maps keyed element by element, so a lookup hashes the
   * elements (strings cache their hash) instead of building a fresh joined key per profile.
   */
  private list<T extends string | number>(xs: readonly T[], maxLength: number): readonly T[] {
    if (xs.length === 0) return EMPTY;
    if (xs.length > maxLength) return xs;
    let node = this.lists;
    for (const x of xs) {
      let next = node.next.get(x);
      if (next === undefined) {
        if (this.pooled >= POOL_LIMIT) return xs;
        node.next.set(x, (next = { next: new Map() }));
      }
      node = next;
    }
    if (node.shared === undefined) {
      if (this.pooled >= POOL_LIMIT) return xs;
      node.shared = Object.freeze([...xs]);
      this.pooled++;
    }
    return node.shared as readonly T[];
  }

  private needs(needs: readonly SeekerNeed[]): readonly SeekerNeed[] {
    if (needs.length === 0) return EMPTY;
    let shared = this.needArrays.get(needsKey(needs));
    if (shared === undefined) {
      const copy = needs.map((n) => {
        const k = `${n.code}:${n.strength}`;
        let obj = this.needObjects.get(k);
        if (obj === undefined) this.needObjects.set(k, (obj = Object.freeze({ code: n.code, strength: n.strength })));
        return obj;
      });
      if (this.needArrays.size >= POOL_LIMIT) return copy;
      shared = Object.freeze(copy);
      this.needArrays.set(needsKey(needs), shared);
    }
    return shared;
  }

  seeker(s: SeekerProfile): SeekerProfile {
    return {
      id: s.id,
      street: s.street,
      skills: this.list(s.skills, 1),
      about: flat(s.about),
      needs: this.needs(s.needs),
      workModes: this.list(s.workModes, 3),
      hours: this.list(s.hours, 2),
      salaryExpectation: s.salaryExpectation,
      completedCourseIds: this.list(s.completedCourseIds, 1),
      inProgressCourseIds: this.list(s.inProgressCourseIds, 1),
      shareWithEmployers: s.shareWithEmployers,
    };
  }

  job(j: JobPosting): JobPosting {
    return {
      id: j.id,
      memberId: j.memberId,
      title: flat(j.title),
      description: flat(j.description),
      street: j.street,
      workMode: j.workMode,
      hours: j.hours,
      salaryMin: j.salaryMin,
      salaryMax: j.salaryMax,
      openings: j.openings,
      status: j.status,
      requiredSkills: this.list(j.requiredSkills, 1),
      preferredSkills: this.list(j.preferredSkills, 1),
      requiredCourseIds: this.list(j.requiredCourseIds, 1),
      accommodations: this.list(j.accommodations, 2),
    };
  }

  project(p: EntrepreneurshipProject): EntrepreneurshipProject {
    return {
      id: p.id,
      title: flat(p.title),
      sector: p.sector,
      description: flat(p.description),
      street: p.street,
      workMode: p.workMode,
      skills: this.list(p.skills, 1),
      supports: this.list(p.supports, 2),
      accommodations: this.list(p.accommodations, 2),
      capacity: p.capacity,
      status: p.status,
    };
  }
}
