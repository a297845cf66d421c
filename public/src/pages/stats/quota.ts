/**
 * The employment quota dashboard (按比例安排残疾人就业).
 * - An employer sees their own member: staff, disabled employees as the rules count them, the
 *   shortfall, the estimated levy step by step, and what to do (their open jobs and the best
 *   candidates for each, anonymised as the API gives them).
 * - Staff see every member in one table (sorted by a GET parameter), open any member's view
 *   (`?memberId=`), and keep the policy settings: one list with each value's source, each
 *   changed on its own form (`?edit=<key>`) with the GOV.UK error summary.
 */
import { api, get, patch } from '../../api.js';
import { fill, h, hidden, mixed, type Child } from '../../dom.js';
import { button, choices, onSubmit, textInput, textarea, value } from '../../forms.js';
import { t, type Key } from '../../i18n.js';
import * as L from '../../labels.js';
import { setFlash, showBanner, successBanner, takeFlash, type PageContext } from '../../layout.js';
import type { Lang } from '../../prefs.js';
import { formatNumber, formatShare } from './table.js';
import type { LevyTier, PolicyKey, PolicySetting, QuotaMember, QuotaRow } from './types.js';

const SORTS = ['member', 'shortfall', 'levy'] as const;
type Sort = (typeof SORTS)[number];

const SORT_NAME: Record<Sort, Key> = { member: 'quota.sort.member', shortfall: 'quota.sort.shortfall', levy: 'quota.sort.levy' };
const TIER: Record<LevyTier, Key> = { exempt: 'quota.tier.exempt', met: 'quota.tier.met', upper: 'quota.tier.upper', lower: 'quota.tier.lower' };

/** Each policy setting: its name, what its number means, and how to show a value. */
const POLICY: Record<PolicyKey, { label: Key; hint: Key; show: (v: number | boolean, lang: Lang) => string }> = {
  quota_rate: { label: 'policy.quota_rate', hint: 'policy.quota_rate.hint', show: (v, l) => share(v, l) },
  severe_counts_double: { label: 'policy.severe_counts_double', hint: 'policy.severe_counts_double.hint', show: (v) => (v === true ? t('common.yes') : t('common.no')) },
  severe_max_level: { label: 'policy.severe_max_level', hint: 'policy.severe_max_level.hint', show: (v) => t('policy.levelsUpTo', Number(v)) },
  local_average_wage: { label: 'policy.local_average_wage', hint: 'policy.local_average_wage.hint', show: (v, l) => t('quota.yuanPerYear', formatNumber(Number(v), l)) },
  levy_tier_ratio: { label: 'policy.levy_tier_ratio', hint: 'policy.levy_tier_ratio.hint', show: (v, l) => share(v, l) },
  levy_share_upper_tier: { label: 'policy.levy_share_upper_tier', hint: 'policy.levy_share_upper_tier.hint', show: (v, l) => share(v, l) },
  levy_share_lower_tier: { label: 'policy.levy_share_lower_tier', hint: 'policy.levy_share_lower_tier.hint', show: (v, l) => share(v, l) },
  small_employer_max_staff: { label: 'policy.small_employer_max_staff', hint: 'policy.small_employer_max_staff.hint', show: (v, l) => t('quota.people', formatNumber(Number(v), l)) },
  wage_cap_multiple: { label: 'policy.wage_cap_multiple', hint: 'policy.wage_cap_multiple.hint', show: (v, l) => t('policy.times', formatNumber(Number(v), l)) },
};
const ORDER = Object.keys(POLICY) as PolicyKey[];
const isPolicyKey = (k: string): k is PolicyKey => Object.prototype.hasOwnProperty.call(POLICY, k);
const share = (v: number | boolean, lang: Lang) => formatShare(Number(v), lang);
const people = (n: number, lang: Lang) => t('quota.people', formatNumber(n, lang));
const yuan = (n: number, lang: Lang) => t('quota.yuan', formatNumber(n, lang));

