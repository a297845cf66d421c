/**
 * One kit for the staff library pages (the three libraries 三库, the alliance and the courses).
 * A library is described once — its filters, table columns, summary sections, form fields and
 * actions — and the kit draws its three pages from that description:
 *
 * - `/staff/<plural>.html`: search and filter (a plain GET form, so a result is a link), a table
 *   that reflows into one block per record at narrow widths, keyset pagination;
 * - `/staff/<one>.html?id=`: a GOV.UK summary list, the actions (edit, close, verify, archive …);
 *   an action with consequences first asks on its own confirmation step (`&action=<name>`);
 * - `/staff/<one>-edit.html[?id=]`: create or edit, the API's field problems in the error summary.
 */
import { ApiError, api, get, patch, post } from '../../../api.js';
import { fill, h, hidden, mixed, type Child } from '../../../dom.js';
import { button, checkedValues, choices, onSubmit, select, showErrors, textarea, textInput, value } from '../../../forms.js';
import { t, tKey, type Key } from '../../../i18n.js';
import { setFlash, showBanner, successBanner, takeFlash, type PageContext, type PageDef } from '../../../layout.js';
import type { Lang } from '../../../prefs.js';
import type { AllianceMember, CourseDetail, Page } from '../../../types.js';
import { idParam } from '../../seeker-job.js';

export interface Option {
  value: string;
  label: string;
}

/** Every library's records have an id and a status (active / open / closed / archived / anonymised). */
export interface LibraryRecord {
  id: number;
  status: string;
}

/** Reference data that filters, forms and summaries pick from (the alliance, the course catalogue). */
export interface Lookups {
  members: AllianceMember[];
  courses: CourseDetail[];
}

/** A list filter: a select when it has options, else a text box. `name` is the API's query parameter. */
export interface Filter {
  name: string;
  label: Key;
  hint?: Key;
  options?: Option[];
}

/** A table column after the first (the first is always the record's name, linked to its page). */
export interface Column<T> {
  label: Key;
  cell(row: T, lang: Lang, lookups: Lookups): Child;
}

export type SummaryRow = readonly [label: Key, value: Child];
export interface Section<T> {
  title: Key;
  rows(row: T, lookups: Lookups): SummaryRow[];
}

/** A form field: draws its control (filled from the record, or empty to create) and reads it back as the API wants it. */
export interface Field<T> {
  /** The API's field path; the control's id is `f-<path>`, so the API's problems find it. */
  path: string;
  render(row: T | null): HTMLElement;
  /** The value to send; `undefined` leaves the field out. */
  read(form: HTMLFormElement): unknown;
  /** Only when creating (the API does not take it in a change). */
  createOnly?: boolean;
  /** Turns an indexed API path (`needs.2.code`) back into this field's control. */
  mapPath?(path: string): string | null;
}

/** A POST to `<api>/<id>/<name>`; with `confirm` it is asked on its own step first. */
export interface Action<T> {
  name: string;
  label: Key;
  when(row: T): boolean;
  /** The success banner's message, given the record's name. */
  done: Key;
  confirm?: { title: Key; warning: Key; button: Key };
  /** `false`: the library's own section offers it (a seeker's deletion request), not the action list. */
  listed?: false;
}

export interface Library<T extends LibraryRecord> {
  /** Page names: /staff/<plural>.html, /staff/<one>.html, /staff/<one>-edit.html (data-page staff-<…>). */
  plural: string;
  one: string;
  api: string;
  text: { title: Key; lead: Key; qHint: Key; create: Key; createTitle: Key; back: Key; caption: Key; archiveWarning: Key; nameLabel: Key };
  lookups?: readonly (keyof Lookups)[];
  /** The record's name as people say it (for the h1, banners and links). */
  name(row: T, lang: PageContext['lang']): string;
  filters(lookups: Lookups): Filter[];
  columns: Column<T>[];
  sections: Section<T>[];
  fields(lookups: Lookups): Field<T>[];
  /** Besides edit and archive (archive is always offered while the record is not archived). */
  actions?: Action<T>[];
  /** The rest of the detail page (a seeker's training and deletion request). */
  more?(row: T, ctx: PageContext, lookups: Lookups): Promise<Child>;
}

