/** The audit log: who read or changed sensitive data, and when. It never holds the values. */
import { eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { auditLog } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { isoNow } from '../clock.js';
import type { Page } from '../http/pagination.js';
import { pageQuery } from '../http/validation.js';
import { listPage } from '../resources/query.js';

export const AUDIT_ACTIONS = ['read_sensitive', 'export', 'consent_changed', 'deletion_requested', 'anonymised', 'user_disabled', 'user_enabled', 'user_created', 'policy_changed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** What an entry is about; a policy setting has a text key (in `detail`), so no entity id. */
export const AUDIT_ENTITIES = ['seeker', 'user', 'policy_setting'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

const idQuery = z.string().regex(/^\d+$/, { message: 'field.integer' }).transform(Number);
const instant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const ListAuditQuery = z
  .object({
    ...pageQuery,
    userId: idQuery.optional(),
    entity: z.enum(AUDIT_ENTITIES).optional(),
    entityId: idQuery.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .strict();
export type ListAuditReq = z.infer<typeof ListAuditQuery>;

export function auditService(db: Db, clock: Clock) {
  return {
    record(entry: { userId: number | null; action: AuditAction; entity: AuditEntity; entityId: number | null; fields: string[]; detail?: string }) {
      db.insert(auditLog).values({ ...entry, at: isoNow(clock) }).run();
    },
    list(q: ListAuditReq): Page<typeof auditLog.$inferSelect> {
      return listPage(db, auditLog, [
        q.userId !== undefined ? eq(auditLog.userId, q.userId) : undefined,
        q.entity ? eq(auditLog.entity, q.entity) : undefined,
        q.entityId !== undefined ? eq(auditLog.entityId, q.entityId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lte(auditLog.at, q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to) : undefined,
      ], q, 'newest_first'); // staff look for what just happened
    },
  };
}
