/** Withdraw an application: a confirmation page with an optional reason (GOV.UK: a separate question page). */
import { ApiError, get, post } from '../api.js';
import { h, mixed, fill } from '../dom.js';
import { button, onSubmit, textarea, value } from '../forms.js';
import { t } from '../i18n.js';
import { setFlash, type PageContext } from '../layout.js';
import type { Application } from '../types.js';
import { idParam } from './seeker-job.js';

export async function renderSeekerWithdraw(ctx: PageContext): Promise<void> {
  const id = idParam();
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const application = await get<Application>(`/applications/${id}`);
  const title = t('withdraw.title');
  ctx.setTitle(title);
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/applications/${id}/withdraw`, class: 'form', id: 'withdraw-form' },
    textarea({ path: 'reason', label: t('withdraw.reasonLabel'), hint: t('withdraw.reasonHint'), rows: 3 }),
    h('div', { class: 'button-group' }, button(t('withdraw.confirm'), { variant: 'warning', id: 'withdraw-button' }), h('a', { href: '/seeker/applications.html', class: 'action-link' }, t('withdraw.cancel'))),
  );
  onSubmit(ctx, form, title, async () => {
    const reason = value(form, 'reason').trim();
    await post(`/applications/${id}/withdraw`, reason ? { reason } : {});
    setFlash('applications.withdrawn', application.job.title);
    location.assign('/seeker/applications.html');
  });
  fill(ctx.page, 
    h('p', { class: 'back' }, h('a', { href: '/seeker/applications.html', class: 'back-link' }, t('withdraw.back'))),
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('withdraw.job'), ' ', h('strong', null, mixed(application.job.title, ctx.lang))),
    h('div', { class: 'warning-text' }, h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'), h('strong', { class: 'warning-text__text' }, h('span', { class: 'visually-hidden' }, t('withdraw.warningPrefix')), t('withdraw.warning'))),
    form,
  );
}
