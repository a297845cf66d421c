/** Change my organisation's details (the employer's own alliance member): one form, one PATCH. */
import { get, patch } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, onSubmit, select, textarea, textInput, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { setFlash, type PageContext } from '../../layout.js';
import type { AllianceMember } from '../../types.js';
import { numberOrRaw } from './shared.js';

export async function renderEmployerMemberEdit(ctx: PageContext): Promise<void> {
  const memberId = ctx.user!.memberId!;
  const member = await get<AllianceMember>(`/alliance-members/${memberId}`);
  const title = t('memberEdit.title');
  ctx.setTitle(title);

  const form = h(
    'form',
    { method: 'post', action: `/api/v1/alliance-members/${memberId}`, class: 'form', id: 'member-form' },
    textInput({ path: 'name', label: t('member.name'), value: member.name, autocomplete: 'organization' }),
    select({ path: 'kind', label: t('member.kind'), value: member.kind, options: L.MEMBER_KIND_LIST.map((c) => ({ value: c, label: L.memberKind(c) })) }),
    textInput({ path: 'creditCode', label: t('member.creditCode'), hint: t('memberEdit.creditCodeHint'), value: member.creditCode, width: 'medium', spellcheck: false }),
    select({ path: 'street', label: t('member.street'), value: member.street, options: L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) })) }),
    textInput({ path: 'address', label: t('member.address'), hint: t('common.optional'), value: member.address, autocomplete: 'street-address' }),
    textarea({ path: 'description', label: t('member.description'), hint: t('common.optional'), value: member.description, rows: 4 }),
    textInput({ path: 'contactName', label: t('member.contactName'), hint: t('common.optional'), value: member.contactName, autocomplete: 'name', width: 'medium' }),
    textInput({ path: 'contactPhone', label: t('member.contactPhone'), hint: t('common.optional'), value: member.contactPhone, type: 'tel', autocomplete: 'tel', width: 'medium' }),
    textInput({ path: 'contactEmail', label: t('member.contactEmail'), hint: t('common.optional'), value: member.contactEmail, type: 'email', autocomplete: 'email', width: 'medium', spellcheck: false }),
    textInput({ path: 'headcount', label: t('member.headcount'), hint: t('memberEdit.numberHint'), value: member.headcount, inputmode: 'numeric', width: 'short' }),
    textInput({ path: 'disabledHeadcount', label: t('member.disabledHeadcount'), hint: t('memberEdit.numberHint'), value: member.disabledHeadcount, inputmode: 'numeric', width: 'short' }),
    textInput({ path: 'pledgedPositions', label: t('member.pledgedPositions'), hint: t('memberEdit.numberHint'), value: member.pledgedPositions, inputmode: 'numeric', width: 'short' }),
    textInput({ path: 'averageWage', label: t('member.averageWage'), hint: t('memberEdit.wageHint'), value: member.averageWage, inputmode: 'numeric', width: 'short' }),
    h('div', { class: 'button-group' }, button(t('memberEdit.save'), { id: 'save-member' }), h('a', { href: '/employer/index.html', class: 'action-link' }, t('common.cancel'))),
  );

  onSubmit(ctx, form, title, async () => {
    const optional = (name: string) => value(form, name).trim() || null;
    // Required counts go as typed when blank, so the API names them; optional ones are cleared with null.
    const count = (name: string) => numberOrRaw(value(form, name)) ?? value(form, name);
    await patch(`/alliance-members/${memberId}`, {
      name: value(form, 'name'),
      kind: value(form, 'kind'),
      creditCode: optional('creditCode'),
      street: value(form, 'street'),
      address: optional('address'),
      description: value(form, 'description'),
      contactName: optional('contactName'),
      contactPhone: optional('contactPhone'),
      contactEmail: optional('contactEmail'),
      headcount: count('headcount'),
      disabledHeadcount: count('disabledHeadcount'),
      pledgedPositions: count('pledgedPositions'),
      averageWage: numberOrRaw(value(form, 'averageWage')),
    });
    setFlash('employer.member.saved');
    location.assign('/employer/index.html');
  });

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: '/employer/index.html', class: 'back-link' }, t('memberEdit.back'))),
    h('span', { class: 'caption' }, mixed(member.name, ctx.lang)),
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('memberEdit.lead')),
    form,
  );
}
