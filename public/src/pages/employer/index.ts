/** The employer's pages (alliance members posting and filling jobs) and their navigation. */
import type { NavItem, PageDef } from '../../layout.js';
import { renderEmployerApplication } from './application.js';
import { renderEmployerApplications } from './applications.js';
import { renderEmployerJob } from './job.js';
import { renderEmployerJobEdit } from './job-edit.js';
import { renderEmployerJobs } from './jobs.js';
import { renderEmployerMember } from './member.js';
import { renderEmployerMemberEdit } from './member-edit.js';

export const EMPLOYER_NAV: NavItem[] = [
  { href: '/employer/index.html', key: 'nav.employer.member', within: ['/employer/member-edit.html'] },
  { href: '/employer/jobs.html', key: 'nav.employer.jobs', within: ['/employer/job.html', '/employer/job-edit.html'] },
  { href: '/employer/applications.html', key: 'nav.employer.applications', within: ['/employer/application.html'] },
  { href: '/quota.html', key: 'nav.quota' },
];

export const EMPLOYER_PAGES: Record<string, PageDef> = {
  'employer-member': { role: 'employer', render: renderEmployerMember },
  'employer-member-edit': { role: 'employer', render: renderEmployerMemberEdit },
  'employer-jobs': { role: 'employer', render: renderEmployerJobs },
  'employer-job-edit': { role: 'employer', render: renderEmployerJobEdit },
  'employer-job': { role: 'employer', render: (ctx) => renderEmployerJob(ctx) },
  'employer-applications': { role: 'employer', render: renderEmployerApplications },
  'employer-application': { role: 'employer', render: (ctx) => renderEmployerApplication(ctx) },
};
