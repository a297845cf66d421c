/**
 * The demand library (就业需求库): disabled job seekers, their needs, skills, consents and
 * training record. A seeker is written with needs, skills and consents in one transaction.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { consents, enrollments, seekerNeeds, seekers, seekerSkills, type Seeker } from '../../../db/schema.js';
import { isoNow, today, type Clock } from '../../clock.js';
import { parseCertificateNumber } from '../../domain/identity.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import type { EventBus } from '../../events.js';
import { contains, listPage } from '../query.js';
import { skillAliases } from '../skills.js';
import { presentSeeker, type SeekerDetail } from './presenter.js';
import type { CreateSeekerReq, ListSeekersReq, UpdateSeekerReq } from './schema.js';

/** The certificate number must be valid and agree with the recorded category and level. */
function checkCertificate(
  s: { certificateNumber: string; disabilityCategory: number; disabilityLevel: number },
  day: string,
): { gender: 'male' | 'female'; birthDate: string } {
  const parsed = parseCertificateNumber(s.certificateNumber, day);
  const problems: FieldProblem[] = [];
  if (!parsed.ok) {
    throw AppError.validation([{ path: 'certificateNumber', key: `certificate.${parsed.problem}` }]);
  }
  if (parsed.value.category !== s.disabilityCategory) {
    problems.push({ path: 'certificateNumber', key: 'certificate.category_mismatch', params: { digit: parsed.value.category, value: s.disabilityCategory } });
  }
  if (parsed.value.level !== s.disabilityLevel) {
    problems.push({ path: 'certificateNumber', key: 'certificate.level_mismatch', params: { digit: parsed.value.level, value: s.disabilityLevel } });
  }
  if (problems.length) throw AppError.validation(problems);
  return { gender: parsed.value.gender, birthDate: parsed.value.birthDate };
}

