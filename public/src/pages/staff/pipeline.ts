/**
 * The pipeline board (GET /pipeline/board): one column per stage, each a heading with its count
 * and a list of seekers. No drag and drop: each seeker links to their timeline, where moving the
 * stage is a form. Filters are a plain GET form, so the choice is in the address.
 */
import { api, get } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, select } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import type { PageContext } from '../../layout.js';
import type { BoardColumn, Course, Page } from '../../types.js';
import { DISABILITY_CATEGORY_CODES, DISABILITY_LEVEL_CODES } from '../../../../matching/vocabulary.js';
import { seekerHref } from './pipeline-common.js';

const FILTERS = ['street', 'category', 'level', 'memberId', 'courseId'] as const;

export async function renderStaffPipeline(ctx: PageContext): Promise<void> {
  const title = t('pipeline.board.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const chosen = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const perStage = params.get('perStage') === '100' ? 100 : 20;
  const query = new URLSearchParams({ perStage: String(perStage) });
  for (const f of FILTERS) if (chosen[f]) query.set(f, chosen[f]);

  const [board, members, courses] = await Promise.all([
    get<BoardColumn[]>(`/pipeline/board?${query.toString()}`),
    api<Page<{ id: number; name: string }>>('GET', '/alliance-members?limit=100'),
    api<Page<Course>>('GET', '/courses?limit=100'),
  ]);

  const any = { value: '', label: t('common.any') };
  const filters = h(
    'form',
    { method: 'get', action: '/staff/pipeline.html', class: 'filters', 'aria-labelledby': 'filters-title', id: 'board-filters' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('pipeline.board.filterTitle')),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'street', label: t('pipeline.street'), value: chosen.street, options: [any, ...L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) }))] }),
      select({ path: 'category', label: t('pipeline.category'), value: chosen.category, options: [any, ...DISABILITY_CATEGORY_CODES.map((c) => ({ value: String(c), label: L.category(c) }))] }),
      select({ path: 'level', label: t('pipeline.level'), value: chosen.level, options: [any, ...DISABILITY_LEVEL_CODES.map((c) => ({ value: String(c), label: L.level(c) }))] }),
      select({ path: 'memberId', label: t('pipeline.board.member'), hint: t('pipeline.board.memberHint'), value: chosen.memberId, options: [any, ...members.data.map((m) => ({ value: String(m.id), label: m.name }))] }),
      select({ path: 'courseId', label: t('pipeline.board.course'), hint: t('pipeline.board.courseHint'), value: chosen.courseId, options: [any, ...courses.data.map((c) => ({ value: String(c.id), label: ctx.lang === 'en' ? c.titleEn : c.titleZh }))] }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    h('div', { class: 'button-group' }, button(t('pipeline.board.apply'), { variant: 'secondary', id: 'apply-filters' }), FILTERS.some((f) => chosen[f]) ? h('a', { href: '/staff/pipeline.html', class: 'action-link', id: 'clear-filters' }, t('pipeline.board.clear')) : null),
  );

  const total = board.reduce((n, c) => n + c.count, 0);
  const more = new URLSearchParams(params);
  more.set('perStage', '100');

  const column = (c: BoardColumn) => {
    const id = `stage-${c.stage}`;
    return h(
      'section',
      { class: 'board__column', 'aria-labelledby': `${id}-title`, id },
      h('h2', { class: 'heading-s board__title', id: `${id}-title` }, L.stage(c.stage), ' ', h('span', { class: 'board__count' }, t('pipeline.board.people', c.count))),
      c.seekers.length
        ? h(
            'ul',
            { class: 'board__list', 'aria-labelledby': `${id}-title` },
            c.seekers.map((s) =>
              h(
                'li',
                { class: 'board__item' },
                h('a', { href: seekerHref(s.id), class: 'board__name', id: `board-seeker-${s.id}` }, mixed(s.name, ctx.lang)),
                h('span', { class: 'board__meta' }, `${L.street(s.street)} · ${L.category(s.disabilityCategory)} · ${L.level(s.disabilityLevel)}`),
              ),
            ),
          )
        : h('p', { class: 'board__empty' }, t('pipeline.board.empty')),
      c.count > c.seekers.length ? h('p', { class: 'hint' }, t('pipeline.board.showing', c.seekers.length, c.count)) : null,
    );
  };

  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('pipeline.board.lead')),
    filters,
    h('p', { class: 'result-count', id: 'board-total' }, t('pipeline.board.total', total)),
    h('div', { class: 'board', id: 'board' }, board.map(column)),
    perStage < 100 && board.some((c) => c.count > c.seekers.length) ? h('p', null, h('a', { href: `?${more.toString()}`, id: 'show-more' }, t('pipeline.board.showMore'))) : null,
  );
}
