/**
 * Ask us to delete my details: a separate question page (GOV.UK pattern for a serious, one-way
 * action) saying what goes and what stays, then one button. Staff carry it out (they anonymise
 * the record); until then the profile says the request is pending.
 */
import { get, post } from '../api.js';
import { h, fill } from '../dom.js';
import { button, onSubmit } from '../forms.js';
import { t } from '../i18n.js';
import { setFlash, type PageContext } from '../layout.js';
import type { Seeker } from '../types.js';

export async function renderSeekerDelete(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const seeker = await get<Seeker>(`/seekers/${seekerId}`);
  if (seeker.deletionRequestedAt) {
    location.replace('/seeker/profile.html');
    return;
  }
  const title = t('deletion.title');
  ctx.setTitle(title);
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/seekers/${seekerId}/deletion-request`, class: 'form', id: 'deletion-form' },
    h('div', { class: 'button-group' }, button(t('deletion.confirm'), { variant: 'warning', id: 'deletion-button' }), h('a', { href: '/seeker/profile.html', class: 'action-link' }, t('deletion.cancel'))),
  );
  onSubmit(ctx, form, title, async () => {
    await post(`/seekers/${seekerId}/deletion-request`);
    setFlash('deletion.sent');
    location.assign('/seeker/profile.html');
  });
  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: '/seeker/profile.html', class: 'back-link' }, t('deletion.back'))),
    h('h1', { class: 'heading-l' }, title),
    h('p', null, t('deletion.what')),
    h('p', null, t('deletion.keep')),
    h('p', null, t('deletion.download'), ' ', h('a', { href: `/api/v1/seekers/${seekerId}/export`, download: 'abilitybridge-my-data.json', type: 'application/json' }, t('profile.downloadLink'))),
    h('div', { class: 'warning-text' }, h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'), h('strong', { class: 'warning-text__text' }, h('span', { class: 'visually-hidden' }, t('deletion.warningPrefix')), t('deletion.warning'))),
    form,
  );
}
