/**
 * Database rows → the matcher's plain inputs. Bulk loaders read each table once (start-up over
 * the whole library); the same code with an id filter serves one changed record.
 */
import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import { courses, enrollments, jobAccommodations, jobCourses, jobs, jobSkills, projects, seekerNeeds, seekers, seekerSkills } from '../../db/schema.js';
import type { CatalogueCourse, EntrepreneurshipProject, JobPosting, SeekerProfile } from '../../matching/types.js';

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Active seekers (all, or the given ids) as matcher profiles. Archived and anonymised seekers,
 * and those who withdrew consent to process their disability data, are not matched.
 */
export function loadSeekerProfiles(db: Db, ids?: number[]): SeekerProfile[] {
  const only = (col: SQLiteColumn): SQL | undefined => (ids ? inArray(col, ids) : undefined);
  const rows = db.select().from(seekers).where(and(eq(seekers.status, 'active'), eq(seekers.consentSensitiveData, true), only(seekers.id))).all();
  const needs = groupBy(db.select().from(seekerNeeds).where(only(seekerNeeds.seekerId)).all(), (n) => n.seekerId);
  const skills = groupBy(db.select().from(seekerSkills).where(only(seekerSkills.seekerId)).all(), (s) => s.seekerId);
  const training = groupBy(
    db.select().from(enrollments).where(and(ne(enrollments.status, 'dropped'), only(enrollments.seekerId))).all(),
    (e) => e.seekerId,
  );
  return rows.map((s) => {
    const t = training.get(s.id) ?? [];
    return {
      id: s.id,
      street: s.street,
      skills: (skills.get(s.id) ?? []).map((k) => k.skill),
      about: s.about,
      needs: (needs.get(s.id) ?? []).map((n) => ({ code: n.code, strength: n.strength })),
      workModes: s.workModes,
      hours: s.preferredHours,
      salaryExpectation: s.salaryExpectation,
      completedCourseIds: t.filter((e) => e.status === 'completed').map((e) => e.courseId),
      inProgressCourseIds: t.filter((e) => e.status === 'enrolled').map((e) => e.courseId),
      shareWithEmployers: s.consentShareWithEmployers,
    };
  });
}

/** Jobs (all not archived, or the given ids) as postings; closed ones stay so a reopen is one upsert. */
export function loadJobPostings(db: Db, ids?: number[]): JobPosting[] {
  const only = (col: SQLiteColumn): SQL | undefined => (ids ? inArray(col, ids) : undefined);
  const rows = db.select().from(jobs).where(and(ne(jobs.status, 'archived'), only(jobs.id))).all();
  const skills = groupBy(db.select().from(jobSkills).where(only(jobSkills.jobId)).all(), (s) => s.jobId);
  const acc = groupBy(db.select().from(jobAccommodations).where(only(jobAccommodations.jobId)).all(), (a) => a.jobId);
  const req = groupBy(db.select().from(jobCourses).where(only(jobCourses.jobId)).all(), (c) => c.jobId);
  return rows.map((j) => {
    const s = skills.get(j.id) ?? [];
    return {
      id: j.id,
      memberId: j.memberId,
      title: j.title,
      description: j.description,
      street: j.street,
      workMode: j.workMode,
      hours: j.hours,
      salaryMin: j.salaryMin,
      salaryMax: j.salaryMax,
      openings: j.openings,
      status: j.status,
      requiredSkills: s.filter((x) => x.required).map((x) => x.skill),
      preferredSkills: s.filter((x) => !x.required).map((x) => x.skill),
      requiredCourseIds: (req.get(j.id) ?? []).map((c) => c.courseId),
      accommodations: (acc.get(j.id) ?? []).map((a) => a.code),
    };
  });
}

export function loadProjects(db: Db, ids?: number[]): EntrepreneurshipProject[] {
  return db
    .select()
    .from(projects)
    .where(and(ne(projects.status, 'archived'), ids ? inArray(projects.id, ids) : undefined))
    .all()
    .map((p) => ({
      id: p.id,
      title: p.title,
      sector: p.sector,
      description: p.description,
      street: p.street,
      workMode: p.workMode,
      skills: p.skills,
      supports: p.supports,
      accommodations: p.accommodations,
      capacity: p.capacity,
      status: p.status,
    }));
}

/** The whole catalogue, archived courses included: a course once completed still taught its skills. */
export function loadCourses(db: Db): CatalogueCourse[] {
  return db
    .select()
    .from(courses)
    .all()
    .map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn, skills: c.skills }));
}
