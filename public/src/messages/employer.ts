/** Strings for the employer pages (merged into the one dictionary in ../i18n.ts). */
import type { EnglishOf, Messages } from './shape.js';

export const zh = {
  'nav.employer.member': '我的单位',
  'nav.employer.jobs': '我的岗位',
  'nav.employer.applications': '收到的申请',
  'nav.quota': '按比例就业',
} satisfies Messages;

export const en: EnglishOf<typeof zh> = {
  'nav.employer.member': 'My organisation',
  'nav.employer.jobs': 'My jobs',
  'nav.employer.applications': 'Applications',
  'nav.quota': 'Employment quota',
};
