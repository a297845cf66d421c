/** The staff pages (the three libraries, the alliance, courses, the pipeline, the audit log) and their navigation. */
import type { NavItem, PageDef } from '../../layout.js';

export const STAFF_NAV: NavItem[] = [
  { href: '/staff/index.html', key: 'nav.staff.today' },
  { href: '/staff/seekers.html', key: 'nav.staff.seekers' },
  { href: '/staff/jobs.html', key: 'nav.staff.jobs' },
  { href: '/staff/projects.html', key: 'nav.staff.projects' },
  { href: '/staff/members.html', key: 'nav.staff.members' },
  { href: '/staff/courses.html', key: 'nav.staff.courses' },
  { href: '/staff/pipeline.html', key: 'nav.staff.pipeline' },
  { href: '/staff/stats.html', key: 'nav.staff.stats' },
  { href: '/quota.html', key: 'nav.quota' },
  { href: '/staff/audit.html', key: 'nav.staff.audit' },
];

export const STAFF_PAGES: Record<string, PageDef> = {};
