/**
 * Small-cell suppression for the public summary, so no one can be re-identified from it.
 *
 * The rule:
 * 1. Primary: every count under 5 (0 to 4) is published as the string "<5".
 * 2. Complementary: in a group of cells that add up to a known figure (seekers by category add
 *    up to the seekers' total, and so do seekers by street), if any cell is "<5", the smallest
 *    cell of 5 or more in that group is withheld too and published as "≥5". Subtracting the
 *    published cells from the total then gives only the sum of the withheld cells, which is at
 *    least 5 more than the small ones together: the small cells stay anywhere from 0 to 4, and
 *    none of 1–4 can be recovered exactly (only "all of them are 0" when the sum is exactly 5).
 * 3. If every cell of a group is under 5, there is no cell to withhold beside them; the group's
 *    total is then published as "<5" if under 5, else withheld as "≥5" — and every other group
 *    over the same total withholds one cell (its smallest of 5 or more) even if it has no small
 *    cell, so the total cannot be rebuilt from that group either.
 * Counts of 5 or more outside such groups are published exactly.
 */
export type Published = number | '<5' | '≥5';

export const THRESHOLD = 5;

export function suppressCell(n: number): Published {
  return n < THRESHOLD ? '<5' : n;
}

/** Suppresses a group of cells (by key) that adds up to `total`; returns the cells and the total as published. */
export function suppressGroup<K extends string>(
  cells: readonly { key: K; n: number }[],
  total: number,
  options: { totalWithheldElsewhere?: boolean } = {},
): { cells: { key: K; n: Published }[]; total: Published } {
  const out: { key: K; n: Published }[] = cells.map((c) => ({ key: c.key, n: suppressCell(c.n) }));
  const anySmall = cells.some((c) => c.n < THRESHOLD) || Boolean(options.totalWithheldElsewhere);
  let publishedTotal: Published = suppressCell(total);
  if (anySmall) {
    const large = cells.map((c, i) => ({ ...c, i })).filter((c) => c.n >= THRESHOLD);
    if (large.length) {
      // The smallest large cell, the first such in the group's order on a tie: deterministic.
      const pick = large.reduce((a, b) => (b.n < a.n ? b : a));
      out[pick.i] = { key: pick.key, n: '≥5' };
    } else if (publishedTotal !== '<5') {
      publishedTotal = '≥5';
    }
  }
  return { cells: out, total: publishedTotal };
}

/**
 * Several groups over one total (seekers by category and by street): suppresses each, and when
 * any of them has to withhold the total, withholds it in all of them (rule 3).
 */
export function suppressGroups<G extends string, K extends string>(
  groups: Record<G, readonly { key: K; n: number }[]>,
  total: number,
): { groups: Record<G, { key: K; n: Published }[]>; total: Published } {
  const names = Object.keys(groups) as G[];
  const first = names.map((g) => suppressGroup(groups[g], total));
  const withheld = first.some((r) => r.total === '≥5');
  const results = withheld ? names.map((g) => suppressGroup(groups[g], total, { totalWithheldElsewhere: true })) : first;
  const out = {} as Record<G, { key: K; n: Published }[]>;
  names.forEach((g, i) => (out[g] = results[i]!.cells));
  return { groups: out, total: withheld ? '≥5' : suppressCell(total) };
}
