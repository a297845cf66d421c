/** Pieces the statistics pages share: an accessible data table for a statistics table, figures, downloads. */
import { h, hidden, mixed, type Child } from '../../dom.js';
import { t } from '../../i18n.js';
import type { Lang } from '../../prefs.js';
import type { Cell, StatTable } from './types.js';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** Shares (0–1) are the columns named `share…` or `…Rate` in every statistics table. */
export const isShareColumn = (key: string) => /^share|Rate$/.test(key);

export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(n);
export const formatShare = (n: number, lang: Lang) => new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(n);

/** A missing value: a dash to the eye, words to a screen reader. */
export const noValue = () => [h('span', { 'aria-hidden': 'true' }, '—'), hidden(t('stats.noValue'))];

function cell(key: string, v: Cell, lang: Lang): Child {
  if (v === null) return noValue();
  if (typeof v === 'number') return isShareColumn(key) ? formatShare(v, lang) : formatNumber(v, lang);
  return mixed(v, lang);
}

/**
 * A statistics table as an HTML table: caption, column headers, the first shown column as row
 * headers, numbers right-aligned. Inside a focusable, labelled region that scrolls sideways on
 * its own when the table is wider than the screen (a data table cannot reflow into one column
 * without losing its meaning), so the page itself never scrolls sideways.
 */
export function dataTable(table: StatTable, options: { id: string; lang: Lang; hide?: readonly string[] }): HTMLElement {
  const columns = table.columns.filter((c) => !options.hide?.includes(c.key));
  const numeric = new Set(columns.filter((c) => table.rows.some((r) => typeof r[c.key] === 'number') && table.rows.every((r) => r[c.key] === null || typeof r[c.key] === 'number')).map((c) => c.key));
  const captionId = `${options.id}-caption`;
  const num = (key: string) => (numeric.has(key) ? ' table__cell--numeric' : '');
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    h(
      'table',
      { class: 'table', id: options.id },
      h('caption', { class: 'table__caption', id: captionId }, mixed(table.title, options.lang)),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: `table__header${num(c.key)}` }, mixed(c.label, options.lang))))),
      h(
        'tbody',
        null,
        table.rows.map((row) =>
          h(
            'tr',
            null,
            columns.map((c, i) =>
              i === 0
                ? h('th', { scope: 'row', class: `table__header table__header--row${num(c.key)}` }, cell(c.key, row[c.key] ?? null, options.lang))
                : h('td', { class: `table__cell${num(c.key)}`, 'data-column': c.key }, cell(c.key, row[c.key] ?? null, options.lang)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** CSV and XLSX of the same table with the same filters, headers in the page's language. */
export function downloads(path: string, query: URLSearchParams, title: string, lang: Lang): HTMLElement {
  const q = new URLSearchParams(query);
  q.set('lang', lang);
  const link = (format: 'csv' | 'xlsx', label: string) =>
    h('li', null, h('a', { href: `/api/v1/stats/${path}.${format}?${q.toString()}`, download: `${path}.${format}`, class: 'stats-downloads__link', 'data-format': format }, label, hidden(t('stats.downloadOf', title))));
  return h('ul', { class: 'stats-downloads' }, link('csv', t('stats.downloadCsv')), link('xlsx', t('stats.downloadXlsx')));
}
