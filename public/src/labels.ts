/**
 * Names of the shared codes (streets, accommodations, work modes, …) in the page's language,
 * straight from the vocabulary the matcher and the API use (matching/vocabulary.ts, pure data).
 */
import {
  ACCOMMODATIONS,
  DISABILITY_CATEGORIES,
  DISABILITY_LEVELS,
  EDUCATION_LEVELS,
  HOURS,
  MEMBER_KINDS,
  PIPELINE_STAGES,
  PROJECT_SUPPORTS,
  STREETS,
  WORK_MODES,
  type Bilingual,
} from '../../matching/vocabulary.js';
import type { Lang } from './prefs.js';

let lang: Lang = 'zh-CN';
export function setLabelLang(l: Lang): void {
  lang = l;
}

export const pick = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
const from = (table: Record<string, Bilingual>) => (code: string | number | null | undefined) =>
  code === null || code === undefined ? '' : table[String(code)] ? pick(table[String(code)]!) : String(code);

export const accommodation = from(ACCOMMODATIONS);
export const street = from(STREETS);
export const workMode = from(WORK_MODES);
export const hours = from(HOURS);
export const education = from(EDUCATION_LEVELS);
export const stage = from(PIPELINE_STAGES);
export const support = from(PROJECT_SUPPORTS);
export const category = from(DISABILITY_CATEGORIES);
export const level = from(DISABILITY_LEVELS);
export const memberKind = from(MEMBER_KINDS);

export const ACCOMMODATION_LIST = Object.keys(ACCOMMODATIONS) as (keyof typeof ACCOMMODATIONS)[];
export const STREET_LIST = Object.keys(STREETS);
export const WORK_MODE_LIST = Object.keys(WORK_MODES);
export const HOURS_LIST = Object.keys(HOURS);
export const EDUCATION_LIST = Object.keys(EDUCATION_LEVELS);
export const MEMBER_KIND_LIST = Object.keys(MEMBER_KINDS);

/** Needs like step-free access that a remote job makes moot. */
export const workplaceOnly = (code: string) => (ACCOMMODATIONS as Record<string, { workplaceOnly: boolean }>)[code]?.workplaceOnly ?? false;

export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(d);
}

/** A moment with its time of day, in Shenzhen time (audit entries, events). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

export function money(n: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN').format(n);
}
