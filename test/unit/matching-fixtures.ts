/**
 * Factories for matcher tests: plain data, readable defaults, override what the story needs.
 */
import type { CatalogueCourse, EntrepreneurshipProject, JobPosting, SeekerProfile } from '../../matching/types.js';

export function buildSeeker(overrides: Partial<SeekerProfile> & { id: number }): SeekerProfile {
  return {
    street: 'pingshan',
    skills: [],
    about: '',
    needs: [],
    workModes: ['onsite', 'hybrid', 'remote'],
    hours: [],
    salaryExpectation: null,
    completedCourseIds: [],
    inProgressCourseIds: [],
    shareWithEmployers: true,
    ...overrides,
  };
}

export function buildJob(overrides: Partial<JobPosting> & { id: number }): JobPosting {
  return {
    memberId: 1,
    title: '岗位',
    description: '',
    street: 'pingshan',
    workMode: 'onsite',
    hours: 'full_time',
    salaryMin: 3000,
    salaryMax: 5000,
    openings: 1,
    status: 'open',
    requiredSkills: [],
    preferredSkills: [],
    requiredCourseIds: [],
    accommodations: [],
    ...overrides,
  };
}

export function buildProject(overrides: Partial<EntrepreneurshipProject> & { id: number }): EntrepreneurshipProject {
  return {
    title: '项目',
    sector: '',
    description: '',
    street: 'pingshan',
    workMode: 'onsite',
    skills: [],
    supports: [],
    accommodations: [],
    capacity: 1,
    status: 'open',
    ...overrides,
  };
}

/** A small training catalogue like the district's. */
export const COURSES: readonly CatalogueCourse[] = [
  { id: 1, titleZh: '盲人保健按摩师资格培训', titleEn: 'Certified massage therapy for blind practitioners', skills: ['盲人按摩', '推拿'] },
  { id: 2, titleZh: '数据标注实务', titleEn: 'Data annotation in practice', skills: ['数据标注'] },
  { id: 3, titleZh: '电商客服初级', titleEn: 'E-commerce customer service, basic', skills: ['电商客服', '客服'] },
  { id: 4, titleZh: '平面设计入门', titleEn: 'Graphic design basics', skills: ['平面设计', 'Photoshop'] },
  { id: 5, titleZh: '办公软件应用', titleEn: 'Office software', skills: ['办公软件', '数据录入'] },
  { id: 6, titleZh: '烘焙技能培训', titleEn: 'Baking', skills: ['烘焙'] },
];
