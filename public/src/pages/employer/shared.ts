/** Pieces the employer pages share: the id in the address, numbers as typed, status words, lists of skills. */
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import type { Application, Job } from '../../types.js';

export { idParam } from '../seeker-job.js';
export { fact, salaryText } from '../seeker-matches.js';

/** A number field's value: empty → null, whole digits → a number, anything else as typed so the API names the field and the problem. */
export function numberOrRaw(raw: string): number | string | null {
  const v = raw.trim();
  if (v === '') return null;
  return /^\d{1,12}$/.test(v) ? Number(v) : v;
}

/** Skills typed into one box, separated by commas (either width), 、 or semicolons. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A job's status in words (never by colour alone). */
export function jobStatusTag(status: Job['status']): HTMLElement {
  return h('strong', { class: `tag tag--job-${status}` }, t(`jobStatus.${status}`));
}

/** An application's status from the employer's side. */
export function applicationStatusTag(status: Application['status']): HTMLElement {
  return h('strong', { class: `tag tag--${status}` }, t(`empStatus.${status}`));
}

/** "text (note)" with the page language's brackets. */
export function bracket(text: string, note: string, lang: string): string {
  return lang === 'en' ? `${text} (${note})` : `${text}（${note}）`;
}
