/**
 * Staff statistics (数据统计展示): every statistic on one page, each as a chart (Apache ECharts,
 * with its generated ARIA description) and as a data table behind a disclosure, with CSV and
 * XLSX downloads of that table under the same filters. The filters are a plain GET form, so the
 * address holds them (Back, reload and shared links keep them).
 */
import { ApiError, get } from '../../api.js';
import { fill, h, hidden } from '../../dom.js';
import { button, select, showErrors, textInput } from '../../forms.js';
import { t, type Key } from '../../i18n.js';
import * as L from '../../labels.js';
import type { PageContext } from '../../layout.js';
import type { ChartSpec } from './charts.js';
import { dataTable, downloads } from './table.js';
import type { StatTable } from './types.js';

type Filter = 'from' | 'to' | 'street' | 'category' | 'level';
const PERIOD: readonly Filter[] = ['from', 'to'];
const PEOPLE: readonly Filter[] = ['street', 'category', 'level'];
/** Apache ECharts and the drawing code, built as their own bundle (public/build-web.ts). */
const CHARTS_URL = '/dist/charts.js';
const SEEKERS_BY = ['category', 'level', 'street', 'stage'] as const;
const RATES_BY = ['category', 'level', 'street'] as const;

interface Section {
  id: string;
  /** The API table: `/stats/<path>`. */
  path: string;
  heading: Key;
  intro: Key;
  /** The filters this table takes (the API refuses any other). */
  filters: readonly Filter[];
  /** A grouping the person picks with links (`seekersBy`, `ratesBy`). */
  by?: { param: 'seekersBy' | 'ratesBy'; options: readonly (typeof SEEKERS_BY)[number][] };
  /** Code columns: in the downloads, not in the page's table. */
  hide: readonly string[];
  chart(table: StatTable): ChartSpec;
}