export async function renderQuota(ctx: PageContext): Promise<void> {
  const params = new URLSearchParams(location.search);
  const user = ctx.user!;
  if (user.role === 'employer') return renderMember(ctx, user.memberId!, false);
  const memberId = Number(params.get('memberId'));
  if (Number.isInteger(memberId) && memberId > 0) return renderMember(ctx, memberId, true);
  const edit = params.get('edit') ?? '';
  if (isPolicyKey(edit)) return renderPolicyEdit(ctx, edit);
  return renderStaffOverview(ctx, (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : 'shortfall');
}

const fact = (key: string, val: Child, id?: string) =>
  h('div', { class: 'summary-list__row', id: id ?? null }, h('dt', { class: 'summary-list__key' }, key), h('dd', { class: 'summary-list__value' }, val));

/** One member's position (an employer their own; staff any, with a way back to the list). */
async function renderMember(ctx: PageContext, memberId: number, asStaff: boolean): Promise<void> {
  const m = await get<QuotaMember>(`/quota/members/${memberId}`);
  const lang = ctx.lang;
  const title = asStaff ? t('quota.memberTitleStaff') : t('quota.memberTitle');
  ctx.setTitle(`${title}${t('common.colon')}${m.memberName}`);
  const p = m.policy;
  const severe = p.severe_counts_double ? t('quota.severeLevels', p.severe_max_level) : '';

  const headline = (() => {
    if (m.tier === 'exempt') return t('quota.headline.exempt', p.small_employer_max_staff);
    if (m.tier === 'met') return t('quota.headline.met');
    return t('quota.headline.short', formatNumber(m.shortfall, lang), m.hiresToClear);
  })();

  const fmt = (n: number) => formatNumber(n, lang);
  const steps = [
    h('li', null, t('quota.step.required', fmt(m.headcount), share(p.quota_rate, lang), fmt(m.required))),
    h('li', null, t('quota.step.placed', fmt(m.placedCounted), fmt(m.disabledHeadcountReported), fmt(m.hiresStillEmployed), p.severe_counts_double ? fmt(m.severeHires) : '0')),
    h('li', null, t('quota.step.shortfall', fmt(m.required), fmt(m.placedCounted), fmt(m.shortfall))),
    m.tier === 'exempt' || m.tier === 'met'
      ? h('li', null, m.tier === 'exempt' ? t('quota.step.exempt', fmt(m.headcount), p.small_employer_max_staff) : t('quota.step.met'))
      : [
          h(
            'li',
            null,
            m.wageEstimated ? t('quota.step.wageEstimated', yuan(p.local_average_wage, lang)) : t('quota.step.wage', yuan(m.averageWage ?? 0, lang)),
            ' ',
            m.wageCapped ? t('quota.step.wageCapped', formatNumber(p.wage_cap_multiple, lang), yuan(m.wageBase, lang)) : t('quota.step.wageCap', formatNumber(p.wage_cap_multiple, lang), yuan(p.wage_cap_multiple * p.local_average_wage, lang)),
          ),
          h('li', null, t('quota.step.full', fmt(m.shortfall), yuan(m.wageBase, lang), yuan(m.fullLevy, lang))),
          h('li', null, t(m.tier === 'upper' ? 'quota.step.upper' : 'quota.step.lower', m.ratio === null ? '—' : share(m.ratio, lang), share(p.levy_tier_ratio, lang), share(m.share, lang))),
        ],
    h('li', { id: 'levy-result' }, h('strong', null, t('quota.step.levy', yuan(m.levy, lang)))),
  ];

  const jobs = m.openJobs.length
    ? h(
        'ul',
        { class: 'cards', id: 'quota-jobs' },
        m.openJobs.map((j) =>
          h(
            'li',
            { class: 'card' },
            h('h3', { class: 'heading-s card__title' }, asStaff ? mixed(j.title, lang) : h('a', { href: `/employer/job.html?id=${j.id}`, class: 'card__link' }, mixed(j.title, lang))),
            h('p', null, t('quota.openings', j.openings)),
            j.candidates.length
              ? [
                  h('p', { class: 'quota-candidates__intro' }, t('quota.bestCandidates')),
                  h(
                    'ol',
                    { class: 'list list--number quota-candidates' },
                    j.candidates.map((c) =>
                      h(
                        'li',
                        null,
                        h('strong', null, t('match.score', Math.round(c.score * 100))),
                        c.skills.length ? [t('common.colon'), t('quota.candidateSkills'), mixed(c.skills.join(t('common.listSep')), lang)] : null,
                        c.reasons[0] ? h('br') : null,
                        c.reasons[0] ? mixed(L.pick(c.reasons[0]), lang) : null,
                      ),
                    ),
                  ),
                ]
              : h('p', null, t('quota.noCandidates')),
            asStaff ? null : h('p', null, h('a', { href: `/employer/job.html?id=${j.id}` }, t('quota.seeCandidates'), hidden(t('common.colon'), j.title))),
          ),
        ),
      )
    : h('p', { class: 'inset', id: 'quota-no-jobs' }, asStaff ? t('quota.noJobsStaff') : t('quota.noJobs'));

  fill(
    ctx.page,
    asStaff ? h('p', { class: 'back' }, h('a', { href: '/quota.html', class: 'back-link' }, t('quota.backToList'))) : null,
    h('span', { class: 'caption' }, mixed(m.memberName, lang)),
    h('h1', { class: 'heading-l' }, title),
    h('div', { class: 'quota-headline', id: 'quota-headline' }, h('p', { class: 'quota-headline__text' }, headline), m.tier === 'upper' || m.tier === 'lower' ? h('p', null, t('quota.headline.levy', yuan(m.levy, lang))) : null),
    h('h2', { class: 'heading-m' }, t('quota.figuresTitle')),
    h(
      'dl',
      { class: 'summary-list summary-list--compact', id: 'quota-figures' },
      fact(t('quota.headcount'), people(m.headcount, lang)),
      fact(t('quota.required'), t('quota.requiredValue', fmt(m.required), share(p.quota_rate, lang))),
      fact(t('quota.placed'), people(m.placedCounted, lang)),
      fact(t('quota.shortfall'), people(m.shortfall, lang), 'quota-shortfall'),
      fact(t('quota.hiresToClear'), m.hiresToClear ? [t('quota.hiresValue', m.hiresToClear), p.severe_counts_double ? [' ', t('quota.severeHiresValue', m.severeHiresToClear, severe)] : null] : t('quota.none')),
      fact(t('quota.levy'), [yuan(m.levy, lang), ' ', h('span', { class: 'hint' }, t(TIER[m.tier]))], 'quota-levy'),
    ),
    h('h2', { class: 'heading-m' }, t('quota.levyTitle')),
    h('ol', { class: 'list list--number', id: 'quota-steps' }, steps),
    h('p', { class: 'hint' }, t('quota.estimateNote')),
    h('h2', { class: 'heading-m' }, t('quota.actionsTitle')),
    h('p', null, asStaff ? t('quota.actionsIntroStaff') : t('quota.actionsIntro')),
    jobs,
    h('h2', { class: 'heading-m' }, t('quota.rulesTitle')),
    h('p', null, t('quota.rulesIntro')),
    h(
      'dl',
      { class: 'summary-list summary-list--compact', id: 'quota-rules' },
      ORDER.map((k) => fact(t(POLICY[k].label), POLICY[k].show(p[k], lang))),
    ),
  );
}

/** Staff: every member in one table, then the policy settings. */
async function renderStaffOverview(ctx: PageContext, sort: Sort): Promise<void> {
  const title = t('quota.overviewTitle');
  ctx.setTitle(title);
  const lang = ctx.lang;
  const [rows, settings] = await Promise.all([allMembers(), get<PolicySetting[]>('/policy-settings')]);
  const sorted = [...rows].sort((a, b) => (sort === 'shortfall' ? b.shortfall - a.shortfall : sort === 'levy' ? b.levy - a.levy : 0) || a.memberId - b.memberId);
  const langParam = new URLSearchParams(location.search).get('lang');
  const href = (extra: Record<string, string>) => `/quota.html?${new URLSearchParams({ ...extra, ...(langParam ? { lang: langParam } : {}) }).toString()}`;
  const sortable = (key: Sort, label: string) =>
    h(
      'th',
      { scope: 'col', class: 'table__header table__cell--numeric', 'aria-sort': sort === key ? 'descending' : null },
      sort === key ? [label, hidden(t('quota.sortedDesc'))] : h('a', { href: href({ sort: key }), class: 'table__sort' }, label, hidden(t('quota.sortBy'))),
    );

  const flash = takeFlash();
  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('quota.overviewLead')),
    h('p', { class: 'result-count', id: 'sorted-by' }, t(sort === 'shortfall' ? 'quota.sortedByShortfall' : sort === 'levy' ? 'quota.sortedByLevy' : 'quota.sortedByMember')),
    h(
      'nav',
      { class: 'stats-by', 'aria-label': t('quota.sortLabel') },
      h('span', { class: 'stats-by__label', 'aria-hidden': 'true' }, t('quota.sortLabel')),
      h(
        'ul',
        { class: 'stats-by__list' },
        SORTS.map((s) => h('li', null, h('a', { href: href({ sort: s }), class: 'stats-by__link', 'aria-current': sort === s ? 'true' : null }, t(SORT_NAME[s]), sort === s ? hidden(t('stats.current')) : null))),
      ),
    ),
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-labelledby': 'quota-table-caption', tabindex: '0' },
      h(
        'table',
        { class: 'table', id: 'quota-table' },
        h('caption', { class: 'table__caption', id: 'quota-table-caption' }, t('quota.tableCaption')),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col', class: 'table__header', 'aria-sort': sort === 'member' ? 'ascending' : null }, sort === 'member' ? t('quota.col.member') : h('a', { href: href({ sort: 'member' }), class: 'table__sort' }, t('quota.col.member'), hidden(t('quota.sortBy')))),
            h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, t('quota.col.headcount')),
            h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, t('quota.col.required')),
            h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, t('quota.col.placed')),
            sortable('shortfall', t('quota.col.shortfall')),
            h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, t('quota.col.hires')),
            sortable('levy', t('quota.col.levy')),
            h('th', { scope: 'col', class: 'table__header' }, t('quota.col.tier')),
            h('th', { scope: 'col', class: 'table__header table__cell--numeric' }, t('quota.col.openJobs')),
          ),
        ),
        h(
          'tbody',
          null,
          sorted.map((r) =>
            h(
              'tr',
              { 'data-member': r.memberId },
              h('th', { scope: 'row', class: 'table__header table__header--row' }, h('a', { href: href({ memberId: String(r.memberId) }) }, mixed(r.memberName, lang))),
              h('td', { class: 'table__cell table__cell--numeric' }, formatNumber(r.headcount, lang)),
              h('td', { class: 'table__cell table__cell--numeric' }, formatNumber(r.required, lang)),
              h('td', { class: 'table__cell table__cell--numeric' }, formatNumber(r.placedCounted, lang)),
              h('td', { class: 'table__cell table__cell--numeric', 'data-column': 'shortfall' }, formatNumber(r.shortfall, lang)),
              h('td', { class: 'table__cell table__cell--numeric' }, formatNumber(r.hiresToClear, lang)),
              h('td', { class: 'table__cell table__cell--numeric', 'data-column': 'levy' }, formatNumber(r.levy, lang)),
              h('td', { class: 'table__cell' }, t(TIER[r.tier])),
              h('td', { class: 'table__cell table__cell--numeric' }, formatNumber(r.openJobs, lang)),
            ),
          ),
        ),
      ),
    ),
    h('h2', { class: 'heading-m', id: 'policy' }, t('quota.policyTitle')),
    h('p', null, t('quota.policyIntro')),
    h(
      'dl',
      { class: 'summary-list', id: 'policy-settings' },
      // In the order a reader needs them (rate, counting, wages, tiers), not the API's alphabetical one.
      ORDER.flatMap((k) => settings.filter((s) => s.key === k)).map((s) => {
        const key = s.key as PolicyKey;
        const def = POLICY[key];
        const v = typeof s.value === 'string' ? Number(s.value) : s.value;
        return h(
          'div',
          { class: 'summary-list__row', id: `policy-${key}` },
          h('dt', { class: 'summary-list__key' }, t(def.label)),
          h(
            'dd',
            { class: 'summary-list__value' },
            h('p', { class: 'policy-value' }, h('strong', null, def.show(v, lang)), ' ', h('span', { class: 'hint' }, t('policy.defaultIs', def.show(s.defaultValue, lang)))),
            h('p', { class: 'hint policy-source' }, t('policy.source'), mixed(s.source, lang)),
            s.updatedByUserId ? h('p', { class: 'hint' }, t('policy.changedOn', L.date(s.updatedAt))) : null,
          ),
          h('dd', { class: 'summary-list__actions' }, h('a', { href: href({ edit: key }), id: `change-${key}` }, t('policy.change'), hidden(t('common.colon'), t(def.label)))),
        );
      }),
    ),
  );
  if (flash?.key === 'quota.policySaved') showBanner(ctx, successBanner(t('quota.policySaved', flash.detail ?? '')));
}