export function seekerService(db: Db, clock: Clock, events: EventBus) {
  const published = <T extends { id: number }>(change: 'registered' | 'updated' | 'archived', seeker: T): T => {
    events.publish({ type: 'seeker', change, id: seeker.id });
    return seeker;
  };

  function row(id: number): Seeker {
    const found = db.select().from(seekers).where(eq(seekers.id, id)).get();
    if (!found) throw AppError.notFound('seeker', id);
    return found;
  }

  function detail(s: Seeker): SeekerDetail {
    return {
      ...s,
      needs: db.select({ code: seekerNeeds.code, strength: seekerNeeds.strength }).from(seekerNeeds).where(eq(seekerNeeds.seekerId, s.id)).orderBy(seekerNeeds.code).all(),
      skills: db.select({ skill: seekerSkills.skill, level: seekerSkills.level }).from(seekerSkills).where(eq(seekerSkills.seekerId, s.id)).orderBy(seekerSkills.skill).all(),
      enrollments: db
        .select({ id: enrollments.id, courseId: enrollments.courseId, status: enrollments.status, enrolledOn: enrollments.enrolledOn, completedOn: enrollments.completedOn })
        .from(enrollments)
        .where(eq(enrollments.seekerId, s.id))
        .orderBy(enrollments.id)
        .all(),
    };
  }

  function assertCertificateFree(cert: string, exceptId?: number): void {
    const clash = db
      .select({ id: seekers.id })
      .from(seekers)
      .where(and(eq(seekers.certificateNumber, cert), exceptId === undefined ? undefined : ne(seekers.id, exceptId)))
      .get();
    if (clash) throw AppError.conflict('conflict.duplicate_certificate');
  }

  function replaceNeedsAndSkills(id: number, input: Pick<UpdateSeekerReq, 'needs' | 'skills'>): void {
    if (input.needs) {
      db.delete(seekerNeeds).where(eq(seekerNeeds.seekerId, id)).run();
      if (input.needs.length) db.insert(seekerNeeds).values(input.needs.map((n) => ({ seekerId: id, ...n }))).run();
    }
    if (input.skills) {
      db.delete(seekerSkills).where(eq(seekerSkills.seekerId, id)).run();
      if (input.skills.length) db.insert(seekerSkills).values(input.skills.map((s) => ({ seekerId: id, ...s }))).run();
    }
  }

  return {
    /** The raw row, for other services. */
    row,

    get(id: number) {
      return presentSeeker(detail(row(id)));
    },

    create(input: CreateSeekerReq, byUserId: number | null = null) {
      const derived = checkCertificate(input, today(clock));
      const { needs, skills, consents: consent, ...fields } = input;
      return published('registered', db.transaction(() => {
        assertCertificateFree(input.certificateNumber);
        const created = db
          .insert(seekers)
          .values({
            ...fields,
            ...derived,
            consentSensitiveData: true,
            consentMatchAlerts: consent.matchAlerts,
            consentShareWithEmployers: consent.shareWithEmployers,
          })
          .returning()
          .get();
        replaceNeedsAndSkills(created.id, { needs, skills });
        db.insert(consents)
          .values([
            { seekerId: created.id, kind: 'sensitive_data', granted: true, textVersion: consent.textVersion, byUserId },
            { seekerId: created.id, kind: 'match_alerts', granted: consent.matchAlerts, textVersion: consent.textVersion, byUserId },
            { seekerId: created.id, kind: 'share_with_employers', granted: consent.shareWithEmployers, textVersion: consent.textVersion, byUserId },
          ])
          .run();
        return presentSeeker(detail(created));
      }));
    },

    update(id: number, patch: UpdateSeekerReq, byUserId: number | null = null) {
      const { needs, skills, consents: consent, ...fields } = patch;
      return published('updated', db.transaction(() => {
        const current = row(id);
        if (current.status !== 'active') throw AppError.conflict('conflict.seeker_not_active');
        const merged = { ...current, ...fields };
        const identityChanged =
          fields.certificateNumber !== undefined || fields.disabilityCategory !== undefined || fields.disabilityLevel !== undefined;
        const derived = identityChanged ? checkCertificate(merged, today(clock)) : {};
        if (fields.certificateNumber !== undefined) assertCertificateFree(fields.certificateNumber, id);
        const consentChanges: { kind: 'match_alerts' | 'share_with_employers'; granted: boolean }[] = [];
        if (consent?.matchAlerts !== undefined && consent.matchAlerts !== current.consentMatchAlerts) {
          consentChanges.push({ kind: 'match_alerts', granted: consent.matchAlerts });
        }
        if (consent?.shareWithEmployers !== undefined && consent.shareWithEmployers !== current.consentShareWithEmployers) {
          consentChanges.push({ kind: 'share_with_employers', granted: consent.shareWithEmployers });
        }
        db.update(seekers)
          .set({
            ...fields,
            ...derived,
            ...(consent?.matchAlerts !== undefined ? { consentMatchAlerts: consent.matchAlerts } : {}),
            ...(consent?.shareWithEmployers !== undefined ? { consentShareWithEmployers: consent.shareWithEmployers } : {}),
            updatedAt: isoNow(clock),
          })
          .where(eq(seekers.id, id))
          .run();
        replaceNeedsAndSkills(id, { needs, skills });
        if (consentChanges.length && consent) {
          db.insert(consents).values(consentChanges.map((c) => ({ seekerId: id, ...c, textVersion: consent.textVersion, byUserId }))).run();
        }
        return presentSeeker(detail(row(id)));
      }));
    },

    archive(id: number) {
      return published('archived', db.transaction(() => {
        const current = row(id);
        if (current.status !== 'active') throw AppError.conflict('conflict.already_archived');
        db.update(seekers).set({ status: 'archived', updatedAt: isoNow(clock) }).where(eq(seekers.id, id)).run();
        return presentSeeker(detail(row(id)));
      }));
    },

    list(q: ListSeekersReq): Page<ReturnType<typeof presentSeeker>> {
      const page = listPage(db, seekers, [
        q.category?.length ? inArray(seekers.disabilityCategory, q.category) : undefined,
        q.level?.length ? inArray(seekers.disabilityLevel, q.level) : undefined,
        q.street?.length ? inArray(seekers.street, q.street) : undefined,
        q.stage?.length ? inArray(seekers.stage, q.stage) : undefined,
        q.status ? eq(seekers.status, q.status) : undefined,
        q.q ? contains(seekers.name, q.q) : undefined,
        ...(q.skill ?? []).map(
          (label) =>
            sql`EXISTS (SELECT 1 FROM ${seekerSkills} WHERE ${seekerSkills.seekerId} = ${seekers.id} AND ${inArray(sql`lower(${seekerSkills.skill})`, skillAliases(label))})`,
        ),
        ...(q.need ?? []).map(
          (code) => sql`EXISTS (SELECT 1 FROM ${seekerNeeds} WHERE ${seekerNeeds.seekerId} = ${seekers.id} AND ${seekerNeeds.code} = ${code})`,
        ),
      ], q);
      return { data: page.data.map((s) => presentSeeker(detail(s))), page: page.page };
    },
  };
}
