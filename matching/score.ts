/**
 * The exact parts of a score, on compiled data. These functions are the single definition of the
 * score: the index uses them for the results it returns (and cheaper bounds only to skip pairs
 * that cannot make the top k), and the explanations report what they compute.
 */
import { SCORING, type MatchWeights } from './config.js';
import {
  FLAG_REQUIRED,
  FLAG_TYPO,
  HOURS_FLEXIBLE,
  HOURS_NONE,
  LOG_TF,
  MODE_REMOTE,
  PREFERRED_WEIGHT,
  coursesAt,
  popcount,
  termId,
  termTf,
  termsAt,
} from './compile.js';
import { matchQuality } from './skills.js';

/**
 * Skill-tag score of a seeker for an offer: Σ w·q / Σ w over the offer's skills, w = IDF of the
 * skill × (1 for required, PREFERRED_WEIGHT for preferred), q = match quality of the seeker's label
 * (0 if the seeker lacks the skill). An offer listing no skills scores SCORING.noSkillsListed.
 */
export function tagScore(offer: Int32Array, seeker: Int32Array, idf: Float64Array): number {
  const nOffer = offer[0]!;
  const nSeeker = seeker[0]!;
  let num = 0;
  let den = 0;
  let si = 0;
  for (let i = 0; i < nOffer; i++) {
    const o = 1 + 3 * i;
    const code = offer[o]!;
    const flags = offer[o + 2]!;
    const w = idf[code]! * ((flags & FLAG_REQUIRED) !== 0 ? 1 : PREFERRED_WEIGHT);
    den += w;
    while (si < nSeeker && seeker[1 + 3 * si]! < code) si++;
    if (si < nSeeker && seeker[1 + 3 * si] === code) {
      const s = 1 + 3 * si;
      num += w * matchQuality(offer[o + 1]!, (flags & FLAG_TYPO) !== 0, seeker[s + 1]!, (seeker[s + 2]! & FLAG_TYPO) !== 0);
    }
  }
  return den > 0 ? num / den : SCORING.noSkillsListed;
}

/** Σ of skill weights of an offer (the denominator of `tagScore`). */
export function tagDenominator(offer: Int32Array, idf: Float64Array): number {
  const n = offer[0]!;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const o = 1 + 3 * i;
    den += idf[offer[o]!]! * ((offer[o + 2]! & FLAG_REQUIRED) !== 0 ? 1 : PREFERRED_WEIGHT);
  }
  return den;
}

/** Cosine similarity of the two log-tf term vectors (merge join in term-id order). */
export function textSimilarity(a: Int32Array, aInverseNorm: number, b: Int32Array, bInverseNorm: number): number {
  const j = termsAt(b);
  return termsSimilarity(a, aInverseNorm, b, j + 1, j + 1 + b[j]!, bInverseNorm);
}

/** As textSimilarity, with b's packed terms given as the range [bFrom, bEnd) of any array. */
export function termsSimilarity(a: Int32Array, aInverseNorm: number, b: Int32Array, bFrom: number, bEnd: number, bInverseNorm: number): number {
  if (aInverseNorm === 0 || bInverseNorm === 0) return 0;
  let i = termsAt(a);
  const aEnd = i + 1 + a[i]!;
  i++;
  let j = bFrom;
  let dot = 0;
  while (i < aEnd && j < bEnd) {
    const ta = termId(a[i]!);
    const tb = termId(b[j]!);
    if (ta === tb) {
      dot += LOG_TF[termTf(a[i]!)]! * LOG_TF[termTf(b[j]!)]!;
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  const sim = dot * aInverseNorm * bInverseNorm;
  return sim > 1 ? 1 : sim;
}

function sortedIncludes(data: Int32Array, from: number, count: number, value: number): boolean {
  for (let i = from; i < from + count; i++) {
    const v = data[i]!;
    if (v === value) return true;
    if (v > value) return false;
  }
  return false;
}

export type CourseStatus = 'completed' | 'in_progress' | 'missing';

export function courseStatus(seeker: Int32Array, courseId: number): CourseStatus {
  const c = coursesAt(seeker);
  const nDone = seeker[c]!;
  if (sortedIncludes(seeker, c + 1, nDone, courseId)) return 'completed';
  const p = c + 1 + nDone;
  return sortedIncludes(seeker, p + 1, seeker[p]!, courseId) ? 'in_progress' : 'missing';
}

/** Training readiness: mean over required courses of 1 (completed), SCORING.inProgressCourse, 0; 1 if none. */
export function trainingScore(offer: Int32Array, seeker: Int32Array): number {
  const c = coursesAt(offer);
  const n = offer[c]!;
  if (n === 0) return 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const status = courseStatus(seeker, offer[c + 1 + i]!);
    sum += status === 'completed' ? 1 : status === 'in_progress' ? SCORING.inProgressCourse : 0;
  }
  return sum / n;
}

/** Share of `prefer` needs met by the provided mask (remote-moot bits already included); 1 if none. */
export function accessibilityScore(preferMask: number, preferCount: number, provided: number): number {
  return preferCount === 0 ? 1 : popcount(preferMask & provided) / preferCount;
}

/** Location: remote 1; same street 1; other street in the district SCORING.otherStreet; unknown SCORING.unknownStreet. */
export function locationScore(seekerStreet: number, offerStreet: number, offerMode: number): number {
  if (offerMode === MODE_REMOTE) return 1;
  if (seekerStreet < 0 || offerStreet < 0) return SCORING.unknownStreet;
  return seekerStreet === offerStreet ? 1 : SCORING.otherStreet;
}

export function hoursScore(seekerHoursMask: number, offerHours: number): number {
  if (offerHours === HOURS_NONE || seekerHoursMask === 0 || ((seekerHoursMask >>> offerHours) & 1) === 1) return 1;
  return offerHours === HOURS_FLEXIBLE ? SCORING.flexibleHoursPartial : 0;
}

/** Salary: no expectation 1; max ≥ expectation 1; otherwise max / expectation; max unknown (NaN) SCORING.salaryUnknown. */
export function salaryScore(expectation: number, offerMax: number): number {
  if (Number.isNaN(expectation) || expectation <= 0) return 1;
  if (Number.isNaN(offerMax)) return SCORING.salaryUnknown;
  return offerMax >= expectation ? 1 : Math.max(0, offerMax / expectation);
}

export function preferencesScore(seekerHoursMask: number, offerHours: number, expectation: number, offerMax: number): number {
  return (hoursScore(seekerHoursMask, offerHours) + salaryScore(expectation, offerMax)) / 2;
}

/** Skills part: tags and a little free text. */
export function skillsPart(tag: number, text: number): number {
  return (1 - SCORING.textShare) * tag + SCORING.textShare * text;
}

/** The weighted total, clamped to [0, 1]. */
export function combine(w: MatchWeights, tag: number, text: number, training: number, access: number, location: number, preferences: number): number {
  const total =
    w.skills * skillsPart(tag, text) + w.training * training + w.accessibility * access + w.location * location + w.preferences * preferences;
  return total < 0 ? 0 : total > 1 ? 1 : total;
}
