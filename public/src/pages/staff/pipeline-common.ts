/**
 * Pieces the staff pipeline pages share: reading ids from the address, facts lists, who did
 * something, status tags, and the follow-up outcome form (on the to-do page and the application).
 */
import { get, post } from '../../api.js';
import { h, hidden, mixed, type Child } from '../../dom.js';
import { button, choices, onSubmit, textarea, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import type { PageContext } from '../../layout.js';
import type { Account, Application, FollowUp } from '../../types.js';

/** A positive whole number from the address (`?id=12`), or null. */
export function intParam(name: string): number | null {
  const raw = new URLSearchParams(location.search).get(name);
  return raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** One row of a `dl.facts` list. */
export function fact(key: Child, value: Child): HTMLElement {
  return h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, key), h('dd', { class: 'facts__value' }, value));
}

/** Account names by id, for "who did it" (staff may list accounts). */
export async function accountNames(): Promise<Map<number, string>> {
  const accounts = await get<Account[]>('/users');
  return new Map(accounts.map((a) => [a.id, a.displayName]));
}

export function who(names: Map<number, string>, userId: number | null, lang: PageContext['lang']): Child {
  if (userId === null) return t('pipeline.system');
  const name = names.get(userId);
  return name ? mixed(name, lang) : t('pipeline.userN', String(userId));
}

/** Hidden words that tell apart same-named links and buttons ("open the application for 郭娜"). */
export function forName(name: string, lang: PageContext['lang']): HTMLElement {
  return hidden(mixed(t('pipeline.forName', name), lang));
}

export const seekerHref = (seekerId: number) => `/staff/timeline.html?seekerId=${seekerId}`;
export const applicationHref = (applicationId: number) => `/staff/application.html?id=${applicationId}`;

/** An application status in words (never colour alone: the tag's text is the status). */
export function statusTag(status: Application['status']): HTMLElement {
  return h('strong', { class: `tag tag--${status}` }, t(`pipeline.status.${status}`));
}

/** The stage names in the page's language, with the old stage when there was one. */
export function stageChange(from: string | null, to: string, fromTo: (s: string) => string): string {
  return from ? `${fromTo(from)} → ${fromTo(to)}` : fromTo(to);
}

/**
 * Record a follow-up's outcome: still in the job (only once due; the API says 409 before that) or
 * left (a reason is needed). Field ids carry the follow-up's id, as several forms share a page.
 */
export function followUpForm(
  ctx: PageContext,
  pageTitle: string,
  f: Pick<FollowUp, 'id' | 'monthsAfterHire'>,
  seekerName: string,
  onRecorded: () => Promise<void>,
): HTMLFormElement {
  const prefix = `followUp${f.id}`;
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/follow-ups/${f.id}/outcome`, class: 'form follow-up-form', id: `${prefix}-form` },
    choices({
      path: `${prefix}.outcome`,
      legend: [t('pipeline.followUp.outcomeLegend'), forName(seekerName, ctx.lang)],
      legendClass: 'fieldset__legend--s',
      type: 'radio',
      small: true,
      options: [
        { value: 'still_employed', label: t('pipeline.followUp.still_employed'), hint: t('pipeline.followUp.stillHint'), checked: false },
        { value: 'left', label: t('pipeline.followUp.left'), hint: t('pipeline.followUp.leftHint'), checked: false },
      ],
    }),
    textarea({ path: `${prefix}.reason`, label: t('pipeline.followUp.reason'), hint: t('pipeline.followUp.reasonHint'), rows: 2 }),
    button([t('pipeline.followUp.save'), forName(seekerName, ctx.lang)], { variant: 'secondary', id: `${prefix}-save` }),
  );
  onSubmit(
    ctx,
    form,
    pageTitle,
    async () => {
      const reason = value(form, `${prefix}.reason`).trim();
      // An unanswered question is sent as it is, so the API names the missing field.
      await post(`/follow-ups/${f.id}/outcome`, { outcome: value(form, `${prefix}.outcome`) || undefined, ...(reason ? { reason } : {}) });
      await onRecorded();
    },
    { mapPath: () => (path) => `${prefix}.${path}`, fallbackField: `${prefix}.outcome` },
  );
  return form;
}

/** "Due on …" with overdue / due today / not yet said in words. */
export function dueLine(dueOn: string, today: string): HTMLElement {
  const state = dueOn < today ? 'overdue' : dueOn === today ? 'dueToday' : 'notDue';
  return h(
    'p',
    { class: 'follow-up__due' },
    t('pipeline.followUp.due', L.date(dueOn)),
    ' ',
    h('strong', { class: `tag ${state === 'overdue' ? 'tag--invited' : state === 'dueToday' ? 'tag--new' : 'tag--read'}` }, t(`pipeline.followUp.${state}`)),
  );
}
