/** The alliance (社会助残联盟): members join, pledge reserved positions, and may be archived. */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { allianceMembers, type AllianceMember } from '../../../db/schema.js';
import type { Db } from '../../../db/connection.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import { contains, listPage } from '../query.js';
import { isoNow, type Clock } from '../../clock.js';
import type { CreateMemberReq, ListMembersReq, UpdateMemberReq } from './schema.js';

function checkConsistency(m: Pick<AllianceMember, 'headcount' | 'disabledHeadcount'>): void {
  const problems: FieldProblem[] = [];
  if (m.disabledHeadcount > m.headcount) problems.push({ path: 'disabledHeadcount', key: 'disabled_headcount.above_headcount' });
  if (problems.length) throw AppError.validation(problems);
}

export function allianceMemberService(db: Db, clock: Clock) {
  function get(id: number): AllianceMember {
    const row = db.select().from(allianceMembers).where(eq(allianceMembers.id, id)).get();
    if (!row) throw AppError.notFound('alliance_member', id);
    return row;
  }

  function assertNameFree(name: string, exceptId?: number): void {
    const clash = db
      .select({ id: allianceMembers.id })
      .from(allianceMembers)
      .where(and(eq(allianceMembers.name, name), exceptId === undefined ? undefined : ne(allianceMembers.id, exceptId)))
      .get();
    if (clash) throw AppError.conflict('conflict.duplicate_member_name');
  }

  return {
    get,

    create(input: CreateMemberReq): AllianceMember {
      checkConsistency({ headcount: input.headcount, disabledHeadcount: input.disabledHeadcount ?? 0 });
      return db.transaction((tx) => {
        assertNameFree(input.name);
        return tx.insert(allianceMembers).values({ ...input, createdAt: isoNow(clock), updatedAt: isoNow(clock) }).returning().get();
      });
    },

    update(id: number, patch: UpdateMemberReq): AllianceMember {
      return db.transaction((tx) => {
        const current = get(id);
        if (current.status === 'archived') throw AppError.conflict('conflict.archived');
        checkConsistency({ ...current, ...patch });
        if (patch.name !== undefined) assertNameFree(patch.name, id);
        return tx
          .update(allianceMembers)
          .set({ ...patch, updatedAt: isoNow(clock) })
          .where(eq(allianceMembers.id, id))
          .returning()
          .get();
      });
    },

    archive(id: number): AllianceMember {
      return db.transaction((tx) => {
        const current = get(id);
        if (current.status === 'archived') throw AppError.conflict('conflict.already_archived');
        return tx
          .update(allianceMembers)
          .set({ status: 'archived', updatedAt: isoNow(clock) })
          .where(eq(allianceMembers.id, id))
          .returning()
          .get();
      });
    },

    list(q: ListMembersReq): Page<AllianceMember> {
      return listPage(db, allianceMembers, [
        q.kind?.length ? inArray(allianceMembers.kind, q.kind) : undefined,
        q.street?.length ? inArray(allianceMembers.street, q.street) : undefined,
        q.commitmentLevel ? eq(allianceMembers.commitmentLevel, q.commitmentLevel) : undefined,
        q.status ? eq(allianceMembers.status, q.status) : undefined,
        q.q ? contains(allianceMembers.name, q.q) : undefined,
      ], q);
    },
  };
}
