/** Applications to my jobs (and my invitations, and staff referrals): filter by status and job; open one to answer it. */
import { api } from '../../api.js';
import { h, hidden, mixed, fill } from '../../dom.js';
import { button, select } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import type { PageContext } from '../../layout.js';
import type { EmployerApplication, Job, Page } from '../../types.js';
import { applicationStatusTag, fact } from './shared.js';

const STATUSES = ['invited', 'applied', 'interviewing', 'trial', 'hired', 'rejected', 'withdrawn', 'declined'] as const;

/** The seeker's name once they applied or accepted; "anonymous candidate" before. */
export function seekerName(a: EmployerApplication): string {
  return a.seekerIdentified && a.seeker.name ? a.seeker.name : t('employer.apps.anonymous');
}

export async function renderEmployerApplications(ctx: PageContext): Promise<void> {
  const memberId = ctx.user!.memberId!;
  const title = t('employer.apps.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : '';
  const jobId = /^\d{1,9}$/.test(params.get('jobId') ?? '') ? params.get('jobId')! : '';
  const query = new URLSearchParams({ limit: '100' });
  if (status) query.set('status', status);
  if (jobId) query.set('jobId', jobId);
  const [apps, jobs] = await Promise.all([
    api<Page<EmployerApplication>>('GET', `/applications?${query.toString()}`),
    api<Page<Job>>('GET', `/jobs?memberId=${memberId}&limit=100`),
  ]);

  const filters = h(
    'form',
    { method: 'get', action: '/employer/applications.html', class: 'filters', 'aria-labelledby': 'filters-title' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('employer.apps.filterTitle')),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'status', label: t('employer.apps.filterStatus'), value: status, options: [{ value: '', label: t('common.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`empStatus.${s}`) }))] }),
      select({ path: 'jobId', label: t('employer.apps.filterJob'), value: jobId, options: [{ value: '', label: t('common.any') }, ...jobs.data.map((j) => ({ value: String(j.id), label: j.title }))] }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    button(t('employer.apps.filterApply'), { variant: 'secondary', id: 'apply-filters' }),
  );

  const card = (a: EmployerApplication) => {
    const who = seekerName(a);
    return h(
      'li',
      { class: 'card', id: `application-${a.id}` },
      h('h2', { class: 'heading-m card__title' }, h('a', { href: `/employer/application.html?id=${a.id}`, class: 'card__link' }, mixed(who, ctx.lang))),
      h('p', null, applicationStatusTag(a.status)),
      h(
        'dl',
        { class: 'facts' },
        fact(t('employer.apps.for'), mixed(a.job.title, ctx.lang)),
        fact(t('employer.app.origin'), t(`empOrigin.${a.origin}`)),
        fact(t('employer.apps.received'), L.date(a.createdAt)),
        a.trialStartsOn ? fact(t('employer.app.trial'), t('course.dates', L.date(a.trialStartsOn), L.date(a.trialEndsOn))) : null,
      ),
      h('p', null, h('a', { href: `/employer/application.html?id=${a.id}`, class: 'action-link' }, t('employer.apps.open'), hidden(t('employer.apps.openFor', `${who}${t('common.listSep')}${a.job.title}`)))),
    );
  };

  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('employer.apps.lead')),
    filters,
    h('p', { class: 'result-count', id: 'result-count' }, t('employer.apps.count', apps.page.total)),
    apps.data.length
      ? h('ol', { class: 'cards', id: 'application-list' }, apps.data.map(card))
      : h('div', { class: 'inset', id: 'no-applications' }, h('p', null, status || jobId ? t('employer.apps.emptyFiltered') : t('employer.apps.empty'))),
  );
}
