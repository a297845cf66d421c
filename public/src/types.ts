/** The API's response shapes the pages read (what src/ returns; only the fields used here). */
import type { Bilingual } from '../../matching/vocabulary.js';

export type { Bilingual };

export interface Seeker {
  id: number;
  name: string;
  disabilityCategory: number;
  disabilityLevel: number;
  phone: string | null;
  email: string | null;
  street: string;
  community: string | null;
  education: string;
  about: string;
  workModes: string[];
  preferredHours: string[];
  salaryExpectation: number | null;
  stage: string;
  status: string;
  deletionRequestedAt: string | null;
  needs: { code: string; strength: 'must' | 'prefer' }[];
  skills: { skill: string; level: 'basic' | 'intermediate' | 'advanced' }[];
  enrollments: { id: number; courseId: number; status: 'enrolled' | 'completed' | 'dropped'; enrolledOn: string; completedOn: string | null }[];
  certificateNumber: string;
  consents: { sensitiveData: boolean; matchAlerts: boolean; shareWithEmployers: boolean };
}

export interface Explained {
  score: number;
  parts: Record<'skills' | 'training' | 'accessibility' | 'location' | 'preferences', number>;
  weights: Record<'skills' | 'training' | 'accessibility' | 'location' | 'preferences', number>;
  reasons: Bilingual[];
  gaps: Bilingual[];
}

export interface JobMatch extends Explained {
  job: {
    id: number;
    title: string;
    memberId: number;
    memberName: string | null;
    street: string | null;
    workMode: string;
    hours: string;
    salaryMin: number | null;
    salaryMax: number | null;
    openings: number;
    accommodations: string[];
  };
}

export interface ProjectMatch extends Explained {
  project: {
    id: number;
    title: string;
    sector: string;
    sponsorName: string | null;
    street: string | null;
    workMode: string;
    supports: string[];
    capacity: number;
  };
}

export interface Job {
  id: number;
  memberId: number;
  title: string;
  description: string;
  street: string | null;
  address: string | null;
  workMode: string;
  hours: string;
  salaryMin: number | null;
  salaryMax: number | null;
  openings: number;
  reserved: boolean;
  verified: boolean;
  status: 'open' | 'closed' | 'archived';
  postedAt: string | null;
  memberName: string | null;
  requiredSkills: string[];
  preferredSkills: string[];
  requiredCourseIds: number[];
  accommodations: string[];
}

export interface Course {
  id: number;
  titleZh: string;
  titleEn: string;
  provider: string;
  description: string;
  skills: string[];
  durationHours: number;
  workMode: string;
  street: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
}

export interface Application {
  id: number;
  seekerId: number;
  jobId: number;
  origin: 'applied' | 'invited' | 'referred';
  status: 'invited' | 'applied' | 'interviewing' | 'trial' | 'hired' | 'rejected' | 'withdrawn' | 'declined';
  message: string | null;
  trialStartsOn: string | null;
  trialEndsOn: string | null;
  hiredOn: string | null;
  createdAt: string;
  updatedAt: string;
  job: { id: number; title: string; memberId: number; street: string | null; memberName?: string | null };
  history: { from: string | null; to: string; at: string; byUserId: number | null; reason: string | null }[];
}

export interface Page<T> {
  data: T[];
  page: { limit: number; nextCursor: string | null; total: number };
}

/* ---------- Staff: the pipeline (src/pipeline/service.ts, src/resources/applications) ---------- */

/** An application as staff see it (GET /applications/:id): the seeker identified, the trial assessments. */
export interface StaffApplication extends Application {
  seekerAssessment: string | null;
  employerAssessment: string | null;
  seeker: { id: number; name?: string; disabilityCategory?: number; disabilityLevel?: number; stage?: string };
}

/** GET /pipeline/reminders. */
export interface Reminders {
  today: string;
  trialsEndingSoon: TrialReminder[];
  assessmentsOverdue: TrialReminder[];
  followUpsDue: { followUpId: number; applicationId: number; seekerId: number; seekerName: string; monthsAfterHire: number; dueOn: string; overdue: boolean }[];
}
export interface TrialReminder {
  applicationId: number;
  seekerId: number;
  seekerName: string;
  jobId: number;
  jobTitle: string;
  trialStartsOn: string | null;
  trialEndsOn: string | null;
  seekerAssessment: string | null;
  employerAssessment: string | null;
  status: Application['status'];
}

