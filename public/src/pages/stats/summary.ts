/**
 * The public summary (anyone, signed in or not): aggregate counts only, as the API gives them
 * with every small cell already withheld ("<5", and "≥5" where a small cell could otherwise be
 * worked out by subtraction). The page says in plain words why.
 */
import { get } from '../../api.js';
import { fill, h, hidden, mixed } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import type { PageContext } from '../../layout.js';
import type { Lang } from '../../prefs.js';
import { formatNumber } from './table.js';
import type { PublicSummary } from './types.js';

type Count = PublicSummary['everEmployed'];

/** A count as published: a number, or a withheld cell shown as the API sends it and said in words. */
function count(n: Count, lang: Lang) {
  if (typeof n === 'number') return formatNumber(n, lang);
  const words = n === '<5' ? t('summary.under5') : t('summary.withheld');
  return h('span', { class: 'suppressed', 'data-suppressed': n }, h('span', { 'aria-hidden': 'true' }, n), hidden(words));
}

function table(id: string, caption: string, headers: [string, string], rows: { label: string; n: Count }[], lang: Lang): HTMLElement {
  return h(
    'table',
    { class: 'table summary-table', id },
    h('caption', { class: 'table__caption' }, caption),
    h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'table__header' }, headers[0]), h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, headers[1]))),
    h(
      'tbody',
      null,
      rows.map((r) => h('tr', null, h('th', { scope: 'row', class: 'table__header table__header--row' }, mixed(r.label, lang)), h('td', { class: 'table__cell table__cell--numeric' }, count(r.n, lang)))),
    ),
  );
}

const FIGURES: { key: Key; pick: (s: PublicSummary) => Count }[] = [
  { key: 'summary.fig.seekers', pick: (s) => s.seekers.total },
  { key: 'summary.fig.everEmployed', pick: (s) => s.everEmployed },
  { key: 'summary.fig.stablyEmployed', pick: (s) => s.stablyEmployed },
  { key: 'summary.fig.jobsOpen', pick: (s) => s.jobsOpen },
  { key: 'summary.fig.openingsOpen', pick: (s) => s.openingsOpen },
  { key: 'summary.fig.allianceMembers', pick: (s) => s.allianceMembers },
  { key: 'summary.fig.pledgedPositions', pick: (s) => s.pledgedPositions },
  { key: 'summary.fig.projectsOpen', pick: (s) => s.projectsOpen },
  { key: 'summary.fig.coursesOpen', pick: (s) => s.coursesOpen },
  { key: 'summary.fig.trainingCompletions', pick: (s) => s.trainingCompletions },
];

export async function renderPublicSummary(ctx: PageContext): Promise<void> {
  const title = t('summary.title');
  ctx.setTitle(title);
  const s = await get<PublicSummary>('/public/summary');
  const n = t('summary.col.count');
  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('summary.lead')),
    h(
      'div',
      { class: 'inset', id: 'privacy' },
      h('h2', { class: 'heading-s' }, t('summary.privacyTitle')),
      h('p', null, t('summary.privacyUnder5')),
      h('p', null, t('summary.privacyWithheld')),
      h('p', null, t('summary.privacyNoPeople')),
    ),
    h('h2', { class: 'heading-m', id: 'figures-title' }, t('summary.figuresTitle')),
    table('summary-figures', t('summary.figuresCaption'), [t('summary.col.what'), n], FIGURES.map((f) => ({ label: t(f.key), n: f.pick(s) })), ctx.lang),
    h('h2', { class: 'heading-m' }, t('summary.byCategoryTitle')),
    table('summary-by-category', t('summary.byCategoryCaption'), [t('summary.col.category'), n], [...s.seekers.byCategory.map((c) => ({ label: c.label, n: c.count })), { label: t('summary.total'), n: s.seekers.total }], ctx.lang),
    h('h2', { class: 'heading-m' }, t('summary.byStreetTitle')),
    table('summary-by-street', t('summary.byStreetCaption'), [t('summary.col.street'), n], [...s.seekers.byStreet.map((c) => ({ label: c.label, n: c.count })), { label: t('summary.total'), n: s.seekers.total }], ctx.lang),
    h('p', null, t('summary.moreHelp')),
  );
}