const PAGE_SIZE = 20;
const LOCKED = ['archived', 'anonymised'];
const editable = (row: LibraryRecord) => !LOCKED.includes(row.status);

const STATUS: Record<string, Key> = {
  active: 'lib.status.active',
  open: 'lib.status.open',
  closed: 'lib.status.closed',
  archived: 'lib.status.archived',
  anonymised: 'lib.status.anonymised',
};
export const statusLabel = (status: string) => (STATUS[status] ? t(STATUS[status]!) : status);
export const statusOptions = (statuses: readonly string[]): Option[] => statuses.map((s) => ({ value: s, label: statusLabel(s) }));
const anyOption = (): Option => ({ value: '', label: t('lib.any') });
export const listText = (items: readonly string[]) => (items.length ? items.join(t('common.listSep')) : t('lib.none'));

const listUrl = (lib: Library<LibraryRecord>) => `/staff/${lib.plural}.html`;
const detailUrl = (lib: Library<LibraryRecord>, id: number) => `/staff/${lib.one}.html?id=${id}`;
const editUrl = (lib: Library<LibraryRecord>, id?: number) => `/staff/${lib.one}-edit.html${id ? `?id=${id}` : ''}`;

/** The alliance (≤ 100 members: the alliance has 40) and the catalogue (≤ 100 courses), as the library needs them. */
async function loadLookups(needs: readonly (keyof Lookups)[] = []): Promise<Lookups> {
  const [members, courses] = await Promise.all([
    needs.includes('members') ? api<Page<AllianceMember>>('GET', '/alliance-members?limit=100').then((p) => p.data) : [],
    needs.includes('courses') ? api<Page<CourseDetail>>('GET', '/courses?limit=100').then((p) => p.data) : [],
  ]);
  return { members, courses };
}

const backLink = (href: string, label: Key) => h('p', { class: 'back' }, h('a', { href, class: 'back-link' }, t(label)));

function showFlash(ctx: PageContext): void {
  const flash = takeFlash();
  // The record's name inside the message may be in the other language (a Chinese title on an English page).
  if (flash) showBanner(ctx, successBanner(mixed(tKey(flash.key, flash.detail), ctx.lang)));
}

// ---------- The list: search, filter, table, pages ----------

