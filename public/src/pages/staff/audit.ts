/**
 * The audit log (GET /audit-log): who read or changed sensitive data and when, as a table, with
 * the API's filters (who, action, record, dates) in a plain GET form and page-by-page links. A
 * filter the API refuses (a date it cannot read) is shown in the error summary at its field.
 */
import { ApiError, api } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, select, showErrors, textInput } from '../../forms.js';
import { t, tKey, type Key } from '../../i18n.js';
import * as L from '../../labels.js';
import type { PageContext } from '../../layout.js';
import type { AuditEntry, Page } from '../../types.js';
import { accountNames, seekerHref, who } from './pipeline-common.js';

// The codes of AUDIT_ACTIONS and AUDIT_ENTITIES in src/audit/service.ts (a server module the
// browser cannot import); an unknown code is still shown, as itself.
const ACTIONS = ['read_sensitive', 'export', 'consent_changed', 'deletion_requested', 'anonymised', 'user_disabled', 'user_enabled', 'user_created', 'policy_changed'] as const;
const ENTITIES = ['seeker', 'user', 'policy_setting'] as const;
const FILTERS = ['userId', 'action', 'entity', 'entityId', 'from', 'to'] as const;

/** A code's words when the messages have them, else the code itself. */
function label(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const text = tKey(key as Key);
  return text === key ? code : text;
}

export async function renderStaffAudit(ctx: PageContext): Promise<void> {
  const title = t('pipeline.audit.title');
  ctx.setTitle(title);
  const params = new URLSearchParams(location.search);
  const chosen = Object.fromEntries(FILTERS.map((f) => [f, (params.get(f) ?? '').trim()])) as Record<(typeof FILTERS)[number], string>;
  const cursor = params.get('cursor') ?? '';
  const start = Math.max(1, Number(params.get('start')) || 1);
  const query = new URLSearchParams({ limit: '20' });
  for (const f of FILTERS) if (chosen[f]) query.set(f, chosen[f]);
  if (cursor) query.set('cursor', cursor);

  const names = await accountNames();
  let result: Page<AuditEntry> | null = null;
  let refused: ApiError | null = null;
  try {
    result = await api<Page<AuditEntry>>('GET', `/audit-log?${query.toString()}`);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 422 && e.status !== 400)) throw e;
    refused = e;
  }

  const any = { value: '', label: t('common.any') };
  const filters = h(
    'form',
    { method: 'get', action: '/staff/audit.html', class: 'filters', 'aria-labelledby': 'filters-title', id: 'audit-filters' },
    h('h2', { class: 'heading-s', id: 'filters-title' }, t('pipeline.audit.filterTitle')),
    h(
      'div',
      { class: 'filters__row' },
      select({ path: 'userId', label: t('pipeline.audit.user'), value: chosen.userId, options: [any, ...[...names].map(([id, name]) => ({ value: String(id), label: name }))] }),
      select({ path: 'action', label: t('pipeline.audit.action'), value: chosen.action, options: [any, ...ACTIONS.map((a) => ({ value: a, label: label('pipeline.audit.action', a) }))] }),
      select({ path: 'entity', label: t('pipeline.audit.entity'), value: chosen.entity, options: [any, ...ENTITIES.map((e) => ({ value: e, label: label('pipeline.audit.entity', e) }))] }),
      textInput({ path: 'entityId', label: t('pipeline.audit.entityId'), value: chosen.entityId, width: 'short', inputmode: 'numeric', spellcheck: false }),
      textInput({ path: 'from', label: t('pipeline.audit.from'), hint: t('pipeline.audit.dateHint'), value: chosen.from, width: 'medium', spellcheck: false }),
      textInput({ path: 'to', label: t('pipeline.audit.to'), hint: t('pipeline.audit.dateHint'), value: chosen.to, width: 'medium', spellcheck: false }),
    ),
    params.get('lang') ? h('input', { type: 'hidden', name: 'lang', value: params.get('lang') }) : null,
    h(
      'div',
      { class: 'button-group' },
      button(t('pipeline.audit.apply'), { variant: 'secondary', id: 'apply-filters' }),
      FILTERS.some((f) => chosen[f]) ? h('a', { href: '/staff/audit.html', class: 'action-link', id: 'clear-filters' }, t('pipeline.audit.clear')) : null,
    ),
  );

  const record = (e: AuditEntry) => {
    const kind = label('pipeline.audit.entity', e.entity);
    if (e.entity === 'seeker' && e.entityId !== null) return h('a', { href: seekerHref(e.entityId) }, `${kind} ${e.entityId}`);
    return e.entityId === null ? kind : `${kind} ${e.entityId}`;
  };

  let table: HTMLElement | null = null;
  if (result) {
    const last = start + result.data.length - 1;
    const next = new URLSearchParams(params);
    if (result.page.nextCursor) {
      next.set('cursor', result.page.nextCursor);
      next.set('start', String(last + 1));
    }
    const first = new URLSearchParams(params);
    first.delete('cursor');
    first.delete('start');
    table = result.data.length
      ? h(
          'div',
          null,
          h('h2', { class: 'heading-s', id: 'audit-caption' }, t('pipeline.audit.tableLabel')),
          h('p', { class: 'result-count', id: 'audit-range' }, t('pipeline.audit.range', start, last, result.page.total)),
          // A genuinely wide data table: at narrow widths it scrolls inside its own labelled, focusable region.
          h(
            'div',
            { class: 'table-scroll', role: 'region', 'aria-labelledby': 'audit-caption', tabindex: '0' },
            h(
              'table',
              { class: 'table', id: 'audit-table', 'aria-labelledby': 'audit-caption' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  [t('pipeline.audit.when'), t('pipeline.audit.user'), t('pipeline.audit.action'), t('pipeline.audit.record'), t('pipeline.audit.fields'), t('pipeline.audit.detail')].map((c) => h('th', { scope: 'col', class: 'table__header' }, c)),
                ),
              ),
              h(
                'tbody',
                null,
                result.data.map((e) =>
                  h(
                    'tr',
                    null,
                    h('td', { class: 'table__cell audit__when' }, L.dateTime(e.at)),
                    h('td', { class: 'table__cell' }, who(names, e.userId, ctx.lang)),
                    h('td', { class: 'table__cell' }, label('pipeline.audit.action', e.action)),
                    h('td', { class: 'table__cell' }, record(e)),
                    h('td', { class: 'table__cell' }, e.fields.map((f) => label('pipeline.audit.field', f)).join(t('common.listSep'))),
                    h('td', { class: 'table__cell' }, e.detail ? mixed(e.detail, ctx.lang) : ''),
                  ),
                ),
              ),
            ),
          ),
          cursor || result.page.nextCursor
            ? h(
            'nav',
            { class: 'pagination', 'aria-label': t('pipeline.audit.pages') },
            h(
              'ul',
              { class: 'pagination__list' },
              cursor ? h('li', null, h('a', { href: `?${first.toString()}`, id: 'audit-first' }, t('pipeline.audit.first'))) : null,
              result.page.nextCursor ? h('li', null, h('a', { href: `?${next.toString()}`, id: 'audit-next', rel: 'next' }, t('pipeline.audit.next'))) : null,
            ),
          )
            : null,
        )
      : h('p', { class: 'inset', id: 'audit-empty' }, t('pipeline.audit.empty'));
  }

  fill(ctx.page, h('h1', { class: 'heading-l' }, title), h('p', { class: 'lead' }, t('pipeline.audit.lead')), filters, table);
  if (refused) showErrors(ctx, filters, title, refused, { fallbackField: 'from' });
}
