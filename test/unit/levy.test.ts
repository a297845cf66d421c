/**
 * The levy calculator against worked examples (default policy: rate 1.5 %, tier at 1 %, 50 % /
 * 90 %, ≤ 30 staff exempt, wage cap 2 × the local average 155,568 CNY/year), and the small-cell
 * suppression rule of the public summary.
 */
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS, POLICY_KEYS, type Policy } from '../../src/policy/schema.js';
import { computeLevy, countPlaced } from '../../src/stats/levy.js';
import { suppressCell, suppressGroup, suppressGroups } from '../../src/stats/suppress.js';
import { canonicalSkill } from '../../src/stats/skill-codes.js';

const policy = Object.fromEntries(POLICY_KEYS.map((k) => [k, POLICY_DEFAULTS[k].value])) as Policy;

describe('levy calculator', () => {
  it('exempts employers with 30 staff or fewer, whatever the shortfall', () => {
    // 30 × 1.5 % = 0.45 required, 0 placed: a shortfall, but 30 ≤ 30 → exempt.
    expect(computeLevy({ staff: 30, placed: 0, averageWage: 100_000 }, policy)).toMatchObject({ required: 0.45, shortfall: 0.45, hiresToClear: 1, tier: 'exempt', fullLevy: 0, levy: 0 });
  });

  it('charges the 90 % tier from 31 staff when nobody is placed', () => {
    // 31 × 1.5 % = 0.465; ratio 0 < 1 % → 90 %; 0.465 × 100,000 = 46,500; × 0.9 = 41,850.
    expect(computeLevy({ staff: 31, placed: 0, averageWage: 100_000 }, policy)).toMatchObject({ required: 0.465, shortfall: 0.465, ratio: 0, tier: 'lower', fullLevy: 46_500, share: 0.9, levy: 41_850 });
  });

  it('charges 50 % when the ratio is at least 1 % but below the rate', () => {
    // 200 × 1.5 % = 3; placed 2 → ratio exactly 1 % → 50 %; shortfall 1 × 120,000 = 120,000 → 60,000.
    expect(computeLevy({ staff: 200, placed: 2, averageWage: 120_000 }, policy)).toMatchObject({ required: 3, shortfall: 1, ratio: 0.01, tier: 'upper', wageBase: 120_000, fullLevy: 120_000, share: 0.5, levy: 60_000, hiresToClear: 1 });
  });

  it('charges 90 % below 1 %', () => {
    // 200 staff, 1 placed → 0.5 % < 1 %; shortfall 2 × 120,000 = 240,000 → × 0.9 = 216,000.
    expect(computeLevy({ staff: 200, placed: 1, averageWage: 120_000 }, policy)).toMatchObject({ shortfall: 2, ratio: 0.005, tier: 'lower', fullLevy: 240_000, levy: 216_000, hiresToClear: 2 });
  });

  it('charges nothing at or above the rate', () => {
    expect(computeLevy({ staff: 200, placed: 3, averageWage: 120_000 }, policy)).toMatchObject({ shortfall: 0, tier: 'met', levy: 0, hiresToClear: 0 });
    expect(computeLevy({ staff: 200, placed: 9, averageWage: 120_000 }, policy)).toMatchObject({ shortfall: 0, tier: 'met', levy: 0 });
  });

  it('caps the wage base at twice the local average wage', () => {
    // 1,000 staff → 15 required; 5 placed (0.5 %) → 90 %; wage 400,000 > 2 × 155,568 = 311,136;
    // 10 × 311,136 = 3,111,360 → × 0.9 = 2,800,224.
    expect(computeLevy({ staff: 1000, placed: 5, averageWage: 400_000 }, policy)).toMatchObject({ required: 15, shortfall: 10, wageBase: 311_136, wageCapped: true, fullLevy: 3_111_360, levy: 2_800_224 });
  });

  it('uses the local average wage when the member has not given theirs', () => {
    // 100 staff → 1.5 required, none placed → 90 % of 1.5 × 155,568 = 233,352 → 210,016.8 → 210,017.
    expect(computeLevy({ staff: 100, placed: 0, averageWage: null }, policy)).toMatchObject({ wageBase: 155_568, wageEstimated: true, fullLevy: 233_352, levy: 210_017, hiresToClear: 2 });
  });

  it('counts a severely disabled employee twice when the policy says so', () => {
    // 1 reported + 2 hires, one of them level 1 → 1 + 2 + 1 = 4 with doubling, 3 without.
    expect(countPlaced(1, { hires: 2, severeHires: 1 }, policy)).toBe(4);
    expect(countPlaced(1, { hires: 2, severeHires: 1 }, { ...policy, severe_counts_double: false })).toBe(3);
    // 300 staff → 4.5 required. One severe hire (counts 2) + 2 reported = 4 → ratio 1.33 % → 50 % of 0.5 × 100,000 = 25,000.
    const placed = countPlaced(2, { hires: 1, severeHires: 1 }, policy);
    expect(computeLevy({ staff: 300, placed, averageWage: 100_000 }, policy)).toMatchObject({ placed: 4, shortfall: 0.5, tier: 'upper', levy: 25_000 });
    // Without doubling: 3 placed = 1 % exactly → still 50 %, of 1.5 × 100,000 = 75,000.
    const single = countPlaced(2, { hires: 1, severeHires: 1 }, { ...policy, severe_counts_double: false });
    expect(computeLevy({ staff: 300, placed: single, averageWage: 100_000 }, policy)).toMatchObject({ placed: 3, shortfall: 1.5, tier: 'upper', levy: 75_000 });
  });

  it('follows changed policy values', () => {
    const p = { ...policy, quota_rate: 0.02, small_employer_max_staff: 50, levy_share_lower_tier: 1, wage_cap_multiple: 3 };
    expect(computeLevy({ staff: 50, placed: 0, averageWage: 100_000 }, p).tier).toBe('exempt');
    // 100 × 2 % = 2 required, 0 placed → 100 % of 2 × min(500,000, 3 × 155,568 = 466,704) = 933,408.
    expect(computeLevy({ staff: 100, placed: 0, averageWage: 500_000 }, p)).toMatchObject({ wageBase: 466_704, levy: 933_408 });
  });
});

