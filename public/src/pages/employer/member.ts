/** My organisation: the alliance member's profile, its pledge of reserved positions against what is posted now. */
import { api, get } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { t, tKey } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, takeFlash, type PageContext } from '../../layout.js';
import type { AllianceMember, Job, Page } from '../../types.js';

function row(key: string, value: string | Node): HTMLElement {
  return h('div', { class: 'summary-list__row' }, h('dt', { class: 'summary-list__key' }, key), h('dd', { class: 'summary-list__value' }, value));
}

export async function renderEmployerMember(ctx: PageContext): Promise<void> {
  const memberId = ctx.user!.memberId!;
  const [member, openJobs, hired] = await Promise.all([
    get<AllianceMember>(`/alliance-members/${memberId}`),
    api<Page<Job>>('GET', `/jobs?memberId=${memberId}&status=open&limit=100`),
    api<Page<unknown>>('GET', '/applications?status=hired&limit=1'),
  ]);
  const title = t('employer.member.title');
  ctx.setTitle(title);
  const text = (v: string | null | undefined) => (v ? mixed(v, ctx.lang) : t('common.notGiven'));
  const reservedOpen = openJobs.data.filter((j) => j.reserved);
  const placesOpen = reservedOpen.reduce((sum, j) => sum + j.openings, 0);
  // Posted = places still open + hires through the service (README: "posted" in the alliance statistics).
  const gap = member.pledgedPositions - placesOpen - hired.page.total;
  const active = member.status === 'active';

  fill(
    ctx.page,
    h('span', { class: 'caption' }, title),
    h('h1', { class: 'heading-l' }, mixed(member.name, ctx.lang)),
    h('p', { class: 'lead' }, t('employer.member.lead')),
    active ? null : h('div', { class: 'inset', id: 'member-archived' }, h('p', null, t('employer.member.archived'))),

    h('section', { class: 'section', 'aria-labelledby': 'pledge-title' },
      h('h2', { class: 'heading-m', id: 'pledge-title' }, t('employer.member.pledgeTitle')),
      h('p', null, t('employer.member.pledgeLead')),
      h('dl', { class: 'summary-list', id: 'pledge' },
        row(t('employer.member.pledged'), String(member.pledgedPositions)),
        row(t('employer.member.openJobs'), String(reservedOpen.length)),
        row(t('employer.member.openPlaces'), String(placesOpen)),
        row(t('employer.member.hired'), String(hired.page.total)),
      ),
      h('div', { class: 'inset' }, h('p', null, gap > 0 ? t('employer.member.pledgeGap', gap) : t('employer.member.pledgeMet'))),
      h('div', { class: 'button-group' },
        active ? h('a', { href: '/employer/job-edit.html', class: 'button button--primary', id: 'post-job' }, t('employer.member.postJob')) : null,
        h('a', { href: '/employer/jobs.html', class: 'action-link' }, t('employer.member.seeJobs')),
        h('a', { href: '/quota.html', class: 'action-link' }, t('employer.member.seeQuota')),
      ),
    ),

    h('section', { class: 'section', 'aria-labelledby': 'profile-title' },
      h('h2', { class: 'heading-m', id: 'profile-title' }, t('employer.member.profile')),
      h('dl', { class: 'summary-list', id: 'member-profile' },
        row(t('member.name'), mixed(member.name, ctx.lang)),
        row(t('member.kind'), L.memberKind(member.kind)),
        row(t('member.creditCode'), member.creditCode ? h('span', { class: 'nowrap-id' }, member.creditCode) : t('common.notGiven')),
        row(t('member.street'), L.street(member.street)),
        row(t('member.address'), text(member.address)),
        row(t('member.description'), text(member.description)),
        row(t('member.contactName'), text(member.contactName)),
        row(t('member.contactPhone'), text(member.contactPhone)),
        row(t('member.contactEmail'), text(member.contactEmail)),
        row(t('member.headcount'), L.money(member.headcount)),
        row(t('member.disabledHeadcount'), L.money(member.disabledHeadcount)),
        row(t('member.averageWage'), member.averageWage === null ? t('common.notGiven') : L.money(member.averageWage)),
        row(t('member.commitmentLevel'), t(`commitment.${member.commitmentLevel}`)),
        row(t('member.joinedOn'), L.date(member.joinedOn)),
      ),
      active ? h('p', null, h('a', { href: '/employer/member-edit.html', class: 'button button--secondary', id: 'edit-member' }, t('employer.member.edit'))) : null,
    ),
  );
  const flash = takeFlash();
  if (flash) showBanner(ctx, successBanner(tKey(flash.key, flash.detail ?? '')));
}
