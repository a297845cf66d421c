/**
 * The disability employment security fund (残疾人就业保障金) estimate, as a pure function of the
 * member's figures and the policy in force (no I/O; every figure comes from `policy_settings`).
 *
 *   required   = staff × rate                          (财税〔2015〕72号 Art. 9, 条例 Art. 8)
 *   shortfall  = max(0, required − placed)             placed counts a severe employee twice if configured
 *   wage base  = min(average wage, cap × local wage)    (cap 2×: 财税〔2017〕18号)
 *   full levy  = shortfall × wage base
 *   levy       = full levy × tier share                (财政部公告2019年第98号, 2023年第8号)
 *     staff ≤ small-employer limit (30)  → exempt, 0
 *     placed ≥ required                  → quota met, 0
 *     placed / staff ≥ tier ratio (1%)   → 50 %
 *     placed / staff <  tier ratio       → 90 %
 *
 * Worked example (the default policy, a local wage of 155,568 CNY/year): 200 staff, 2 placed,
 * average wage 120,000: required = 200 × 1.5 % = 3; shortfall = 3 − 2 = 1; ratio = 2 / 200 = 1 %
 * (≥ 1 %, so the 50 % tier); wage base = min(120,000, 2 × 155,568 = 311,136) = 120,000;
 * full levy = 1 × 120,000 = 120,000; levy = 120,000 × 50 % = 60,000 CNY.
 */
import type { Policy } from '../policy/schema.js';

export type LevyPolicy = Pick<
  Policy,
  'quota_rate' | 'levy_tier_ratio' | 'levy_share_upper_tier' | 'levy_share_lower_tier' | 'small_employer_max_staff' | 'wage_cap_multiple' | 'local_average_wage'
>;

export interface LevyInput {
  /** Last year's staff on the payroll (在职职工人数); the member's `headcount` stands in for it. */
  staff: number;
  /** Disabled employees placed, as counted (severe ones already doubled where the policy says so). */
  placed: number;
  /** Last year's average staff wage, CNY per year; null: the local average wage stands in. */
  averageWage: number | null;
}

export type LevyTier = 'exempt' | 'met' | 'upper' | 'lower';

export interface LevyResult {
  /** staff × rate, to 4 decimals (3 for 200 staff at 1.5 %). */
  required: number;
  placed: number;
  /** placed / staff, to 4 decimals; null with no staff. */
  ratio: number | null;
  /** required − placed, never below 0, to 4 decimals. */
  shortfall: number;
  /** Whole hires (each counted once) that bring placed up to required. */
  hiresToClear: number;
  tier: LevyTier;
  wageBase: number;
  wageCapped: boolean;
  /** True when the member's own average wage is unknown and the local average stands in. */
  wageEstimated: boolean;
  /** shortfall × wage base, whole CNY. */
  fullLevy: number;
  /** The share of the full levy due in this tier (0 when exempt or met). */
  share: number;
  /** The estimated annual levy, whole CNY. */
  levy: number;
}

/** Comparisons of money-free ratios get a hair of tolerance: 0.015 × 200 is 3.0000000000000004. */
const EPS = 1e-9;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function computeLevy(input: LevyInput, policy: LevyPolicy): LevyResult {
  const required = round4(input.staff * policy.quota_rate);
  const placed = input.placed;
  const shortfall = Math.max(0, round4(required - placed));
  const ratio = input.staff > 0 ? round4(placed / input.staff) : null;
  const hiresToClear = shortfall > EPS ? Math.ceil(shortfall - EPS) : 0;

  const cap = policy.wage_cap_multiple * policy.local_average_wage;
  const wage = input.averageWage ?? policy.local_average_wage;
  const wageBase = Math.min(wage, cap);

  let tier: LevyTier;
  if (input.staff <= policy.small_employer_max_staff) tier = 'exempt';
  else if (placed + EPS >= required) tier = 'met';
  else if (placed + EPS >= input.staff * policy.levy_tier_ratio) tier = 'upper';
  else tier = 'lower';
  const share = tier === 'upper' ? policy.levy_share_upper_tier : tier === 'lower' ? policy.levy_share_lower_tier : 0;
  const fullLevy = tier === 'exempt' || tier === 'met' ? 0 : Math.round(shortfall * wageBase);

  return {
    required,
    placed,
    ratio,
    shortfall,
    hiresToClear,
    tier,
    wageBase,
    wageCapped: wage > cap,
    wageEstimated: input.averageWage === null,
    fullLevy,
    share,
    levy: Math.round(fullLevy * share),
  };
}

/**
 * Disabled employees as the quota counts them: the member's own reported figure (once each: we
 * do not know their levels), plus each AbilityBridge hire still employed, twice when the policy
 * counts severe disability double and the hire's level is at most `severe_max_level`
 * (财税〔2015〕72号 Art. 8: certificate levels 1–2 count as two). `severeHires` is the number of
 * hires whose level is at most `severe_max_level`; the caller counts them in SQL.
 */
export function countPlaced(
  reported: number,
  hires: { hires: number; severeHires: number },
  policy: Pick<Policy, 'severe_counts_double' | 'severe_max_level'>,
): number {
  return reported + hires.hires + (policy.severe_counts_double ? hires.severeHires : 0);
}
