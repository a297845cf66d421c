/** The staff pages (the three libraries, the alliance, courses, the pipeline, the audit log) and their navigation. */
import type { NavItem, PageDef } from '../../layout.js';
import { renderStaffApplication } from './application.js';
import { LIBRARY_PAGES } from './library/index.js';
import { renderStaffAudit } from './audit.js';
import { renderStaffPipeline } from './pipeline.js';
import { renderStaffTimeline } from './timeline.js';
import { renderStaffToday } from './today.js';

export const STAFF_NAV: NavItem[] = [
  { href: '/staff/index.html', key: 'nav.staff.today' },
  { href: '/staff/seekers.html', key: 'nav.staff.seekers', within: ['/staff/seeker.html', '/staff/seeker-edit.html'] },
  { href: '/staff/jobs.html', key: 'nav.staff.jobs', within: ['/staff/job.html', '/staff/job-edit.html'] },
  { href: '/staff/projects.html', key: 'nav.staff.projects', within: ['/staff/project.html', '/staff/project-edit.html'] },
  { href: '/staff/members.html', key: 'nav.staff.members', within: ['/staff/member.html', '/staff/member-edit.html'] },
  { href: '/staff/courses.html', key: 'nav.staff.courses', within: ['/staff/course.html', '/staff/course-edit.html'] },
  { href: '/staff/pipeline.html', key: 'nav.staff.pipeline', within: ['/staff/timeline.html', '/staff/application.html'] },
  { href: '/staff/stats.html', key: 'nav.staff.stats' },
  { href: '/quota.html', key: 'nav.quota' },
  { href: '/staff/audit.html', key: 'nav.staff.audit' },
];

export const STAFF_PAGES: Record<string, PageDef> = {
  ...LIBRARY_PAGES,
  'staff-today': { role: 'staff', render: (ctx) => renderStaffToday(ctx) },
  'staff-pipeline': { role: 'staff', render: renderStaffPipeline },
  'staff-timeline': { role: 'staff', render: (ctx) => renderStaffTimeline(ctx) },
  'staff-application': { role: 'staff', render: (ctx) => renderStaffApplication(ctx) },
  'staff-audit': { role: 'staff', render: renderStaffAudit },
};