describe('small-cell suppression', () => {
  it('shows every count under 5 as "<5"', () => {
    expect([0, 1, 4, 5, 120].map(suppressCell)).toEqual(['<5', '<5', '<5', 5, 120]);
  });

  it('withholds the smallest other cell when a group has a small one, so subtraction gives nothing away', () => {
    const r = suppressGroup([{ key: 'a', n: 3 }, { key: 'b', n: 40 }, { key: 'c', n: 7 }, { key: 'd', n: 9 }], 59);
    expect(r.cells.map((c) => c.n)).toEqual(['<5', 40, '≥5', 9]);
    expect(r.total).toBe(59);
    // 59 − 40 − 9 = 10 = a + c, with c ≥ 5: a could be anything from 0 to 4.
  });

  it('publishes a group without small cells exactly', () => {
    expect(suppressGroup([{ key: 'a', n: 5 }, { key: 'b', n: 6 }], 11)).toEqual({ cells: [{ key: 'a', n: 5 }, { key: 'b', n: 6 }], total: 11 });
  });

  it('withholds the total when every cell is small, and then a cell in every other group over it', () => {
    const r = suppressGroups({ x: [{ key: 'a', n: 4 }, { key: 'b', n: 4 }], y: [{ key: 'c', n: 2 }, { key: 'd', n: 6 }] }, 8);
    expect(r.total).toBe('≥5');
    expect(r.groups.x.map((c) => c.n)).toEqual(['<5', '<5']);
    expect(r.groups.y.map((c) => c.n)).toEqual(['<5', '≥5']);
    const r2 = suppressGroups({ x: [{ key: 'a', n: 3 }, { key: 'b', n: 4 }], y: [{ key: 'c', n: 7 }, { key: 'd', n: 0 }] }, 7);
    expect(r2.groups.y.map((c) => c.n)).toEqual(['≥5', '<5']);
  });
});

describe('skill canonicalisation', () => {
  it('maps zh, en and synonyms of one skill to one code', () => {
    expect(['客服', 'customer service', ' 客户服务 ', 'Customer Support'].map((l) => canonicalSkill(l)?.code)).toEqual(Array(4).fill('customer_service'));
    expect(canonicalSkill('网店客服')).toEqual({ code: 'ecommerce_customer_service', zh: '电商客服', en: 'e-commerce customer service' });
    // A skill's own name wins over another skill's synonym.
    expect(canonicalSkill('新媒体运营')?.code).toBe('social_media');
    expect(canonicalSkill('叉车')).toBeNull();
  });
});
