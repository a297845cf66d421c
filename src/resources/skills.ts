/**
 * Skill filters in SQL: a search for one name of a skill finds every name of it
 * (客服 = customer service = 客户服务), from the one skills vocabulary.
 */
import { SKILLS } from '../../matching/vocabulary.js';

const ALIASES = new Map<string, string[]>();
for (const entry of Object.values(SKILLS)) {
  const names = [entry.zh, entry.en, ...entry.synonyms].map((n) => n.toLowerCase());
  for (const n of names) ALIASES.set(n, [...new Set([...(ALIASES.get(n) ?? []), ...names])]);
}

/** Every lower-cased name that means the same skill as `label` (at least `label` itself). */
export function skillAliases(label: string): string[] {
  const key = label.trim().toLowerCase();
  return ALIASES.get(key) ?? [key];
}
