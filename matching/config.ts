/**
 * The matcher's tunable figures, in one place. Every part of a score is in [0, 1]; the total is
 * the weighted sum of the parts with the weights below (they sum to 1, so the total is in [0, 1]).
 */

export interface MatchWeights {
  /** Skills: required and preferred skills (IDF-weighted tags, near matches partly) plus a little free-text similarity. */
  readonly skills: number;
  /** Training readiness: the job's required courses completed (full) or in progress (part). */
  readonly training: number;
  /** Accessibility fit: share of the seeker's `prefer` needs the job meets (`must` needs are hard rules). */
  readonly accessibility: number;
  /** Location: same street, same district, or remote work. */
  readonly location: number;
  /** Preferences: working hours and salary expectation. */
  readonly preferences: number;
}

/**
 * Default weights. Skills lead because they predict doing the job; accessibility comes next
 * because an unmet preferred need is what makes placements fail after hire (稳岗); training
 * readiness rewards the 培训 → 适岗 path; location and preferences refine the order.
 */
export const DEFAULT_WEIGHTS: MatchWeights = Object.freeze({
  /** 40 %: can the seeker do the work. */
  skills: 0.4,
  /** 15 %: has the seeker done the courses the employer asks for. */
  training: 0.15,
  /** 20 %: does the workplace meet the seeker's preferred accommodations. */
  accessibility: 0.2,
  /** 10 %: commute within Pingshan (same street best; remote needs none). */
  location: 0.1,
  /** 15 %: hours and pay as the seeker wishes. */
  preferences: 0.15,
});

/** Figures inside the parts. Changing them changes scores, so tests pin the important ones. */
export const SCORING = Object.freeze({
  /** Same label on both sides (after normalising case and width). */
  sameLabel: 1,
  /** Same skill through the vocabulary: the other language's name or a synonym (客服 ↔ customer service). */
  vocabularyMatch: 0.85,
  /** Same skill reached through a typo (Jaro–Winkler ≥ `typoThreshold`, e.g. "data anotation"). */
  typoMatch: 0.7,
  /** Jaro–Winkler similarity at or above which an unknown label is read as a typo of a vocabulary name. */
  typoThreshold: 0.9,
  /** Labels shorter than this are never typo-matched (too many false friends: "PS", "QA"). */
  typoMinLength: 5,
  /** A preferred skill weighs this much of a required one. */
  preferredSkillWeight: 0.5,
  /** Share of the skills part that comes from free-text similarity (about ↔ title + description). */
  textShare: 0.15,
  /** Skill-tag score of a posting that lists no skills at all: nothing asked, nothing proven. */
  noSkillsListed: 0.5,
  /** A required course in progress counts this much of a completed one. */
  inProgressCourse: 0.5,
  /** Location score for another street in Pingshan District (same street 1, remote 1). */
  otherStreet: 0.6,
  /** Location score when either side has no street recorded. */
  unknownStreet: 0.6,
  /** Hours score when the job's hours are flexible but the seeker asked for something else. */
  flexibleHoursPartial: 0.5,
  /** Salary score when the job states no maximum and the seeker has an expectation. */
  salaryUnknown: 0.5,
  /**
   * Default alert threshold for `seekersForJob(...).countAboveThreshold`. Above what a seeker with
   * no matching skill can reach (every other part perfect: 1 − 0.4 × 0.85 = 0.66), so an alert
   * always means some skill fits.
   */
  alertThreshold: 0.7,
});

/** Throws unless every weight is in [0, 1] and they sum to 1 (± 1e-9). */
export function validateWeights(weights: MatchWeights): MatchWeights {
  const values = [weights.skills, weights.training, weights.accessibility, weights.location, weights.preferences];
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`match weight out of range: ${v}`);
  }
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`match weights must sum to 1, got ${sum}`);
  return Object.freeze({ ...weights });
}
