/**
 * The response shapes these pages read, taken from the server's own code (type-only imports:
 * nothing of src/ reaches the bundle), so a change there fails the pages' type check.
 */
import type { PolicyService } from '../../../../src/policy/service.js';
import type { Policy, PolicyKey } from '../../../../src/policy/schema.js';
import type { QuotaService } from '../../../../src/stats/quota.js';
import type { publicSummary } from '../../../../src/stats/summary.js';
import type { Cell, tableJson } from '../../../../src/stats/table.js';

export type { Cell, Policy, PolicyKey };
export type { LevyTier } from '../../../../src/stats/levy.js';

/** `GET /stats/<table>`: a titled table with headers in the request's language. */
export type StatTable = ReturnType<typeof tableJson>;
/** `GET /public/summary`: counts only, small cells already suppressed ("<5", "≥5"). */
export type PublicSummary = ReturnType<typeof publicSummary>;
/** `GET /quota/members/:id`. */
export type QuotaMember = ReturnType<QuotaService['member']>;
/** One row of `GET /quota/members`. */
export type QuotaRow = ReturnType<QuotaService['list']>['data'][number];
/** One row of `GET /policy-settings`. */
export type PolicySetting = ReturnType<PolicyService['list']>[number];
