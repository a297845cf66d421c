/** 岗位供给库: the job-supply library as staff manage it (verify, close, reopen, archive). */
import { t } from '../../../i18n.js';
import * as L from '../../../labels.js';
import type { Job } from '../../../types.js';
import { checkboxesField, linesField, listText, numberField, selectField, statusLabel, statusOptions, textareaField, textField, yesNoField, type Library, type Option } from './kit.js';

export const codeOptions = (codes: readonly string[], label: (c: string) => string): Option[] => codes.map((c) => ({ value: c, label: label(c) }));
const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

function salary(job: Job): string {
  if (job.salaryMin === null && job.salaryMax === null) return '';
  return t('lib.job.salaryRange', L.money(job.salaryMin ?? 0), L.money(job.salaryMax ?? job.salaryMin ?? 0));
}

export const JOBS: Library<Job> = {
  plural: 'jobs',
  one: 'job',
  api: '/jobs',
  text: {
    title: 'lib.jobs.title',
    lead: 'lib.jobs.lead',
    qHint: 'lib.jobs.qHint',
    create: 'lib.jobs.create',
    createTitle: 'lib.jobs.createTitle',
    back: 'lib.jobs.back',
    caption: 'lib.jobs.caption',
    archiveWarning: 'lib.jobs.archiveWarning',
    nameLabel: 'lib.job.title',
  },
  lookups: ['members', 'courses'],
  name: (job) => job.title,
  filters: ({ members }) => [
    { name: 'status', label: 'lib.status', options: statusOptions(['open', 'closed', 'archived']) },
    { name: 'verified', label: 'lib.job.verified', options: [{ value: 'true', label: t('lib.job.verifiedYes') }, { value: 'false', label: t('lib.job.verifiedNo') }] },
    { name: 'memberId', label: 'lib.job.member', options: members.map((m) => ({ value: String(m.id), label: m.name })) },
    { name: 'street', label: 'lib.street', options: codeOptions(L.STREET_LIST, L.street) },
    { name: 'workMode', label: 'lib.workMode', options: codeOptions(L.WORK_MODE_LIST, L.workMode) },
    { name: 'accommodation', label: 'lib.job.accommodation', options: codeOptions(L.ACCOMMODATION_LIST, L.accommodation) },
    { name: 'skill', label: 'lib.job.skill', hint: 'lib.job.skillHint' },
  ],
  columns: [
    { label: 'lib.job.member', cell: (job) => job.memberName ?? '' },
    { label: 'lib.street', cell: (job) => L.street(job.street) },
    { label: 'lib.job.openings', cell: (job) => String(job.openings) },
    { label: 'lib.job.verified', cell: (job) => (job.verified ? t('lib.job.verifiedYes') : t('lib.job.verifiedNo')) },
    { label: 'lib.status', cell: (job) => statusLabel(job.status) },
  ],
  sections: [
    {
      title: 'lib.job.basics',
      rows: (job) => [
        ['lib.job.member', job.memberName ?? ''],
        ['lib.description', job.description],
        ['lib.street', L.street(job.street)],
        ['lib.job.address', job.address ?? ''],
        ['lib.workMode', L.workMode(job.workMode)],
        ['lib.job.hours', L.hours(job.hours)],
        ['lib.job.salary', salary(job)],
        ['lib.job.openings', String(job.openings)],
        ['lib.job.reserved', yesNo(job.reserved)],
        ['lib.job.verified', job.verified ? t('lib.job.verifiedYes') : t('lib.job.verifiedNo')],
        ['lib.job.postedAt', L.date(job.postedAt)],
      ],
    },
    {
      title: 'lib.job.requirements',
      rows: (job, { courses }) => [
        ['lib.job.requiredSkills', listText(job.requiredSkills)],
        ['lib.job.preferredSkills', listText(job.preferredSkills)],
        ['lib.job.requiredCourses', listText(job.requiredCourseIds.map((id) => courseTitle(courses.find((c) => c.id === id), id)))],
        ['lib.accommodations', listText(job.accommodations.map(L.accommodation))],
      ],
    },
  ],
  fields: ({ members, courses }) => [
    textField('title', 'lib.job.title', (j) => j.title, { width: 'full' }),
    { ...selectField<Job>('memberId', 'lib.job.member', (j) => j.memberId, members.filter((m) => m.status === 'active').map((m) => ({ value: String(m.id), label: m.name })), { numeric: true, hint: 'lib.job.memberHint' }), createOnly: true },
    textareaField('description', 'lib.description', (j) => j.description, { rows: 5 }),
    selectField('street', 'lib.street', (j) => j.street, codeOptions(L.STREET_LIST, L.street)),
    textField('address', 'lib.job.address', (j) => j.address, { nullable: true, width: 'full' }),
    selectField('workMode', 'lib.workMode', (j) => j.workMode, codeOptions(L.WORK_MODE_LIST, L.workMode)),
    selectField('hours', 'lib.job.hours', (j) => j.hours, codeOptions(L.HOURS_LIST, L.hours)),
    numberField('salaryMin', 'lib.job.salaryMin', (j) => j.salaryMin, { nullable: true }),
    numberField('salaryMax', 'lib.job.salaryMax', (j) => j.salaryMax, { nullable: true }),
    numberField('openings', 'lib.job.openings', (j) => j.openings),
    yesNoField('reserved', 'lib.job.reserved', (j) => j.reserved, { hint: 'lib.job.reservedHint', createDefault: true }),
    linesField('requiredSkills', 'lib.job.requiredSkills', (j) => j.requiredSkills),
    linesField('preferredSkills', 'lib.job.preferredSkills', (j) => j.preferredSkills),
    checkboxesField('requiredCourseIds', 'lib.job.requiredCourses', (j) => j.requiredCourseIds, courses.filter((c) => c.status === 'open').map((c) => ({ value: String(c.id), label: courseTitle(c, c.id) })), { numeric: true, hint: 'lib.job.requiredCoursesHint' }),
    checkboxesField('accommodations', 'lib.accommodations', (j) => j.accommodations, codeOptions(L.ACCOMMODATION_LIST, L.accommodation)),
  ],
  actions: [
    { name: 'verify', label: 'lib.job.verify', when: (j) => !j.verified && j.status !== 'archived', done: 'lib.job.verifiedBanner' },
    { name: 'close', label: 'lib.close', when: (j) => j.status === 'open', done: 'lib.closed' },
    { name: 'reopen', label: 'lib.reopen', when: (j) => j.status === 'closed', done: 'lib.reopened' },
  ],
};

/** A course's title in the page's language. */
export const courseTitle = (course: { titleZh: string; titleEn: string } | undefined, id: number): string => (course ? L.pick({ zh: course.titleZh, en: course.titleEn }) : `#${id}`);
