/**
 * The demand library (就业需求库): disabled job seekers, their needs, skills, consents and
 * training record. A seeker is written with needs, skills and consents in one transaction.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  applications,
  consents,
  enrollments,
  followUps,
  notifications,
  pipelineEvents,
  seekerNeeds,
  seekers,
  seekerSkills,
  sessions,
  users,
  type Seeker,
} from '../../../db/schema.js';
import type { auditService } from '../../audit/service.js';
import { isoNow, today, type Clock } from '../../clock.js';
import { parseCertificateNumber } from '../../domain/identity.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import type { EventBus } from '../../events.js';
import { contains, listPage } from '../query.js';
import { skillAliases } from '../skills.js';
import { presentSeeker, type SeekerDetail } from './presenter.js';
import type { ConsentsReq, CreateSeekerReq, ListSeekersReq, UpdateSeekerReq } from './schema.js';

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

/** Called inside a seeker's write transaction, after the write (match alerts use it). */
export interface SeekerHooks {
  beforeCommit?: (seekerId: number) => void;
}

export function seekerService(db: Db, clock: Clock, events: EventBus, audit: ReturnType<typeof auditService>, hooks: SeekerHooks = {}) {
  const published = <T extends { id: number }>(change: 'registered' | 'updated' | 'archived', seeker: T): T => {
    events.publish({ type: 'seeker', change, id: seeker.id });
    return seeker;
  };

  function row(id: number): Seeker {
    const found = db.select().from(seekers).where(eq(seekers.id, id)).get();
    if (!found) throw AppError.notFound('seeker', id);
    return found;
  }

  function active(id: number): Seeker {
    const current = row(id);
    if (current.status !== 'active') throw AppError.conflict('conflict.seeker_not_active');
    return current;
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

    /** One seeker; the certificate number unmasked only when `reveal` (the person or staff), staff reads audited. */
    get(id: number, viewer: { userId: number; reveal: boolean; audit: boolean }) {
      const s = presentSeeker(detail(row(id)), { revealCertificate: viewer.reveal });
      if (viewer.audit && viewer.reveal) audit.record({ userId: viewer.userId, action: 'read_sensitive', entity: 'seeker', entityId: id, fields: ['certificateNumber'] });
      return s;
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
            createdAt: isoNow(clock),
            updatedAt: isoNow(clock),
            consentSensitiveData: true,
            consentMatchAlerts: consent.matchAlerts,
            consentShareWithEmployers: consent.shareWithEmployers,
          })
          .returning()
          .get();
        replaceNeedsAndSkills(created.id, { needs, skills });
        db.insert(pipelineEvents).values({ seekerId: created.id, fromStage: null, toStage: 'registered', at: isoNow(clock), byUserId, reason: 'registered' }).run();
        db.insert(consents)
          .values([
            { seekerId: created.id, kind: 'sensitive_data', granted: true, textVersion: consent.textVersion, byUserId, at: isoNow(clock) },
            { seekerId: created.id, kind: 'match_alerts', granted: consent.matchAlerts, textVersion: consent.textVersion, byUserId, at: isoNow(clock) },
            { seekerId: created.id, kind: 'share_with_employers', granted: consent.shareWithEmployers, textVersion: consent.textVersion, byUserId, at: isoNow(clock) },
          ])
          .run();
        hooks.beforeCommit?.(created.id);
        return presentSeeker(detail(created));
      }));
    },

    update(id: number, patch: UpdateSeekerReq) {
      const { needs, skills, ...fields } = patch;
      return published('updated', db.transaction(() => {
        const current = active(id);
        const identityChanged =
          fields.certificateNumber !== undefined || fields.disabilityCategory !== undefined || fields.disabilityLevel !== undefined;
        const derived = identityChanged ? checkCertificate({ ...current, ...fields }, today(clock)) : {};
        if (fields.certificateNumber !== undefined) assertCertificateFree(fields.certificateNumber, id);
        db.update(seekers).set({ ...fields, ...derived, updatedAt: isoNow(clock) }).where(eq(seekers.id, id)).run();
        replaceNeedsAndSkills(id, { needs, skills });
        hooks.beforeCommit?.(id);
        return presentSeeker(detail(row(id)));
      }));
    },

    /**
     * Gives or withdraws consents, each change recorded with its text version. Alerts and sharing
     * rest on the consent to process disability data: withdrawing that withdraws them too.
     */
    setConsents(id: number, body: ConsentsReq, byUserId: number | null) {
      return published('updated', db.transaction(() => {
        const current = active(id);
        const next = {
          sensitive_data: body.sensitiveData ?? current.consentSensitiveData,
          match_alerts: body.matchAlerts ?? current.consentMatchAlerts,
          share_with_employers: body.shareWithEmployers ?? current.consentShareWithEmployers,
        };
        if (!next.sensitive_data) {
          next.match_alerts = false;
          next.share_with_employers = false;
        }
        const was = { sensitive_data: current.consentSensitiveData, match_alerts: current.consentMatchAlerts, share_with_employers: current.consentShareWithEmployers };
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== was[k]);
        if (changed.length) {
          db.update(seekers)
            .set({ consentSensitiveData: next.sensitive_data, consentMatchAlerts: next.match_alerts, consentShareWithEmployers: next.share_with_employers, updatedAt: isoNow(clock) })
            .where(eq(seekers.id, id))
            .run();
          db.insert(consents).values(changed.map((kind) => ({ seekerId: id, kind, granted: next[kind], textVersion: body.textVersion, byUserId, at: isoNow(clock) }))).run();
          audit.record({ userId: byUserId, action: 'consent_changed', entity: 'seeker', entityId: id, fields: changed });
          hooks.beforeCommit?.(id);
        }
        return presentSeeker(detail(row(id)), { revealCertificate: true });
      }));
    },

    /** Everything held about a seeker, unmasked, for the seeker (or staff on their behalf). */
    exportData(id: number, byUserId: number) {
      const s = row(id);
      const user = db.select().from(users).where(eq(users.seekerId, id)).get();
      audit.record({ userId: byUserId, action: 'export', entity: 'seeker', entityId: id, fields: ['all'] });
      const where = <T extends { seekerId: SQLiteColumn }>(t: T) => eq(t.seekerId, id);
      return {
        exportedAt: isoNow(clock),
        seeker: { ...detail(s), needs: undefined, skills: undefined, enrollments: undefined },
        needs: db.select().from(seekerNeeds).where(where(seekerNeeds)).all(),
        skills: db.select().from(seekerSkills).where(where(seekerSkills)).all(),
        consents: db.select().from(consents).where(where(consents)).orderBy(consents.id).all(),
        enrollments: db.select().from(enrollments).where(where(enrollments)).all(),
        applications: db.select().from(applications).where(where(applications)).all(),
        pipelineEvents: db.select().from(pipelineEvents).where(where(pipelineEvents)).orderBy(pipelineEvents.id).all(),
        followUps: db.select().from(followUps).where(where(followUps)).all(),
        account: user ? { username: user.username, role: user.role, locale: user.locale, largeText: user.largeText, highContrast: user.highContrast, createdAt: user.createdAt, lastLoginAt: user.lastLoginAt } : null,
        notifications: user ? db.select().from(notifications).where(eq(notifications.userId, user.id)).all() : [],
      };
    },

    requestDeletion(id: number, byUserId: number) {
      return published('updated', db.transaction(() => {
        active(id);
        db.update(seekers).set({ deletionRequestedAt: isoNow(clock), updatedAt: isoNow(clock) }).where(eq(seekers.id, id)).run();
        audit.record({ userId: byUserId, action: 'deletion_requested', entity: 'seeker', entityId: id, fields: [] });
        return presentSeeker(detail(row(id)), { revealCertificate: true });
      }));
    },

    /**
     * Staff confirm a deletion request: identifying and health details go, the record stays as an
     * anonymous count (category, level, street, stage, birth year, training and pipeline history)
     * so aggregate statistics remain. The account is closed and signed out.
     */
    anonymise(id: number, byUserId: number) {
      return published('archived', db.transaction(() => {
        const current = row(id);
        if (current.status === 'anonymised') throw AppError.conflict('conflict.already_archived');
        if (!current.deletionRequestedAt) throw AppError.conflict('conflict.deletion_not_requested');
        db.update(seekers)
          .set({
            name: '已匿名化',
            certificateNumber: `ANON-${id}`,
            phone: null,
            email: null,
            community: null,
            about: '',
            birthDate: `${current.birthDate.slice(0, 4)}-01-01`,
            salaryExpectation: null,
            consentSensitiveData: false,
            consentMatchAlerts: false,
            consentShareWithEmployers: false,
            status: 'anonymised',
            updatedAt: isoNow(clock),
          })
          .where(eq(seekers.id, id))
          .run();
        db.delete(seekerNeeds).where(eq(seekerNeeds.seekerId, id)).run();
        db.delete(seekerSkills).where(eq(seekerSkills.seekerId, id)).run();
        const user = db.select().from(users).where(eq(users.seekerId, id)).get();
        if (user) {
          db.delete(notifications).where(eq(notifications.userId, user.id)).run();
          db.delete(sessions).where(eq(sessions.userId, user.id)).run();
          db.update(users)
            .set({ username: `deleted-${user.id}`, displayName: '已匿名化', passwordHash: 'disabled', disabled: true, updatedAt: isoNow(clock) })
            .where(eq(users.id, user.id))
            .run();
        }
        audit.record({ userId: byUserId, action: 'anonymised', entity: 'seeker', entityId: id, fields: ['name', 'certificateNumber', 'phone', 'email', 'community', 'about', 'birthDate', 'needs', 'skills'] });
        return { id, status: 'anonymised' as const, userId: user?.id ?? null };
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
