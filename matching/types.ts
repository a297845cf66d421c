/**
 * The matcher's input contract: plain objects that `src/` builds from database rows.
 * Nothing here knows about SQL or HTTP.
 */
import type { AccommodationCode, Hours, NeedStrength, ProjectSupport, Street, WorkMode } from './vocabulary.js';

export interface SeekerNeed {
  code: AccommodationCode;
  strength: NeedStrength;
}

/** A seeker of the demand library (就业需求库), as the matcher sees them. */
export interface SeekerProfile {
  id: number;
  street: Street | null;
  /** Free skill labels as entered (zh or en, synonyms, typos possible). */
  skills: readonly string[];
  about: string;
  needs: readonly SeekerNeed[];
  /** Work modes the seeker can do; a job in any other mode is ruled out. */
  workModes: readonly WorkMode[];
  /** Preferred hours; empty = no preference. */
  hours: readonly Hours[];
  /** Expected monthly pay in CNY; null = no preference. */
  salaryExpectation: number | null;
  completedCourseIds: readonly number[];
  inProgressCourseIds: readonly number[];
  /** Consent to share the profile with employers: without it the seeker is never a candidate. */
  shareWithEmployers: boolean;
}

export type JobStatus = 'open' | 'closed' | 'archived';

/** An opening of the job-supply library (岗位供给库). */
export interface JobPosting {
  id: number;
  memberId: number;
  title: string;
  description: string;
  street: Street | null;
  workMode: WorkMode;
  hours: Hours;
  salaryMin: number | null;
  salaryMax: number | null;
  /** Openings still unfilled. */
  openings: number;
  status: JobStatus;
  requiredSkills: readonly string[];
  preferredSkills: readonly string[];
  requiredCourseIds: readonly number[];
  accommodations: readonly AccommodationCode[];
}

export type ProjectStatus = 'open' | 'closed' | 'archived';

/** A project of the entrepreneurship-project library (创业项目库). */
export interface EntrepreneurshipProject {
  id: number;
  title: string;
  sector: string;
  description: string;
  street: Street | null;
  workMode: WorkMode;
  skills: readonly string[];
  supports: readonly ProjectSupport[];
  accommodations: readonly AccommodationCode[];
  /** Places still open. */
  capacity: number;
  status: ProjectStatus;
}

/** A course of the training catalogue and the skills it teaches. */
export interface CatalogueCourse {
  id: number;
  titleZh: string;
  titleEn: string;
  skills: readonly string[];
}
