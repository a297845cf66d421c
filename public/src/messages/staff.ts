/** Strings for the staff pages (merged into the one dictionary in ../i18n.ts). */
import type { EnglishOf, Messages } from './shape.js';

export const zh = {
  'nav.staff.today': '待办',
  'nav.staff.seekers': '求职者',
  'nav.staff.jobs': '岗位',
  'nav.staff.projects': '创业项目',
  'nav.staff.members': '助残联盟',
  'nav.staff.courses': '培训课程',
  'nav.staff.pipeline': '就业进度',
  'nav.staff.audit': '操作记录',
} satisfies Messages;

export const en: EnglishOf<typeof zh> = {
  'nav.staff.today': 'To do',
  'nav.staff.seekers': 'Job seekers',
  'nav.staff.jobs': 'Jobs',
  'nav.staff.projects': 'Business projects',
  'nav.staff.members': 'Alliance',
  'nav.staff.courses': 'Courses',
  'nav.staff.pipeline': 'Pipeline',
  'nav.staff.audit': 'Audit log',
};
