/** 社会助残联盟: the alliance's member employers and organisations, and what they pledged. */
import { h, mixed } from '../../../dom.js';
import { t } from '../../../i18n.js';
import * as L from '../../../labels.js';
import { MEMBER_KIND_CODES } from '../../../../../matching/vocabulary.js';
import type { AllianceMember } from '../../../types.js';
import { codeOptions } from './jobs.js';
import { dateField, numberField, selectField, statusLabel, statusOptions, textareaField, textField, type Library, type Option } from './kit.js';

const COMMITMENT = {
  committed: 'lib.member.commitment.committed',
  employer: 'lib.member.commitment.employer',
  leader: 'lib.member.commitment.leader',
} as const;
const commitmentOptions = (): Option[] => Object.entries(COMMITMENT).map(([value, key]) => ({ value, label: t(key) }));
const kindOptions = () => codeOptions(MEMBER_KIND_CODES, L.memberKind);

export const MEMBERS: Library<AllianceMember> = {
  plural: 'members',
  one: 'member',
  api: '/alliance-members',
  text: {
    title: 'lib.members.title',
    lead: 'lib.members.lead',
    qHint: 'lib.members.qHint',
    create: 'lib.members.create',
    createTitle: 'lib.members.createTitle',
    back: 'lib.members.back',
    caption: 'lib.members.caption',
    archiveWarning: 'lib.members.archiveWarning',
    nameLabel: 'lib.member.name',
  },
  name: (m) => m.name,
  filters: () => [
    { name: 'status', label: 'lib.status', options: statusOptions(['active', 'archived']) },
    { name: 'kind', label: 'lib.member.kind', options: kindOptions() },
    { name: 'commitmentLevel', label: 'lib.member.commitment', options: commitmentOptions() },
    { name: 'street', label: 'lib.street', options: codeOptions(L.STREET_LIST, L.street) },
  ],
  columns: [
    { label: 'lib.member.kind', cell: (m) => L.memberKind(m.kind) },
    { label: 'lib.street', cell: (m) => L.street(m.street) },
    { label: 'lib.member.pledged', cell: (m) => String(m.pledgedPositions) },
    { label: 'lib.member.commitment', cell: (m) => t(COMMITMENT[m.commitmentLevel]) },
    { label: 'lib.status', cell: (m) => statusLabel(m.status) },
  ],
  sections: [
    {
      title: 'lib.member.basics',
      rows: (m) => [
        ['lib.member.kind', L.memberKind(m.kind)],
        ['lib.member.creditCode', m.creditCode ? h('span', { lang: 'en', class: 'nowrap-id' }, m.creditCode) : ''],
        ['lib.street', L.street(m.street)],
        ['lib.member.address', m.address ?? ''],
        ['lib.description', m.description],
        ['lib.member.commitment', t(COMMITMENT[m.commitmentLevel])],
        ['lib.member.joinedOn', L.date(m.joinedOn)],
      ],
    },
    {
      title: 'lib.member.contact',
      rows: (m) => [
        ['lib.member.contactName', m.contactName ?? ''],
        ['lib.member.contactPhone', m.contactPhone ?? ''],
        ['lib.member.contactEmail', m.contactEmail ? h('span', { lang: 'en' }, m.contactEmail) : ''],
      ],
    },
    {
      title: 'lib.member.employment',
      rows: (m) => [
        ['lib.member.headcount', String(m.headcount)],
        ['lib.member.disabledHeadcount', String(m.disabledHeadcount)],
        ['lib.member.pledged', String(m.pledgedPositions)],
        ['lib.member.averageWage', m.averageWage === null ? '' : t('lib.member.averageWageValue', L.money(m.averageWage))],
        ['lib.member.jobs', h('a', { href: `/staff/jobs.html?memberId=${m.id}` }, t('lib.member.jobs'), h('span', { class: 'visually-hidden' }, `：${m.name}`))],
      ],
    },
  ],
  fields: () => [
    textField('name', 'lib.member.name', (m) => m.name, { width: 'full', autocomplete: 'organization' }),
    selectField('kind', 'lib.member.kind', (m) => m.kind, kindOptions()),
    textField('creditCode', 'lib.member.creditCode', (m) => m.creditCode, { hint: 'lib.member.creditCodeHint', nullable: true }),
    selectField('street', 'lib.street', (m) => m.street, codeOptions(L.STREET_LIST, L.street)),
    textField('address', 'lib.member.address', (m) => m.address, { nullable: true, width: 'full' }),
    textareaField('description', 'lib.description', (m) => m.description),
    textField('contactName', 'lib.member.contactName', (m) => m.contactName, { nullable: true }),
    textField('contactPhone', 'lib.member.contactPhone', (m) => m.contactPhone, { nullable: true, type: 'tel' }),
    textField('contactEmail', 'lib.member.contactEmail', (m) => m.contactEmail, { nullable: true, type: 'email' }),
    numberField('headcount', 'lib.member.headcount', (m) => m.headcount),
    numberField('disabledHeadcount', 'lib.member.disabledHeadcount', (m) => m.disabledHeadcount),
    numberField('pledgedPositions', 'lib.member.pledged', (m) => m.pledgedPositions),
    numberField('averageWage', 'lib.member.averageWage', (m) => m.averageWage, { nullable: true, hint: 'lib.member.averageWageHint' }),
    selectField('commitmentLevel', 'lib.member.commitment', (m) => m.commitmentLevel, commitmentOptions()),
    dateField('joinedOn', 'lib.member.joinedOn', (m) => m.joinedOn),
  ],
};