const label = (table: StatTable, key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A horizontal bar chart: one bar per row (named by `categoryKey`), one series per value column. */
function bars(table: StatTable, categoryKey: string, valueKeys: string[], options: { percent?: boolean; rows?: StatTable['rows'] } = {}): ChartSpec {
  const rows = options.rows ?? table.rows;
  return {
    title: table.title,
    kind: 'hbar',
    categories: rows.map((r) => String(r[categoryKey] ?? '')),
    series: valueKeys.map((k) => ({ name: label(table, k), values: rows.map((r) => num(r[k])) })),
    percent: options.percent ?? false,
  };
}

const SECTIONS: Section[] = [
  {
    id: 'library-sizes',
    path: 'library-sizes',
    heading: 'stats.libraries.heading',
    intro: 'stats.libraries.intro',
    filters: [...PERIOD, ...PEOPLE],
    hide: [],
    chart: (table) => ({
      title: table.title,
      kind: 'line',
      categories: table.rows.map((r) => String(r.month ?? '')),
      series: ['seekersTotal', 'jobsTotal', 'projectsTotal'].map((k) => ({ name: label(table, k), values: table.rows.map((r) => num(r[k])) })),
    }),
  },
  {
    id: 'seekers',
    path: 'seekers',
    heading: 'stats.seekers.heading',
    intro: 'stats.seekers.intro',
    filters: [...PERIOD, ...PEOPLE],
    by: { param: 'seekersBy', options: SEEKERS_BY },
    hide: ['code'],
    chart: (table) => bars(table, table.columns[1]!.key, ['seekers']),
  },
  {
    id: 'employment-rates',
    path: 'employment-rates',
    heading: 'stats.rates.heading',
    intro: 'stats.rates.intro',
    filters: [...PERIOD, ...PEOPLE],
    by: { param: 'ratesBy', options: RATES_BY },
    hide: ['code'],
    // The "all" row (no code) is in the table; the chart compares the groups.
    chart: (table) => bars(table, table.columns[1]!.key, ['employmentRate', 'stableRate'], { percent: true, rows: table.rows.filter((r) => r.code !== null) }),
  },
  {
    id: 'funnel',
    path: 'funnel',
    heading: 'stats.funnel.heading',
    intro: 'stats.funnel.intro',
    filters: [...PERIOD, ...PEOPLE],
    hide: ['stage'],
    chart: (table) => bars(table, 'stageName', ['reached']),
  },
  {
    id: 'training-outcomes',
    path: 'training-outcomes',
    heading: 'stats.training.heading',
    intro: 'stats.training.intro',
    filters: [...PERIOD, ...PEOPLE],
    hide: ['courseId', 'code'],
    chart: (table) => bars(table, 'course', ['completions', 'hiredWithin90Days']),
  },
  {
    id: 'alliance',
    path: 'alliance',
    heading: 'stats.alliance.heading',
    intro: 'stats.alliance.intro',
    filters: [...PERIOD, 'street'],
    hide: ['memberId'],
    chart: (table) => bars(table, 'member', ['pledged', 'filled']),
  },
  {
    id: 'accommodation-gaps',
    path: 'accommodation-gaps',
    heading: 'stats.gaps.heading',
    intro: 'stats.gaps.intro',
    filters: PEOPLE,
    hide: ['code'],
    chart: (table) => bars(table, 'accommodation', ['seekersMust', 'openJobsMeeting']),
  },
  {
    id: 'skills',
    path: 'skills',
    heading: 'stats.skills.heading',
    intro: 'stats.skills.intro',
    filters: PEOPLE,
    hide: ['code'],
    chart: (table) => bars(table, 'skill', ['jobsDemanding', 'seekersHolding']),
  },
];

const BY_NAME: Record<(typeof SEEKERS_BY)[number], Key> = {
  category: 'stats.by.category',
  level: 'stats.by.level',
  street: 'stats.by.street',
  stage: 'stats.by.stage',
};

const FILTER_NAME: Record<Filter, Key> = {
  from: 'stats.filter.from',
  to: 'stats.filter.to',
  street: 'stats.filter.street',
  category: 'stats.filter.category',
  level: 'stats.filter.level',
};

/** No chart for a table with no rows or nothing but zeros and blanks: say so instead. */
const isEmpty = (spec: ChartSpec) => spec.categories.length === 0 || spec.series.every((s) => s.values.every((v) => !v));

export async function renderStaffStats(ctx: PageContext): Promise<void> {
  const title = t('stats.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const chosen = (name: string) => params.get(name)?.trim() ?? '';
  const filters: Record<Filter, string> = { from: chosen('from'), to: chosen('to'), street: chosen('street'), category: chosen('category'), level: chosen('level') };
  const pick = <T extends string>(name: string, options: readonly T[]): T => (options as readonly string[]).includes(chosen(name)) ? (chosen(name) as T) : options[0]!;
  const by = { seekersBy: pick('seekersBy', SEEKERS_BY), ratesBy: pick('ratesBy', RATES_BY) };

  /** The API query of a section: only the filters it takes (and its grouping). */
  const queryOf = (s: Section) => {
    const q = new URLSearchParams();
    for (const f of s.filters) if (filters[f]) q.set(f, filters[f]);
    if (s.by) q.set('by', by[s.by.param]);
    return q;
  };
  /** This page's address with one grouping changed, the rest kept. */
  const pageWith = (name: string, value: string) => {
    const q = new URLSearchParams(params);
    q.set(name, value);
    return `/staff/stats.html?${q.toString()}#${name === 'seekersBy' ? 'seekers' : 'employment-rates'}`;
  };

  const form = h(
    'form',
    { method: 'get', action: '/staff/stats.html', class: 'filters', 'aria-labelledby': 'filters-title', id: 'stats-filters' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('stats.filter.title')),
    h('p', { class: 'hint' }, t('stats.filter.hint')),
    h(
      'div',
      { class: 'filters__row' },
      textInput({ path: 'from', label: t('stats.filter.from'), type: 'date', value: filters.from, width: 'medium' }),
      textInput({ path: 'to', label: t('stats.filter.to'), type: 'date', value: filters.to, width: 'medium' }),
    ),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'street', label: t('stats.filter.street'), value: filters.street, options: [{ value: '', label: t('common.any') }, ...L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) }))] }),
      select({ path: 'category', label: t('stats.filter.category'), value: filters.category, options: [{ value: '', label: t('common.any') }, ...[1, 2, 3, 4, 5, 6, 7].map((c) => ({ value: String(c), label: L.category(c) }))] }),
      select({ path: 'level', label: t('stats.filter.level'), value: filters.level, options: [{ value: '', label: t('common.any') }, ...[1, 2, 3, 4].map((c) => ({ value: String(c), label: L.level(c) }))] }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    h('input', { type: 'hidden', name: 'seekersBy', value: by.seekersBy }),
    h('input', { type: 'hidden', name: 'ratesBy', value: by.ratesBy }),
    h('div', { class: 'button-group' }, button(t('stats.filter.apply'), { variant: 'secondary', id: 'apply-filters' }), h('a', { href: `/staff/stats.html${params.get('lang') ? `?lang=${params.get('lang')}` : ''}`, class: 'stats-clear', id: 'clear-filters' }, t('stats.filter.clear'))),
  );
  const applied = (Object.keys(filters) as Filter[]).filter((f) => filters[f]);
  const header = [
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('stats.lead')),
    form,
  ];

  let tables: StatTable[];
  try {
    tables = await Promise.all(SECTIONS.map((s) => get<StatTable>(`/stats/${s.path}?${queryOf(s).toString()}`)));
  } catch (e) {
    // Filters the API refuses (an end before the start, a date that is not one): the GOV.UK error summary, no figures.
    if (e instanceof ApiError && e.status === 422) {
      fill(ctx.page, ...header, h('p', { class: 'inset', id: 'stats-not-shown' }, t('stats.fixFilters')));
      showErrors(ctx, form, title, e);
      return;
    }
    throw e;
  }

  const chartSlots: { el: HTMLElement; spec: ChartSpec }[] = [];
  const sections = SECTIONS.map((s, i) => {
    const table = tables[i]!;
    const spec = s.chart(table);
    const empty = isEmpty(spec);
    const headingId = `${s.id}-heading`;
    const chartEl = h('div', { class: 'stats-chart', id: `${s.id}-chart` });
    if (!empty) chartSlots.push({ el: chartEl, spec });
    const funnelPeriod = s.id === 'funnel' ? periodOf(table) : null;
    return h(
      'section',
      { class: 'stats-section', id: s.id, 'aria-labelledby': headingId },
      h('h2', { class: 'heading-m', id: headingId }, t(s.heading)),
      h('p', null, t(s.intro)),
      h('p', { class: 'hint' }, t('stats.appliesTo', s.filters.map((f) => t(FILTER_NAME[f])).join(t('common.listSep')))),
      funnelPeriod ? h('p', null, t('stats.funnel.period', L.date(funnelPeriod.from), L.date(funnelPeriod.to))) : null,
      s.by
        ? h(
            'nav',
            { class: 'stats-by', 'aria-label': t('stats.groupByLabel', t(s.heading)) },
            h('span', { class: 'stats-by__label', 'aria-hidden': 'true' }, t('stats.groupBy')),
            h(
              'ul',
              { class: 'stats-by__list' },
              s.by.options.map((o) => {
                const current = by[s.by!.param] === o;
                return h('li', null, h('a', { href: pageWith(s.by!.param, o), class: 'stats-by__link', 'aria-current': current ? 'true' : null }, t(BY_NAME[o]), current ? hidden(t('stats.current')) : null));
              }),
            ),
          )
        : null,
      empty ? h('div', { class: 'inset stats-empty', 'data-empty': s.id }, h('p', null, t('stats.empty'))) : chartEl,
      table.rows.length
        ? h(
            'details',
            { class: 'details stats-details' },
            h('summary', { class: 'details__summary' }, h('span', { class: 'details__summary-text' }, t('stats.showTable'), hidden(t('common.colon'), table.title))),
            h('div', { class: 'details__text' }, dataTable(table, { id: `${s.id}-table`, lang: ctx.lang, hide: s.hide })),
          )
        : null,
      table.rows.length ? downloads(s.path, queryOf(s), table.title, ctx.lang) : null,
    );
  });

  fill(
    ctx.page,
    ...header,
    applied.length
      ? h('p', { class: 'result-count', id: 'filters-applied' }, t('stats.filtersApplied', applied.map((f) => `${t(FILTER_NAME[f])}${t('common.colon')}${filterValue(f, filters[f])}`).join(t('common.listSep'))))
      : h('p', { class: 'result-count', id: 'filters-applied' }, t('stats.noFilters')),
    h(
      'nav',
      { class: 'contents-list', 'aria-labelledby': 'contents-title' },
      h('h2', { class: 'heading-s', id: 'contents-title' }, t('stats.contents')),
      h('ol', { class: 'list list--number' }, SECTIONS.map((s) => h('li', null, h('a', { href: `#${s.id}` }, t(s.heading))))),
    ),
    sections,
  );

  if (!chartSlots.length) return;
  let charts: typeof import('./charts.js');
  try {
    // A URL, not a module path: esbuild leaves it alone, so the charts stay in their own file (dist/charts.js).
    charts = (await import(CHARTS_URL)) as typeof import('./charts.js');
  } catch {
    // The chart code did not load (connection): the tables still hold every number.
    for (const slot of chartSlots) fill(slot.el, h('p', { class: 'inset' }, t('stats.chartsFailed')));
    return;
  }
  for (const slot of chartSlots) charts.drawChart(slot.el, slot.spec, ctx.lang);
}

function filterValue(f: Filter, v: string): string {
  if (f === 'street') return L.street(v);
  if (f === 'category') return L.category(v);
  if (f === 'level') return L.level(v);
  return L.date(v);
}

/** The funnel's period as the API applied it (the last 365 days unless chosen). */
function periodOf(table: StatTable): { from: string; to: string } | null {
  const f = (table.meta as { filters?: { from?: unknown; to?: unknown } } | undefined)?.filters;
  return typeof f?.from === 'string' && typeof f.to === 'string' ? { from: f.from, to: f.to } : null;
}
