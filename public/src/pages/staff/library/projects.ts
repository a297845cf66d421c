/** 创业项目库: the entrepreneurship-project library as staff manage it (close, reopen, archive). */
import { t } from '../../../i18n.js';
import * as L from '../../../labels.js';
import { PROJECT_SUPPORT_CODES } from '../../../../../matching/vocabulary.js';
import type { Project } from '../../../types.js';
import { codeOptions } from './jobs.js';
import { checkboxesField, linesField, listText, numberField, selectField, statusLabel, statusOptions, textareaField, textField, type Library } from './kit.js';

export const PROJECTS: Library<Project> = {
  plural: 'projects',
  one: 'project',
  api: '/projects',
  text: {
    title: 'lib.projects.title',
    lead: 'lib.projects.lead',
    qHint: 'lib.projects.qHint',
    create: 'lib.projects.create',
    createTitle: 'lib.projects.createTitle',
    back: 'lib.projects.back',
    caption: 'lib.projects.caption',
    archiveWarning: 'lib.projects.archiveWarning',
    nameLabel: 'lib.project.title',
  },
  lookups: ['members'],
  name: (p) => p.title,
  filters: () => [
    { name: 'status', label: 'lib.status', options: statusOptions(['open', 'closed', 'archived']) },
    { name: 'street', label: 'lib.street', options: codeOptions(L.STREET_LIST, L.street) },
    { name: 'workMode', label: 'lib.workMode', options: codeOptions(L.WORK_MODE_LIST, L.workMode) },
    { name: 'sector', label: 'lib.project.sector', hint: 'lib.project.sectorHint' },
  ],
  columns: [
    { label: 'lib.project.sponsor', cell: (p) => p.sponsorName },
    { label: 'lib.project.sector', cell: (p) => p.sector },
    { label: 'lib.street', cell: (p) => L.street(p.street) },
    { label: 'lib.project.capacity', cell: (p) => String(p.capacity) },
    { label: 'lib.status', cell: (p) => statusLabel(p.status) },
  ],
  sections: [
    {
      title: 'lib.project.basics',
      rows: (p, { members }) => [
        ['lib.project.sponsor', p.sponsorName],
        ['lib.project.member', p.memberId === null ? t('lib.project.noMember') : (members.find((m) => m.id === p.memberId)?.name ?? `#${p.memberId}`)],
        ['lib.project.sector', p.sector],
        ['lib.description', p.description],
        ['lib.street', L.street(p.street)],
        ['lib.workMode', L.workMode(p.workMode)],
        ['lib.project.funding', p.fundingAmount === null ? '' : t('lib.project.fundingValue', L.money(p.fundingAmount))],
        ['lib.project.capacity', String(p.capacity)],
        ['lib.project.supports', listText(p.supports.map(L.support))],
        ['lib.skills', listText(p.skills)],
        ['lib.accommodations', listText(p.accommodations.map(L.accommodation))],
      ],
    },
  ],
  fields: ({ members }) => [
    textField('title', 'lib.project.title', (p) => p.title, { width: 'full' }),
    textField('sponsorName', 'lib.project.sponsor', (p) => p.sponsorName, { hint: 'lib.project.sponsorHint', width: 'full' }),
    selectField('memberId', 'lib.project.member', (p) => p.memberId, members.filter((m) => m.status === 'active').map((m) => ({ value: String(m.id), label: m.name })), { numeric: true, emptyLabel: 'lib.project.noMember' }),
    textField('sector', 'lib.project.sector', (p) => p.sector, { hint: 'lib.project.sectorHint' }),
    textareaField('description', 'lib.description', (p) => p.description, { rows: 5 }),
    selectField('street', 'lib.street', (p) => p.street, codeOptions(L.STREET_LIST, L.street)),
    selectField('workMode', 'lib.workMode', (p) => p.workMode, codeOptions(L.WORK_MODE_LIST, L.workMode)),
    numberField('fundingAmount', 'lib.project.funding', (p) => p.fundingAmount, { nullable: true }),
    numberField('capacity', 'lib.project.capacity', (p) => p.capacity),
    checkboxesField('supports', 'lib.project.supports', (p) => p.supports, codeOptions(PROJECT_SUPPORT_CODES, L.support)),
    linesField('skills', 'lib.skills', (p) => p.skills),
    checkboxesField('accommodations', 'lib.accommodations', (p) => p.accommodations, codeOptions(L.ACCOMMODATION_LIST, L.accommodation)),
  ],
  actions: [
    { name: 'close', label: 'lib.close', when: (p) => p.status === 'open', done: 'lib.closed' },
    { name: 'reopen', label: 'lib.reopen', when: (p) => p.status === 'closed', done: 'lib.reopened' },
  ],
};
