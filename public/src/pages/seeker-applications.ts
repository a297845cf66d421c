/** My applications and invitations: status and history, accept / decline an invitation, withdraw. */
import { ApiError, get, post } from '../api.js';
import { focusElement, h, hidden, mixed, fill } from '../dom.js';
import { t, tKey } from '../i18n.js';
import * as L from '../labels.js';
import { showBanner, successBanner, takeFlash, type PageContext } from '../layout.js';
import type { Application, Page, Seeker } from '../types.js';
import { api } from '../api.js';

const WITHDRAWABLE = new Set(['applied', 'interviewing', 'trial']);

export async function renderSeekerApplications(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const title = t('applications.title');
  ctx.setTitle(title);
  const seekerId = ctx.user!.seekerId!;
  const [list, seeker] = await Promise.all([api<Page<Application>>('GET', '/applications?limit=100'), get<Seeker>(`/seekers/${seekerId}`)]);
  const flash = takeFlash();
  const invitations = list.data.filter((a) => a.status === 'invited');
  const others = list.data.filter((a) => a.status !== 'invited');

  const card = (a: Application) => {
    const id = `application-${a.id}`;
    const jobTitle = mixed(a.job.title, ctx.lang);
    const actions: HTMLElement[] = [];
    if (a.status === 'invited') {
      const answer = (accept: boolean) => async () => {
        try {
          await post(`/applications/${a.id}/${accept ? 'accept' : 'decline'}`);
          await renderSeekerApplications(ctx, successBanner(t(accept ? 'applications.accepted' : 'applications.declined', a.job.title)));
        } catch (e) {
          const problem = h('p', { class: 'error-message', role: 'alert', id: `${id}-problem` }, hidden(t('error.inlinePrefix')), e instanceof ApiError ? e.message : t('problem.generic'));
          document.getElementById(`${id}-problem`)?.remove();
          actionsBox.prepend(problem);
          focusElement(problem);
        }
      };
      actions.push(
        h('button', { type: 'button', class: 'button button--primary', 'data-action': 'accept', onclick: () => void answer(true)() }, t('applications.accept'), hidden(t('applications.forJob', a.job.title))),
        h('button', { type: 'button', class: 'button button--secondary', 'data-action': 'decline', onclick: () => void answer(false)() }, t('applications.decline'), hidden(t('applications.forJob', a.job.title))),
      );
    }
    if (WITHDRAWABLE.has(a.status)) {
      actions.push(h('a', { href: `/seeker/withdraw.html?id=${a.id}`, class: 'action-link' }, t('applications.withdraw'), hidden(t('applications.forJob', a.job.title))));
    }
    const actionsBox = h('div', { class: 'button-group' }, actions);
    return h(
      'li',
      { class: 'card', id },
      h('h3', { class: 'heading-m card__title' }, h('a', { href: `/seeker/job.html?id=${a.jobId}`, class: 'card__link' }, jobTitle)),
      h('p', null, h('strong', { class: `tag tag--${a.status}` }, t(`status.${a.status}`))),
      h('p', { class: 'hint' }, t(`statusHelp.${a.status}`)),
      h(
        'dl',
        { class: 'facts' },
        h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, t('applications.origin')), h('dd', { class: 'facts__value' }, t(`origin.${a.origin}`))),
        h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, t('applications.since')), h('dd', { class: 'facts__value' }, L.date(a.createdAt))),
        a.trialStartsOn ? h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, t('applications.trial')), h('dd', { class: 'facts__value' }, t('course.dates', L.date(a.trialStartsOn), L.date(a.trialEndsOn)))) : null,
        a.message ? h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, t('applications.message')), h('dd', { class: 'facts__value' }, mixed(a.message, ctx.lang))) : null,
      ),
      a.history.length > 1
        ? h(
            'details',
            { class: 'details' },
            h('summary', { class: 'details__summary' }, h('span', { class: 'details__summary-text' }, t('applications.history'))),
            h(
              'ol',
              { class: 'details__text list timeline' },
              a.history.map((e) => h('li', null, h('span', { class: 'timeline__date' }, L.date(e.at)), t('common.colon'), t(`status.${e.to as Application['status']}`), e.reason ? ` — ${e.reason}` : '')),
            ),
          )
        : null,
      actions.length ? actionsBox : null,
    );
  };

  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('div', { class: 'inset' }, h('p', null, t('applications.stage'), ' ', h('strong', null, L.stage(seeker.stage))), h('p', { class: 'hint' }, t('applications.stageHelp'))),
    h('h2', { class: 'heading-m', id: 'invitations-title' }, t('applications.invitations')),
    invitations.length ? h('ol', { class: 'cards', 'aria-labelledby': 'invitations-title' }, invitations.map(card)) : h('p', { id: 'no-invitations' }, t('applications.noInvitations')),
    h('h2', { class: 'heading-m', id: 'applied-title' }, t('applications.applied')),
    others.length
      ? h('ol', { class: 'cards', 'aria-labelledby': 'applied-title' }, others.map(card))
      : h('p', { id: 'no-applications' }, t('applications.none'), ' ', h('a', { href: '/seeker/matches.html' }, t('applications.findJobs'))),
  );
  const shown = banner ?? (flash ? successBanner(tKey(flash.key, flash.detail ?? '')) : null);
  if (shown) showBanner(ctx, shown);
}
