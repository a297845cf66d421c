/** My jobs: the member's postings with status and places, filtered by status and title; post a new one. */
import { api } from '../../api.js';
import { h, hidden, mixed, fill } from '../../dom.js';
import { button, select, textInput } from '../../forms.js';
import { t, tKey } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, takeFlash, type PageContext } from '../../layout.js';
import type { Job, Page } from '../../types.js';
import { fact, jobStatusTag } from './shared.js';

const STATUSES = ['open', 'closed'] as const;

export async function renderEmployerJobs(ctx: PageContext): Promise<void> {
  const memberId = ctx.user!.memberId!;
  const title = t('employer.jobs.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status')! : '';
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  const query = new URLSearchParams({ memberId: String(memberId), limit: '100' });
  query.set('status', status || 'open,closed');
  if (q) query.set('q', q);
  const jobs = await api<Page<Job>>('GET', `/jobs?${query.toString()}`);

  // A plain GET form: the filter is in the address, so Back and reload keep it.
  const filters = h(
    'form',
    { method: 'get', action: '/employer/jobs.html', class: 'filters', 'aria-labelledby': 'filters-title' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('employer.jobs.filterTitle')),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'status', label: t('employer.jobs.filterStatus'), value: status, options: [{ value: '', label: t('common.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`jobStatus.${s}`) }))] }),
      textInput({ path: 'q', label: t('employer.jobs.filterQ'), value: q, width: 'medium' }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    button(t('employer.jobs.filterApply'), { variant: 'secondary', id: 'apply-filters' }),
  );

  const card = (job: Job) =>
    h(
      'li',
      { class: 'card', id: `job-${job.id}` },
      h('h2', { class: 'heading-m card__title' }, h('a', { href: `/employer/job.html?id=${job.id}`, class: 'card__link' }, mixed(job.title, ctx.lang))),
      h('p', null, jobStatusTag(job.status), ' ', h('span', { class: 'hint' }, job.verified ? t('employer.job.verified') : t('employer.job.notVerified'))),
      h(
        'dl',
        { class: 'facts' },
        fact(t('job.openings'), String(job.openings)),
        fact(t('job.workMode'), L.workMode(job.workMode)),
        fact(t('job.street'), job.street ? L.street(job.street) : t('job.noStreet')),
        fact(t('employer.jobs.posted'), L.date(job.postedAt)),
      ),
      h(
        'div',
        { class: 'button-group' },
        h('a', { href: `/employer/job.html?id=${job.id}#candidates-title`, class: 'action-link' }, t('employer.jobs.candidates'), hidden(t('applications.forJob', job.title))),
        job.status !== 'archived' ? h('a', { href: `/employer/job-edit.html?id=${job.id}`, class: 'action-link' }, t('employer.jobs.edit'), hidden(t('applications.forJob', job.title))) : null,
      ),
    );

  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('employer.jobs.lead')),
    h('p', null, h('a', { href: '/employer/job-edit.html', class: 'button button--primary', id: 'post-job' }, t('employer.jobs.post'))),
    filters,
    h('p', { class: 'result-count', id: 'result-count', role: 'status' }, t('employer.jobs.count', jobs.page.total)),
    jobs.data.length
      ? h('ol', { class: 'cards', id: 'job-list' }, jobs.data.map(card))
      : h('div', { class: 'inset', id: 'no-jobs' }, h('p', null, status || q ? t('employer.jobs.emptyFiltered') : t('employer.jobs.empty'))),
  );
  const flash = takeFlash();
  if (flash) showBanner(ctx, successBanner(tKey(flash.key, flash.detail ?? '')));
}
