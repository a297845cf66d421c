/**
 * Skill labels → integer skill codes.
 *
 * Seekers, jobs, projects and courses store free labels ("customer service", 客服, "data anotation").
 * A label resolves, in this order, to:
 *   1. a vocabulary skill whose zh or en name equals it (case- and width-insensitive);
 *   2. a vocabulary skill that lists it as a synonym (first such skill in vocabulary order);
 *   3. the vocabulary name or synonym it is a typo of (Jaro–Winkler ≥ SCORING.typoThreshold);
 *   4. otherwise its own code, so that two identical unknown labels still match exactly.
 * Codes 0 … SKILL_CODES.length − 1 are the vocabulary's, in its order; unknown labels get the
 * next codes. Each distinct normalised label is also a "surface" id: two labels with the same
 * surface are the same words, which counts more than the same skill under another name.
 */
import { SCORING } from './config.js';
import { jaroWinkler, normalise } from './text.js';
import { SKILL_CODES, SKILLS, type Bilingual, type SkillCode } from './vocabulary.js';

export interface SkillResolution {
  /** Integer skill code (vocabulary index, or a code of its own for an unknown label). */
  readonly code: number;
  /** Integer id of the normalised label itself. */
  readonly surface: number;
  /** True when the label reached its skill only through a typo match. */
  readonly typo: boolean;
  /** How the label was resolved, for explanations. */
  readonly via: 'name' | 'synonym' | 'typo' | 'unknown';
}

export class SkillTable {
  private readonly exact = new Map<string, { code: number; via: 'name' | 'synonym' }>();
  private readonly typoCandidates: { text: string; code: number }[] = [];
  private readonly unknownLabels: string[] = [];
  private readonly surfaces = new Map<string, number>();
  private readonly cache = new Map<string, SkillResolution | null>();
  /** Labels exactly as entered → resolution (skips normalising on a hit). */
  private readonly rawCache = new Map<string, SkillResolution | null>();

  constructor() {
    SKILL_CODES.forEach((skill, code) => {
      const entry = SKILLS[skill];
      for (const name of [entry.zh, entry.en]) {
        const key = normalise(name);
        if (!this.exact.has(key) || this.exact.get(key)?.via === 'synonym') this.exact.set(key, { code, via: 'name' });
      }
    });
    SKILL_CODES.forEach((skill, code) => {
      for (const synonym of SKILLS[skill].synonyms) {
        const key = normalise(synonym);
        if (!this.exact.has(key)) this.exact.set(key, { code, via: 'synonym' });
      }
    });
    for (const [text, { code }] of this.exact) this.typoCandidates.push({ text, code });
  }

  /** Number of codes in use (vocabulary plus unknown labels seen so far). */
  get codeCount(): number {
    return SKILL_CODES.length + this.unknownLabels.length;
  }

  /** Resolves one label; null for an empty label. Cached per normalised label. */
  resolve(label: string): SkillResolution | null {
    const raw = this.rawCache.get(label);
    if (raw !== undefined) return raw;
    const resolution = this.resolveNormalised(normalise(label));
    if (this.rawCache.size >= 500_000) this.rawCache.clear();
    this.rawCache.set(label, resolution);
    return resolution;
  }

  private resolveNormalised(key: string): SkillResolution | null {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const resolution = key === '' ? null : this.resolveUncached(key);
    this.cache.set(key, resolution);
    return resolution;
  }

  private surfaceOf(key: string): number {
    let id = this.surfaces.get(key);
    if (id === undefined) {
      id = this.surfaces.size;
      this.surfaces.set(key, id);
    }
    return id;
  }

  private resolveUncached(key: string): SkillResolution {
    const surface = this.surfaceOf(key);
    const hit = this.exact.get(key);
    if (hit) return { code: hit.code, surface, typo: false, via: hit.via };
    // Short labels are never typo-matched: Jaro–Winkler mostly rewards a shared prefix there
    // (电商客服/网络客服 0.67, PS/QA), so a synonym must come from the vocabulary instead.
    if ([...key].length >= SCORING.typoMinLength) {
      let best = -1;
      let bestScore: number = SCORING.typoThreshold;
      for (const candidate of this.typoCandidates) {
        if (Math.abs(candidate.text.length - key.length) > 3) continue;
        const score = jaroWinkler(key, candidate.text);
        if (score > bestScore || (score === bestScore && best === -1)) {
          best = candidate.code;
          bestScore = score;
        }
      }
      if (best >= 0) return { code: best, surface, typo: true, via: 'typo' };
    }
    const code = SKILL_CODES.length + this.unknownLabels.length;
    this.unknownLabels.push(key);
    return { code, surface, typo: false, via: 'unknown' };
  }

  /** The vocabulary code of a skill code, or null for an unknown label. */
  vocabularyCode(code: number): SkillCode | null {
    return code < SKILL_CODES.length ? SKILL_CODES[code]! : null;
  }

  /** Display names of a skill code: the vocabulary's zh and en names, or the label as entered. */
  names(code: number): Bilingual {
    const vocab = this.vocabularyCode(code);
    if (vocab) return { zh: SKILLS[vocab].zh, en: SKILLS[vocab].en };
    const label = this.unknownLabels[code - SKILL_CODES.length] ?? `#${code}`;
    return { zh: label, en: label };
  }
}

/** How well two sides' labels for the same skill code match (SCORING.sameLabel / vocabularyMatch / typoMatch). */
export function matchQuality(surfaceA: number, typoA: boolean, surfaceB: number, typoB: boolean): number {
  if (surfaceA === surfaceB) return SCORING.sameLabel;
  return typoA || typoB ? SCORING.typoMatch : SCORING.vocabularyMatch;
}
