/** My consents, each explained in plain words; changing one takes effect at once. */
import { get, post } from '../api.js';
import { h, fill } from '../dom.js';
import { button, choices, onSubmit } from '../forms.js';
import { t } from '../i18n.js';
import { setFlash, type PageContext } from '../layout.js';
import type { Seeker } from '../types.js';

/** The version of the consent texts shown here (kept with every change in the consent history). */
export const CONSENT_TEXT_VERSION = '2026-01';

export async function renderSeekerConsents(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const seeker = await get<Seeker>(`/seekers/${seekerId}`);
  const title = t('consents.title');
  ctx.setTitle(title);
  const c = seeker.consents;
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/seekers/${seekerId}/consents`, class: 'form', id: 'consents-form' },
    choices({
      path: 'consents',
      legend: t('consents.legend'),
      legendClass: 'fieldset__legend--m',
      hint: t('consents.hint'),
      type: 'checkbox',
      options: [
        { value: 'sensitiveData', label: t('consent.sensitiveData'), hint: t('consents.sensitiveDataExplain'), checked: c.sensitiveData },
        { value: 'matchAlerts', label: t('consent.matchAlerts'), hint: t('consents.matchAlertsExplain'), checked: c.matchAlerts },
        { value: 'shareWithEmployers', label: t('consent.shareWithEmployers'), hint: t('consents.shareExplain'), checked: c.shareWithEmployers },
      ],
    }),
    h('p', { class: 'hint' }, t('consents.version', CONSENT_TEXT_VERSION)),
    h('div', { class: 'button-group' }, button(t('consents.save'), { id: 'save-consents' }), h('a', { href: '/seeker/profile.html', class: 'action-link' }, t('common.cancel'))),
  );
  onSubmit(ctx, form, title, async () => {
    const checked = (v: string) => !!form.querySelector<HTMLInputElement>(`input[value="${v}"]:checked`);
    await post(`/seekers/${seekerId}/consents`, {
      sensitiveData: checked('sensitiveData'),
      matchAlerts: checked('matchAlerts'),
      shareWithEmployers: checked('shareWithEmployers'),
      textVersion: CONSENT_TEXT_VERSION,
    });
    setFlash('consents.saved');
    location.assign('/seeker/profile.html');
  }, { mapPath: () => () => 'consents' });
  fill(ctx.page, 
    h('p', { class: 'back' }, h('a', { href: '/seeker/profile.html', class: 'back-link' }, t('profileEdit.back'))),
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('consents.lead')),
    form,
  );
}