/** GET /pipeline/board: one column per stage, the count and the first seekers. */
export interface BoardColumn {
  stage: string;
  count: number;
  seekers: { id: number; name: string; street: string; disabilityCategory: number; disabilityLevel: number; updatedAt: string }[];
}

/** GET /seekers/:id/timeline: stage changes, application changes and follow-ups, oldest first. */
export type TimelineEntry = { at: string; byUserId: number | null; reason: string | null; applicationId: number | null } & (
  | { kind: 'stage'; from: string | null; to: string; courseId: number | null; jobId: number | null }
  | { kind: 'application'; from: Application['status'] | null; to: Application['status']; jobId: number; jobTitle: string }
  | { kind: 'follow_up'; monthsAfterHire: number; outcome: FollowUp['outcome'] }
);

/** A post-hire check (GET /applications/:id/follow-ups). */
export interface FollowUp {
  id: number;
  applicationId: number;
  seekerId: number;
  monthsAfterHire: number;
  dueOn: string;
  outcome: 'still_employed' | 'left' | null;
  reason: string | null;
  recordedAt: string | null;
  recordedByUserId: number | null;
}

/** An account as staff see it (GET /users). */
export interface Account {
  id: number;
  username: string;
  role: 'seeker' | 'employer' | 'staff';
  displayName: string;
}

/** One audit-log entry (GET /audit-log): who read or changed sensitive data; never the values. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  fields: string[];
  detail: string | null;
}

/** An alliance member (社会助残联盟), as `GET /alliance-members/:id` returns it. */
export interface AllianceMember {
  id: number;
  name: string;
  kind: string;
  creditCode: string | null;
  street: string;
  address: string | null;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  headcount: number;
  disabledHeadcount: number;
  pledgedPositions: number;
  averageWage: number | null;
  commitmentLevel: 'committed' | 'employer' | 'leader';
  joinedOn: string;
  status: 'active' | 'archived';
}

/** `GET /jobs/:id/candidates`: a ranked seeker, anonymised (no name or contact) until they consent. */
export interface Candidate extends Explained {
  candidate: { seekerId: number; skills: string[]; completedCourses: string[]; needs: { code: string; strength: 'must' | 'prefer' }[] };
}

/** An application as the posting employer sees it: the seeker is identified only after they applied or accepted. */
export interface EmployerApplication extends Application {
  seekerIdentified: boolean;
  seekerAssessment: string | null;
  employerAssessment: string | null;
  seeker: {
    id: number;
    name?: string;
    phone?: string | null;
    email?: string | null;
    disabilityCategory?: number;
    disabilityLevel?: number;
    skills: string[];
    needs: { code: string; strength: 'must' | 'prefer' }[];
  };
}

/* ---------- Staff: the libraries (src/resources/{seekers,projects,courses,enrollments}) ---------- */

/** A seeker as staff see it (GET /seekers/:id): the certificate number unmasked (and audited). */
export interface StaffSeeker extends Seeker {
  gender: 'male' | 'female';
  birthYear: number;
  certificateMasked: boolean;
  status: 'active' | 'archived' | 'anonymised';
}

/** A course with what staff manage (GET /courses/:id). */
export interface CourseDetail extends Course {
  code: string;
  capacity: number;
  accommodations: string[];
  status: 'open' | 'archived';
}

/** An entrepreneurship project (创业项目库, GET /projects/:id). */
export interface Project {
  id: number;
  memberId: number | null;
  sponsorName: string;
  title: string;
  sector: string;
  description: string;
  street: string;
  workMode: string;
  skills: string[];
  supports: string[];
  accommodations: string[];
  fundingAmount: number | null;
  capacity: number;
  status: 'open' | 'closed' | 'archived';
}

/** A seeker's place on a course (GET /enrollments). */
export interface Enrollment {
  id: number;
  seekerId: number;
  courseId: number;
  status: 'enrolled' | 'completed' | 'dropped';
  enrolledOn: string;
  completedOn: string | null;
  result: string | null;
}