async function renderList<T extends LibraryRecord>(lib: Library<T>, ctx: PageContext): Promise<void> {
  const title = t(lib.text.title);
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const lookups = await loadLookups(lib.lookups);
  const filters: Filter[] = [{ name: 'q', label: 'lib.q', hint: lib.text.qHint }, ...lib.filters(lookups)];

  // Only what the form could have sent goes to the API: known names, known options, short text.
  const chosen = new Map<string, string>();
  for (const f of filters) {
    const v = (params.get(f.name) ?? '').trim().slice(0, 50);
    if (v && (!f.options || f.options.some((o) => o.value === v))) chosen.set(f.name, v);
  }
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...Object.fromEntries(chosen) });
  const cursor = params.get('cursor');
  if (cursor && /^\d{1,9}$/.test(cursor)) query.set('cursor', cursor);

  const form = h(
    'form',
    { method: 'get', action: location.pathname, class: 'filters', id: 'library-filters', 'aria-labelledby': 'filters-title' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('lib.findTitle')),
    h(
      'div',
      { class: 'filters__row' },
      filters.map((f) =>
        f.options
          ? select({ path: f.name, label: t(f.label), value: chosen.get(f.name) ?? '', options: [anyOption(), ...f.options] })
          : textInput({ path: f.name, label: t(f.label), hint: f.hint ? t(f.hint) : undefined, value: chosen.get(f.name) ?? '', width: 'medium', type: f.name === 'q' ? 'search' : 'text' }),
      ),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    h('div', { class: 'button-group' }, button(t('lib.find'), { variant: 'secondary', id: 'find' }), chosen.size ? h('a', { href: location.pathname, class: 'action-link', id: 'clear-filters' }, t('lib.clear')) : null),
  );

  const head = [
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t(lib.text.lead)),
    h('p', null, h('a', { href: editUrl(lib), class: 'button button--link', id: 'create-link' }, t(lib.text.create))),
    form,
  ];

  let result: Page<T>;
  try {
    result = await api<Page<T>>('GET', `${lib.api}?${query.toString()}`);
  } catch (e) {
    // A filter the API refuses (a skill name too long, …): said at the field, GOV.UK-style.
    if (e instanceof ApiError && e.status === 422) {
      fill(ctx.page, head);
      showErrors(ctx, form, title, e);
      return;
    }
    throw e;
  }

  const rows = result.data;
  const next = result.page.nextCursor;
  const pageLink = (cursorValue: string | null) => {
    const p = new URLSearchParams(params);
    if (cursorValue === null) p.delete('cursor');
    else p.set('cursor', cursorValue);
    return `${location.pathname}?${p.toString()}`;
  };

  fill(
    ctx.page,
    head,
    h('p', { class: 'result-count', id: 'result-count', role: 'status' }, t('lib.count', result.page.total), rows.length && rows.length < result.page.total ? ` ${t('lib.pageCount', rows.length)}` : ''),
    rows.length
      ? [
          h('p', { class: 'hint' }, t('lib.tableHint')),
          h(
            'table',
            { class: 'lib-table', id: 'results' },
            h('caption', { class: 'visually-hidden' }, title),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, t(lib.text.nameLabel)), lib.columns.map((c) => h('th', { scope: 'col' }, t(c.label))))),
            h(
              'tbody',
              null,
              rows.map((row) =>
                h(
                  'tr',
                  { class: 'lib-table__row' },
                  h('th', { scope: 'row', class: 'lib-table__name' }, h('a', { href: detailUrl(lib, row.id) }, mixed(lib.name(row, ctx.lang), ctx.lang))),
                  lib.columns.map((c) =>
                    h(
                      'td',
                      null,
                      // At narrow widths each cell shows its column's name; screen readers have the real header.
                      h('span', { class: 'lib-table__label', 'aria-hidden': 'true' }, t(c.label), t('common.colon')),
                      inLang(c.cell(row, ctx.lang, lookups), ctx.lang),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ]
      : h('div', { class: 'inset', id: 'no-results' }, h('p', null, chosen.size ? t('lib.emptyFiltered') : t('lib.emptyAll'))),
    next !== null || cursor
      ? h(
          'nav',
          { class: 'lib-pagination', 'aria-label': t('lib.pagination') },
          h(
            'ul',
            { class: 'lib-pagination__list' },
            cursor ? h('li', null, h('a', { href: pageLink(null), id: 'first-page' }, t('lib.firstPage'))) : null,
            next !== null ? h('li', null, h('a', { href: pageLink(String(next)), id: 'next-page', rel: 'next' }, t('lib.nextPage'))) : null,
          ),
        )
      : null,
  );
}

// ---------- One record: summary, actions, confirmation steps ----------

/** Text from the records may be in either language (a Chinese description on an English page): marked with `lang`. */
const inLang = (val: Child, lang: Lang): Child => (typeof val === 'string' ? mixed(val, lang) : val);

export function summaryList(rows: readonly SummaryRow[], lang: Lang, id?: string): HTMLElement {
  return h(
    'dl',
    { class: 'summary-list summary-list--compact', id: id ?? null },
    rows.map(([key, val]) => h('div', { class: 'summary-list__row' }, h('dt', { class: 'summary-list__key' }, t(key)), h('dd', { class: 'summary-list__value' }, val === '' || val === null || val === undefined ? t('lib.notStated') : inLang(val, lang)))),
  );
}

/** A button that posts one action; the API's refusal (a 409: "already closed") shows in the error summary. */
function actionForm(ctx: PageContext, title: string, label: string, run: () => Promise<void>, options: { id: string; variant?: 'primary' | 'secondary' | 'warning' }): HTMLFormElement {
  const form = h('form', { method: 'post', class: 'lib-actions__form', id: `${options.id}-form` }, button(label, { variant: options.variant ?? 'secondary', id: options.id }));
  onSubmit(ctx, form, title, run);
  return form;
}

function archiveAction<T extends LibraryRecord>(lib: Library<T>): Action<T> {
  return { name: 'archive', label: 'lib.archive', when: editable, done: 'lib.archived', confirm: { title: 'lib.archiveTitle', warning: lib.text.archiveWarning, button: 'lib.archiveButton' } };
}

async function renderDetail<T extends LibraryRecord>(lib: Library<T>, ctx: PageContext): Promise<void> {
  const id = idParam();
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const [row, lookups] = await Promise.all([get<T>(`${lib.api}/${id}`), loadLookups(lib.lookups)]);
  const name = lib.name(row, ctx.lang);
  const actions = [...(lib.actions ?? []), archiveAction(lib)].filter((a) => a.when(row));
  const asked = new URLSearchParams(location.search).get('action');
  const confirming = actions.find((a) => a.confirm && a.name === asked);
  if (confirming?.confirm) return renderConfirm(lib, ctx, row, name, confirming as Action<T> & { confirm: NonNullable<Action<T>['confirm']> });

  ctx.setTitle(name);
  const run = (a: Action<T>) => async () => {
    await post(`${lib.api}/${id}/${a.name}`);
    setFlash(a.done, name);
    location.assign(detailUrl(lib, id));
  };
  fill(
    ctx.page,
    backLink(listUrl(lib), lib.text.back),
    h('span', { class: 'caption' }, t(lib.text.caption)),
    h('h1', { class: 'heading-l' }, mixed(name, ctx.lang)),
    h('p', { id: 'record-status' }, t('lib.status'), t('common.colon'), h('strong', { class: 'tag' }, statusLabel(row.status))),
    editable(row) ? null : h('div', { class: 'inset' }, h('p', null, t('lib.archivedNote'))),
    editable(row) || actions.length
      ? h(
          'section',
          { class: 'lib-actions', 'aria-labelledby': 'actions-title' },
          h('h2', { class: 'visually-hidden', id: 'actions-title' }, t('lib.actions')),
          h(
            'ul',
            { class: 'lib-actions__list' },
            editable(row) ? h('li', null, h('a', { href: editUrl(lib, id), class: 'button button--link', id: 'edit-link' }, t('lib.edit'), hidden(` ${name}`))) : null,
            actions.filter((a) => a.listed !== false).map((a) =>
              h(
                'li',
                null,
                a.confirm
                  ? h('a', { href: `${detailUrl(lib, id)}&action=${a.name}`, class: 'button button--secondary button--link', id: `${a.name}-link` }, t(a.label))
                  : actionForm(ctx, name, t(a.label), run(a), { id: `${a.name}-button` }),
              ),
            ),
          ),
        )
      : null,
    lib.sections.map((s, i) => [h('h2', { class: 'heading-m', id: `section-${i}` }, t(s.title)), summaryList(s.rows(row, lookups), ctx.lang)]),
    lib.more ? await lib.more(row, ctx, lookups) : null,
  );
  showFlash(ctx);
}

function renderConfirm<T extends LibraryRecord>(lib: Library<T>, ctx: PageContext, row: T, name: string, action: Action<T> & { confirm: NonNullable<Action<T>['confirm']> }): void {
  const title = tKey(action.confirm.title, name);
  ctx.setTitle(title);
  const back = detailUrl(lib, row.id);
  const form = h(
    'form',
    { method: 'post', class: 'form', id: 'confirm-form' },
    h('div', { class: 'button-group' }, button(t(action.confirm.button), { variant: 'warning', id: 'confirm-button' }), h('a', { href: back, class: 'action-link', id: 'confirm-cancel' }, t('lib.confirmCancel'))),
  );
  onSubmit(ctx, form, title, async () => {
    await post(`${lib.api}/${row.id}/${action.name}`);
    setFlash(action.done, name);
    location.assign(back);
  });
  fill(
    ctx.page,
    backLink(back, lib.text.back),
    h('span', { class: 'caption' }, t(lib.text.caption)),
    h('h1', { class: 'heading-l' }, title),
    h('div', { class: 'warning-text' }, h('span', { class: 'warning-text__icon', 'aria-hidden': 'true' }, '!'), h('strong', { class: 'warning-text__text' }, hidden(t('lib.warningPrefix')), t(action.confirm.warning))),
    form,
  );
}

// ---------- Create and edit ----------

async function renderEdit<T extends LibraryRecord>(lib: Library<T>, ctx: PageContext): Promise<void> {
  const id = idParam();
  const [row, lookups] = await Promise.all([id === null ? Promise.resolve(null) : get<T>(`${lib.api}/${id}`), loadLookups(lib.lookups)]);
  const name = row ? lib.name(row, ctx.lang) : '';
  const title = row ? tKey('lib.editTitle', name) : t(lib.text.createTitle);
  ctx.setTitle(title);
  const back = row ? detailUrl(lib, row.id) : listUrl(lib);
  if (row && !editable(row)) {
    fill(ctx.page, backLink(back, lib.text.back), h('h1', { class: 'heading-l' }, title), h('div', { class: 'inset' }, h('p', null, t('lib.archivedNote'))));
    return;
  }
  const fields = lib.fields(lookups).filter((f) => !(row && f.createOnly));
  const form = h(
    'form',
    { method: 'post', class: 'form', id: 'library-form' },
    fields.map((f) => f.render(row)),
    h('div', { class: 'button-group' }, button(t('lib.save'), { id: 'save' }), h('a', { href: back, class: 'action-link' }, t('common.cancel'))),
  );
  onSubmit(
    ctx,
    form,
    title,
    async () => {
      const body: Record<string, unknown> = {};
      for (const f of fields) {
        const v = f.read(form);
        if (v !== undefined) body[f.path] = v;
      }
      const saved = row ? await patch<T>(`${lib.api}/${row.id}`, body) : await post<T>(lib.api, body);
      setFlash(row ? 'lib.saved' : 'lib.created', lib.name(saved, ctx.lang));
      location.assign(detailUrl(lib, saved.id));
    },
    { mapPath: () => (path) => fields.map((f) => f.mapPath?.(path)).find((p) => p) ?? path },
  );
  fill(ctx.page, backLink(back, lib.text.back), h('h1', { class: 'heading-l' }, title), h('p', { class: 'lead' }, t('lib.editLead')), form);
}

/** The three pages of a library, registered by their data-page names. */
export function libraryPages<T extends LibraryRecord>(lib: Library<T>): Record<string, PageDef> {
  return {
    [`staff-${lib.plural}`]: { role: 'staff', render: (ctx) => renderList(lib, ctx) },
    [`staff-${lib.one}`]: { role: 'staff', render: (ctx) => renderDetail(lib, ctx) },
    [`staff-${lib.one}-edit`]: { role: 'staff', render: (ctx) => renderEdit(lib, ctx) },
  };
}

// ---------- Field builders (each names its control f-<path>, as forms.ts expects) ----------

type Get<T, V> = (row: T) => V;
interface Common {
  hint?: Key;
}

export function textField<T>(path: string, label: Key, get: Get<T, string | null>, o: Common & { nullable?: boolean; width?: 'short' | 'medium' | 'full'; type?: string; autocomplete?: string; inputmode?: string } = {}): Field<T> {
  return {
    path,
    render: (row) => textInput({ path, label: t(label), hint: o.hint ? t(o.hint) : undefined, value: row ? get(row) : '', width: o.width ?? 'medium', type: o.type, autocomplete: o.autocomplete, inputmode: o.inputmode }),
    read: (form) => {
      const v = value(form, path).trim();
      return v === '' && o.nullable ? null : v;
    },
  };
}

export function textareaField<T>(path: string, label: Key, get: Get<T, string>, o: Common & { rows?: number } = {}): Field<T> {
  return {
    path,
    render: (row) => textarea({ path, label: t(label), hint: o.hint ? t(o.hint) : undefined, value: row ? get(row) : '', rows: o.rows ?? 4 }),
    read: (form) => value(form, path).trim(),
  };
}

/** Whole numbers; anything else goes as typed, so the API names what is wrong with it. */
export function numberField<T>(path: string, label: Key, get: Get<T, number | null>, o: Common & { nullable?: boolean } = {}): Field<T> {
  return {
    path,
    render: (row) => textInput({ path, label: t(label), hint: t(o.hint ?? 'lib.numberHint'), value: row ? get(row) : '', inputmode: 'numeric', width: 'short', spellcheck: false }),
    read: (form) => {
      const v = value(form, path).trim();
      if (v === '') return o.nullable ? null : undefined;
      return /^\d+$/.test(v) ? Number(v) : v;
    },
  };
}

/** A date as YYYY-MM-DD typed out (plain text with an example: easier to type and read aloud than a date picker). */
export function dateField<T>(path: string, label: Key, get: Get<T, string | null>, o: Common & { nullable?: boolean } = {}): Field<T> {
  return {
    path,
    render: (row) => textInput({ path, label: t(label), hint: t(o.hint ?? 'lib.dateHint'), value: row ? get(row) : '', width: 'short', spellcheck: false }),
    // A required date left empty is left out, so the API says it is needed (not that it has the wrong type).
    read: (form) => value(form, path).trim() || (o.nullable ? null : undefined),
  };
}

/** A select; `numeric` sends the chosen value as a number, `emptyLabel` offers "none" (sent as null). */
export function selectField<T>(path: string, label: Key, get: Get<T, string | number | null>, options: Option[], o: Common & { numeric?: boolean; emptyLabel?: Key } = {}): Field<T> {
  return {
    path,
    render: (row) =>
      select({
        path,
        label: t(label),
        hint: o.hint ? t(o.hint) : undefined,
        value: row ? String(get(row) ?? '') : o.emptyLabel ? '' : (options[0]?.value ?? ''),
        options: o.emptyLabel ? [{ value: '', label: t(o.emptyLabel) }, ...options] : options,
      }),
    read: (form) => {
      const v = value(form, path);
      if (v === '') return null;
      return o.numeric ? Number(v) : v;
    },
  };
}

export function checkboxesField<T>(path: string, legend: Key, get: Get<T, readonly (string | number)[]>, options: Option[], o: Common & { numeric?: boolean } = {}): Field<T> {
  return {
    path,
    render: (row) => {
      const on = new Set((row ? get(row) : []).map(String));
      return choices({ path, legend: t(legend), hint: o.hint ? t(o.hint) : undefined, type: 'checkbox', small: true, options: options.map((opt) => ({ value: opt.value, label: opt.label, checked: on.has(opt.value) })) });
    },
    read: (form) => checkedValues(form, path).map((v) => (o.numeric ? Number(v) : v)),
  };
}

export function yesNoField<T>(path: string, legend: Key, get: Get<T, boolean>, o: Common & { createDefault: boolean }): Field<T> {
  return {
    path,
    render: (row) => {
      const on = row ? get(row) : o.createDefault;
      return choices({
        path,
        legend: t(legend),
        hint: o.hint ? t(o.hint) : undefined,
        type: 'radio',
        inline: true,
        options: [
          { value: 'true', label: t('common.yes'), checked: on },
          { value: 'false', label: t('common.no'), checked: !on },
        ],
      });
    },
    read: (form) => value(form, path) === 'true',
  };
}

/** A list of short texts (skills), one a line. */
export function linesField<T>(path: string, label: Key, get: Get<T, readonly string[]>, o: Common = {}): Field<T> {
  return {
    path,
    render: (row) => textarea({ path, label: t(label), hint: t(o.hint ?? 'lib.linesHint'), value: row ? get(row).join('\n') : '', rows: 4 }),
    read: (form) => linesOf(value(form, path)),
  };
}

export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