/** Every active member, a page of the API at a time. */
async function allMembers(): Promise<QuotaRow[]> {
  const out: QuotaRow[] = [];
  let cursor: number | null = null;
  do {
    const res: { data: QuotaRow[]; page: { nextCursor: number | null } } = await api('GET', `/quota/members?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`);
    out.push(...res.data);
    cursor = res.page.nextCursor;
  } while (cursor !== null);
  return out;
}

/** Staff change one policy value and say where it comes from; the API checks it and names what is wrong. */
async function renderPolicyEdit(ctx: PageContext, key: PolicyKey): Promise<void> {
  const def = POLICY[key];
  const title = t('policy.editTitle', t(def.label));
  ctx.setTitle(title);
  const settings = await get<PolicySetting[]>('/policy-settings');
  const setting = settings.find((s) => s.key === key);
  const current = setting?.value ?? null;
  const isBoolean = typeof current === 'boolean';
  const langParam = new URLSearchParams(location.search).get('lang');
  const back = `/quota.html${langParam ? `?lang=${langParam}` : ''}#policy`;

  const form = h(
    'form',
    { class: 'form', id: 'policy-form' },
    isBoolean
      ? choices({
          path: 'value',
          legend: t('policy.newValue'),
          hint: t(def.hint),
          type: 'radio',
          inline: true,
          options: [
            { value: 'true', label: t('common.yes'), checked: current === true },
            { value: 'false', label: t('common.no'), checked: current === false },
          ],
        })
      : textInput({ path: 'value', label: t('policy.newValue'), hint: t(def.hint), value: current === null ? '' : String(current), inputmode: 'decimal', autocomplete: 'off', width: 'medium', spellcheck: false }),
    textarea({ path: 'source', label: t('policy.sourceLabel'), hint: t('policy.sourceHint'), value: setting?.source ?? '', rows: 5 }),
    h('div', { class: 'button-group' }, button(t('policy.save'), { id: 'save-policy' }), h('a', { href: back, class: 'stats-clear' }, t('common.cancel'))),
  );

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: back, class: 'back-link' }, t('quota.backToList'))),
    h('h1', { class: 'heading-l' }, title),
    h('p', null, t('policy.currentIs', current === null ? '' : def.show(current as number | boolean, ctx.lang))),
    form,
  );

  onSubmit(ctx, form, title, async () => {
    const raw = value(form, 'value').trim();
    // Sent as typed: the API checks each key's own rule and names the field when it is wrong.
    const parsed: unknown = isBoolean ? (raw === 'true' ? true : raw === 'false' ? false : null) : raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    await patch(`/policy-settings/${key}`, { value: parsed, source: value(form, 'source') });
    setFlash('quota.policySaved', t(def.label));
    location.assign(back);
  });
}
