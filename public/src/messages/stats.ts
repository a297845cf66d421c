/** Strings for the statistics, public summary and quota pages (merged into the one dictionary in ../i18n.ts). */
import type { EnglishOf, Messages } from './shape.js';

export const zh = {
  'nav.staff.stats': '数据统计',
} satisfies Messages;

export const en: EnglishOf<typeof zh> = {
  'nav.staff.stats': 'Statistics',
};
