/** My profile: what the service knows about me, with links to change it, my consents, and "download my data". */
import { api, get } from '../api.js';
import { h, mixed, fill } from '../dom.js';
import { t, tKey, type Key } from '../i18n.js';
import * as L from '../labels.js';
import { showBanner, successBanner, takeFlash, type PageContext } from '../layout.js';
import type { Course, Page, Seeker } from '../types.js';

function row(key: string, value: Node | string, change?: { href: string; what: string }): HTMLElement {
  return h(
    'div',
    { class: 'summary-list__row' },
    h('dt', { class: 'summary-list__key' }, key),
    h('dd', { class: 'summary-list__value' }, value),
    change
      ? h('dd', { class: 'summary-list__actions' }, h('a', { href: change.href }, t('profile.change'), h('span', { class: 'visually-hidden' }, ` ${change.what}`)))
      : h('dd', { class: 'summary-list__actions' }),
  );
}

const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

export async function renderSeekerProfile(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const [seeker, courses] = await Promise.all([get<Seeker>(`/seekers/${seekerId}`), api<Page<Course>>('GET', '/courses?limit=100').then((p) => p.data)]);
  const title = t('profile.title');
  ctx.setTitle(title);
  const flash = takeFlash();
  const edit = '/seeker/profile-edit.html';
  const m = (s: string) => mixed(s, ctx.lang);
  const courseTitle = (id: number) => {
    const c = courses.find((x) => x.id === id);
    return c ? (ctx.lang === 'en' ? c.titleEn : c.titleZh) : `#${id}`;
  };

  const musts = seeker.needs.filter((n) => n.strength === 'must');
  const prefers = seeker.needs.filter((n) => n.strength === 'prefer');
  const consentRow = (key: Key, on: boolean) => row(t(key), yesNo(on), { href: '/seeker/consents.html', what: t(key) });

  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', null, h('a', { href: edit, class: 'button button--secondary button--link', id: 'edit-profile' }, t('profile.edit'))),

    h('h2', { class: 'heading-m' }, t('profile.about')),
    h(
      'dl',
      { class: 'summary-list' },
      row(t('field.name'), m(seeker.name), { href: edit, what: t('field.name') }),
      row(t('profile.disability'), `${L.category(seeker.disabilityCategory)} · ${L.level(seeker.disabilityLevel)}`),
      row(t('profile.certificate'), h('span', { lang: 'en', class: 'nowrap-id' }, seeker.certificateNumber)),
      row(t('field.phone'), seeker.phone ?? t('common.notGiven'), { href: edit, what: t('field.phone') }),
      row(t('field.email'), seeker.email ?? t('common.notGiven'), { href: edit, what: t('field.email') }),
      row(t('field.street'), `${L.street(seeker.street)}${seeker.community ? ` ${seeker.community}` : ''}`, { href: edit, what: t('field.street') }),
      row(t('field.education'), L.education(seeker.education), { href: edit, what: t('field.education') }),
      row(t('field.about'), seeker.about ? m(seeker.about) : t('common.notGiven'), { href: edit, what: t('field.about') }),
    ),
    h('p', { class: 'hint' }, t('profile.verifiedByStaff')),

    h('h2', { class: 'heading-m' }, t('profile.skills')),
    seeker.skills.length
      ? h('ul', { class: 'list list--bullet', id: 'skills-list' }, seeker.skills.map((s) => h('li', null, m(s.skill), ` — ${t(`skillLevel.${s.level}`)}`)))
      : h('p', null, t('profile.noSkills')),

    h('h2', { class: 'heading-m' }, t('profile.needs')),
    h('p', { class: 'hint' }, t('needs.explain')),
    h(
      'dl',
      { class: 'summary-list' },
      row(t('needs.mustTitle'), musts.length ? musts.map((n) => L.accommodation(n.code)).join(t('common.listSep')) : t('common.none'), { href: `${edit}#needs`, what: t('needs.mustTitle') }),
      row(t('needs.preferTitle'), prefers.length ? prefers.map((n) => L.accommodation(n.code)).join(t('common.listSep')) : t('common.none'), { href: `${edit}#needs`, what: t('needs.preferTitle') }),
    ),

    h('h2', { class: 'heading-m' }, t('profile.preferences')),
    h(
      'dl',
      { class: 'summary-list' },
      row(t('field.workModes'), seeker.workModes.map(L.workMode).join(t('common.listSep')), { href: edit, what: t('field.workModes') }),
      row(t('field.preferredHours'), seeker.preferredHours.length ? seeker.preferredHours.map(L.hours).join(t('common.listSep')) : t('common.noPreference'), { href: edit, what: t('field.preferredHours') }),
      row(t('field.salaryExpectation'), seeker.salaryExpectation === null ? t('common.noPreference') : t('profile.salaryValue', L.money(seeker.salaryExpectation)), { href: edit, what: t('field.salaryExpectation') }),
    ),

    h('h2', { class: 'heading-m' }, t('profile.training')),
    seeker.enrollments.length
      ? h(
          'ul',
          { class: 'list list--bullet' },
          seeker.enrollments.map((e) => h('li', null, h('span', { lang: ctx.lang }, courseTitle(e.courseId)), ` — ${t(`enrollment.${e.status}`)}`, e.completedOn ? ` (${L.date(e.completedOn)})` : '')),
        )
      : h('p', null, t('profile.noTraining')),

    h('h2', { class: 'heading-m' }, t('profile.consents')),
    h('dl', { class: 'summary-list' }, consentRow('consent.sensitiveData', seeker.consents.sensitiveData), consentRow('consent.matchAlerts', seeker.consents.matchAlerts), consentRow('consent.shareWithEmployers', seeker.consents.shareWithEmployers)),

    h('h2', { class: 'heading-m', id: 'download-title' }, t('profile.downloadTitle')),
    h('p', null, t('profile.downloadText')),
    h('p', null, h('a', { href: `/api/v1/seekers/${seekerId}/export`, download: 'abilitybridge-my-data.json', id: 'download-data', type: 'application/json' }, t('profile.downloadLink'))),

    h('h2', { class: 'heading-m', id: 'delete-title' }, t('profile.deleteTitle')),
    seeker.deletionRequestedAt
      ? h('p', { id: 'deletion-pending' }, t('profile.deleteRequested', L.date(seeker.deletionRequestedAt)))
      : [h('p', null, t('profile.deleteText')), h('p', null, h('a', { href: '/seeker/delete.html', id: 'delete-link' }, t('profile.deleteLink')))],
  );
  if (flash) showBanner(ctx, successBanner(tKey(flash.key)));
}
