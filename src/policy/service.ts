/**
 * Policy settings: the quota rate, the levy rules and the wages they use, one row each with its
 * source. Defaults are seeded when missing (idempotent, at start); staff changes are validated
 * per key and audited ('policy_changed', old → new value in the detail).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { policySettings } from '../../db/schema.js';
import type { auditService } from '../audit/service.js';
import { isoNow, type Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { issuesToProblems } from '../http/validation.js';
import { POLICY_DEFAULTS, POLICY_KEYS, type Policy, type PolicyKey, type UpdatePolicyReq } from './schema.js';

export function policyService(db: Db, clock: Clock, audit: ReturnType<typeof auditService>) {
  /** Inserts every default that is not there yet; never overwrites a staff change. */
  function seedDefaults(): void {
    db.transaction((tx) => {
      for (const key of POLICY_KEYS) {
        const d = POLICY_DEFAULTS[key];
        tx.insert(policySettings).values({ key, value: d.value, source: d.source, updatedAt: isoNow(clock) }).onConflictDoNothing().run();
      }
    });
  }
  seedDefaults();

  function current(): Policy {
    const rows = new Map(db.select({ key: policySettings.key, value: policySettings.value }).from(policySettings).all().map((r) => [r.key, r.value]));
    const out: Record<string, number | boolean> = {};
    for (const key of POLICY_KEYS) {
      const stored = rows.get(key);
      out[key] = typeof stored === typeof POLICY_DEFAULTS[key].value ? (stored as number | boolean) : POLICY_DEFAULTS[key].value;
    }
    return out as Policy;
  }

  return {
    seedDefaults,
    current,

    /** Every setting with its value, source, default and when and by whom it was last changed. */
    list() {
      const known = new Set<string>(POLICY_KEYS);
      return db
        .select()
        .from(policySettings)
        .orderBy(asc(policySettings.key))
        .all()
        .filter((r) => known.has(r.key))
        .map((r) => ({ ...r, defaultValue: POLICY_DEFAULTS[r.key as PolicyKey].value }));
    },

    update(key: PolicyKey, body: UpdatePolicyReq, byUserId: number) {
      const parsed = POLICY_DEFAULTS[key].schema.safeParse(body.value);
      if (!parsed.success) throw AppError.validation(issuesToProblems(parsed.error.issues, body.value).map((p) => ({ ...p, path: 'value' })));
      const next = { ...current(), [key]: parsed.data } as Policy;
      // The relief tier sits below the quota rate, or the tiers make no sense.
      if (next.levy_tier_ratio > next.quota_rate) throw AppError.validation([{ path: 'value', key: 'policy.tier_above_rate' }]);
      return db.transaction((tx) => {
        const before = tx.select().from(policySettings).where(eq(policySettings.key, key)).get();
        const row = tx
          .update(policySettings)
          .set({ value: parsed.data, source: body.source, updatedAt: isoNow(clock), updatedByUserId: byUserId })
          .where(eq(policySettings.key, key))
          .returning()
          .get();
        audit.record({
          userId: byUserId,
          action: 'policy_changed',
          entity: 'policy_setting',
          entityId: null,
          fields: [key],
          detail: `${key}: ${JSON.stringify(before?.value ?? null)} → ${JSON.stringify(parsed.data)}`,
        });
        return { ...row, defaultValue: POLICY_DEFAULTS[key].value };
      });
    },
  };
}

export type PolicyService = ReturnType<typeof policyService>;
