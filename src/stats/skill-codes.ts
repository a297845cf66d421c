/**
 * Skill labels → one canonical skill, from the skills vocabulary (matching/vocabulary.ts), so
 * 客服, customer service and 客户服务 are counted as one skill. A skill's own zh or en name wins
 * over another skill's synonym (新媒体运营 is social media operations, though copywriting lists it
 * as a synonym). Labels outside the vocabulary stay themselves (lower-cased, trimmed).
 */
import { SKILLS, type SkillCode } from '../../matching/vocabulary.js';

const normalise = (label: string) => label.trim().toLowerCase();

const CODE_BY_NAME = new Map<string, SkillCode>();
for (const [code, entry] of Object.entries(SKILLS) as [SkillCode, (typeof SKILLS)[SkillCode]][]) {
  for (const s of entry.synonyms) if (!CODE_BY_NAME.has(normalise(s))) CODE_BY_NAME.set(normalise(s), code);
}
for (const [code, entry] of Object.entries(SKILLS) as [SkillCode, (typeof SKILLS)[SkillCode]][]) {
  CODE_BY_NAME.set(normalise(entry.zh), code);
  CODE_BY_NAME.set(normalise(entry.en), code);
}

/** The canonical skill a label names, with its zh and en names; null outside the vocabulary. */
export function canonicalSkill(label: string): { code: SkillCode; zh: string; en: string } | null {
  const code = CODE_BY_NAME.get(normalise(label));
  return code ? { code, zh: SKILLS[code].zh, en: SKILLS[code].en } : null;
}

/** Every (lower-cased name, code) pair, for a SQL `VALUES` table that groups labels by skill. */
export const SKILL_ALIAS_ROWS: readonly (readonly [string, SkillCode])[] = [...CODE_BY_NAME.entries()];
