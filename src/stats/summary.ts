/**
 * The public summary: aggregate counts only, no record-level data, every small cell suppressed
 * under the rule in suppress.ts ("<5" for counts under 5; a complementary cell withheld as "≥5"
 * where a group adds up to a published total).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { DISABILITY_CATEGORIES, DISABILITY_CATEGORY_CODES, STREETS, STREET_CODES, type Street } from '../../matching/vocabulary.js';
import type { Locale } from '../i18n.js';
import { EMPLOYED_IDS, STABLY_IDS } from './service.js';
import { suppressCell, suppressGroups } from './suppress.js';

export function publicSummary(db: Db, locale: Locale) {
  const one = (q: ReturnType<typeof sql>) => db.all<{ n: number | null }>(q)[0]?.n ?? 0;
  // One pass over the active seekers in the order of the stats index (status, category, level,
  // street), so SQLite groups without sorting; categories and streets are added up here.
  const cells = db.all<{ category: number; street: string; n: number }>(sql`SELECT disability_category AS category, street, count(*) AS n FROM seekers WHERE status = 'active' GROUP BY disability_category, disability_level, street`);
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const byCategory = new Map<number, number>();
  const byStreet = new Map<string, number>();
  for (const c of cells) {
    add(byCategory, c.category, c.n);
    add(byStreet, c.street, c.n);
  }
  const total = [...byCategory.values()].reduce((a, b) => a + b, 0);
  const seekers = suppressGroups(
    {
      byCategory: DISABILITY_CATEGORY_CODES.map((c) => ({ key: String(c), n: byCategory.get(c) ?? 0 })),
      byStreet: STREET_CODES.map((s) => ({ key: s, n: byStreet.get(s) ?? 0 })),
    },
    total,
  );
  const label = (b: { zh: string; en: string }) => (locale === 'en' ? b.en : b.zh);
  const employed = one(sql`SELECT count(*) AS n FROM (${EMPLOYED_IDS})`);
  const stably = one(sql`SELECT count(*) AS n FROM (${STABLY_IDS})`);
  return {
    seekers: {
      total: seekers.total,
      byCategory: seekers.groups.byCategory.map((c) => ({ category: Number(c.key), label: label(DISABILITY_CATEGORIES[Number(c.key) as 1]), count: c.n })),
      byStreet: seekers.groups.byStreet.map((c) => ({ street: c.key, label: label(STREETS[c.key as Street]), count: c.n })),
    },
    everEmployed: suppressCell(employed),
    stablyEmployed: suppressCell(stably),
    jobsOpen: suppressCell(one(sql`SELECT count(*) AS n FROM jobs WHERE status = 'open' AND openings > 0`)),
    openingsOpen: suppressCell(one(sql`SELECT sum(openings) AS n FROM jobs WHERE status = 'open'`)),
    allianceMembers: suppressCell(one(sql`SELECT count(*) AS n FROM alliance_members WHERE status = 'active'`)),
    pledgedPositions: suppressCell(one(sql`SELECT sum(pledged_positions) AS n FROM alliance_members WHERE status = 'active'`)),
    projectsOpen: suppressCell(one(sql`SELECT count(*) AS n FROM projects WHERE status = 'open'`)),
    coursesOpen: suppressCell(one(sql`SELECT count(*) AS n FROM courses WHERE status = 'open'`)),
    trainingCompletions: suppressCell(one(sql`SELECT count(*) AS n FROM enrollments WHERE status = 'completed'`)),
    suppression: {
      threshold: 5,
      rule:
        locale === 'en'
          ? 'Counts under 5 are shown as "<5". Where cells add up to a shown total (seekers by category, by street) and one is under 5, the smallest other cell is withheld as "≥5", so no small cell can be worked out by subtraction.'
          : '小于5的数字显示为“<5”。若一组数字合计为已公布的总数（按残疾类别、按街道的求职者人数）且其中有小于5的格，则另将该组中最小的其余一格隐去并显示为“≥5”，以免通过相减推算出小数字。',
    },
  };
}
