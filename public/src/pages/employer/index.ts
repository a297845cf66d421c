/** The employer's pages (alliance members posting and filling jobs) and their navigation. */
import type { NavItem, PageDef } from '../../layout.js';

export const EMPLOYER_NAV: NavItem[] = [
  { href: '/employer/index.html', key: 'nav.employer.member' },
  { href: '/employer/jobs.html', key: 'nav.employer.jobs' },
  { href: '/employer/applications.html', key: 'nav.employer.applications' },
  { href: '/quota.html', key: 'nav.quota' },
];

export const EMPLOYER_PAGES: Record<string, PageDef> = {};
