/** My matches: jobs ranked for me, each with why it fits and what is missing. */
import { ApiError, get } from '../api.js';
import { h, mixed, fill } from '../dom.js';
import { button, select } from '../forms.js';
import { t } from '../i18n.js';
import * as L from '../labels.js';
import type { PageContext } from '../layout.js';
import type { JobMatch } from '../types.js';
import { explanation, scoreDetails, scoreLine } from './explain.js';

export function salaryText(min: number | null, max: number | null): string {
  if (min === null && max === null) return t('job.salaryNotStated');
  if (min !== null && max !== null) return t('job.salaryRange', L.money(min), L.money(max));
  return t('job.salaryUpTo', L.money((max ?? min)!));
}

export async function renderSeekerMatches(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const title = t('matches.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const workMode = L.WORK_MODE_LIST.includes(params.get('workMode') ?? '') ? params.get('workMode')! : '';
  const street = L.STREET_LIST.includes(params.get('street') ?? '') ? params.get('street')! : '';
  const query = new URLSearchParams({ limit: '20' });
  if (workMode) query.set('workMode', workMode);
  if (street) query.set('street', street);

  let matches: JobMatch[];
  try {
    matches = await get<JobMatch[]>(`/seekers/${seekerId}/matches?${query.toString()}`);
  } catch (e) {
    // Matching stops when the consent to process disability data is withdrawn: say so, and how to change it.
    if (e instanceof ApiError && e.status === 409) {
      fill(ctx.page, 
        h('h1', { class: 'heading-l' }, title),
        h('div', { class: 'inset' }, h('p', null, e.message), h('p', null, h('a', { href: '/seeker/consents.html' }, t('matches.changeConsents')))),
      );
      return;
    }
    throw e;
  }

  // Filters are a plain GET form: the choice is in the address, so Back and reload keep it.
  const filters = h(
    'form',
    { method: 'get', action: '/seeker/matches.html', class: 'filters', 'aria-labelledby': 'filters-title' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('matches.filterTitle')),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'workMode', label: t('matches.filterWorkMode'), value: workMode, options: [{ value: '', label: t('common.any') }, ...L.WORK_MODE_LIST.map((c) => ({ value: c, label: L.workMode(c) }))] }),
      select({ path: 'street', label: t('matches.filterStreet'), value: street, options: [{ value: '', label: t('common.any') }, ...L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) }))] }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    button(t('matches.filterApply'), { variant: 'secondary', id: 'apply-filters' }),
  );
  // The selects post their names as workMode/street (ids are f-workMode, f-street).

  const list = matches.length
    ? h(
        'ol',
        { class: 'cards', id: 'match-list' },
        matches.map((m, i) => {
          const id = `match-${m.job.id}`;
          return h(
            'li',
            { class: 'card' },
            h(
              'h2',
              { class: 'heading-m card__title', id: `${id}-title` },
              h('span', { class: 'card__rank' }, t('matches.rank', i + 1)),
              ' ',
              h('a', { href: `/seeker/job.html?id=${m.job.id}`, class: 'card__link' }, mixed(m.job.title, ctx.lang)),
            ),
            m.job.memberName ? h('p', { class: 'card__employer' }, mixed(m.job.memberName, ctx.lang)) : null,
            scoreLine(m.score),
            h(
              'dl',
              { class: 'facts' },
              fact(t('job.workMode'), L.workMode(m.job.workMode)),
              fact(t('job.street'), m.job.street ? L.street(m.job.street) : t('job.noStreet')),
              fact(t('job.hours'), L.hours(m.job.hours)),
              fact(t('job.salary'), salaryText(m.job.salaryMin, m.job.salaryMax)),
            ),
            explanation(m, ctx.lang, 'h3', id),
            scoreDetails(m),
          );
        }),
      )
    : h(
        'div',
        { class: 'inset', id: 'no-matches' },
        h('p', null, workMode || street ? t('matches.emptyFiltered') : t('matches.empty')),
        h('p', null, h('a', { href: '/seeker/profile-edit.html' }, t('matches.emptyAction'))),
      );

  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('matches.lead')),
    filters,
    h('p', { class: 'result-count', id: 'result-count' }, t('matches.count', matches.length)),
    list,
  );
}

export function fact(key: string, value: string | Node): HTMLElement {
  return h('div', { class: 'facts__row' }, h('dt', { class: 'facts__key' }, key), h('dd', { class: 'facts__value' }, value));
}
