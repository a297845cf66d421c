/** 培训课程: the training catalogue behind "training → job adaptation → employment". */
import { t } from '../../../i18n.js';
import * as L from '../../../labels.js';
import type { CourseDetail } from '../../../types.js';
import { codeOptions, courseTitle } from './jobs.js';
import { checkboxesField, dateField, linesField, listText, numberField, selectField, statusLabel, statusOptions, textareaField, textField, type Library } from './kit.js';

export const COURSES: Library<CourseDetail> = {
  plural: 'courses',
  one: 'course',
  api: '/courses',
  text: {
    title: 'lib.courses.title',
    lead: 'lib.courses.lead',
    qHint: 'lib.courses.qHint',
    create: 'lib.courses.create',
    createTitle: 'lib.courses.createTitle',
    back: 'lib.courses.back',
    caption: 'lib.courses.caption',
    archiveWarning: 'lib.courses.archiveWarning',
    nameLabel: 'lib.seeker.course',
  },
  name: (c) => courseTitle(c, c.id),
  filters: () => [
    { name: 'status', label: 'lib.status', options: statusOptions(['open', 'archived']) },
    { name: 'workMode', label: 'lib.workMode', options: codeOptions(L.WORK_MODE_LIST, L.workMode) },
    { name: 'skill', label: 'lib.course.skill', hint: 'lib.course.skillHint' },
  ],
  columns: [
    { label: 'lib.course.code', cell: (c) => c.code },
    { label: 'lib.course.provider', cell: (c) => c.provider },
    { label: 'lib.course.dates', cell: (c) => (c.startsOn && c.endsOn ? t('course.dates', L.date(c.startsOn), L.date(c.endsOn)) : L.date(c.startsOn)) },
    { label: 'lib.status', cell: (c) => statusLabel(c.status) },
  ],
  sections: [
    {
      title: 'lib.course.basics',
      rows: (c) => [
        ['lib.course.code', c.code],
        ['lib.course.titleZh', c.titleZh],
        ['lib.course.titleEn', c.titleEn],
        ['lib.course.provider', c.provider],
        ['lib.description', c.description],
        ['lib.course.duration', t('lib.course.durationValue', c.durationHours)],
        ['lib.workMode', L.workMode(c.workMode)],
        ['lib.street', c.street ? L.street(c.street) : t('lib.course.noStreet')],
        ['lib.course.dates', c.startsOn && c.endsOn ? t('course.dates', L.date(c.startsOn), L.date(c.endsOn)) : L.date(c.startsOn)],
        ['lib.course.capacity', String(c.capacity)],
        ['lib.skills', listText(c.skills)],
        ['lib.accommodations', listText(c.accommodations.map(L.accommodation))],
      ],
    },
  ],
  fields: () => [
    textField('code', 'lib.course.code', (c) => c.code, { hint: 'lib.course.codeHint', width: 'short' }),
    textField('titleZh', 'lib.course.titleZh', (c) => c.titleZh, { width: 'full' }),
    textField('titleEn', 'lib.course.titleEn', (c) => c.titleEn, { width: 'full' }),
    textField('provider', 'lib.course.provider', (c) => c.provider, { width: 'full' }),
    textareaField('description', 'lib.description', (c) => c.description),
    numberField('durationHours', 'lib.course.duration', (c) => c.durationHours),
    selectField('workMode', 'lib.workMode', (c) => c.workMode, codeOptions(L.WORK_MODE_LIST, L.workMode)),
    selectField('street', 'lib.street', (c) => c.street, codeOptions(L.STREET_LIST, L.street), { emptyLabel: 'lib.course.noStreet' }),
    dateField('startsOn', 'lib.course.startsOn', (c) => c.startsOn, { nullable: true }),
    dateField('endsOn', 'lib.course.endsOn', (c) => c.endsOn, { nullable: true }),
    numberField('capacity', 'lib.course.capacity', (c) => c.capacity),
    linesField('skills', 'lib.skills', (c) => c.skills),
    checkboxesField('accommodations', 'lib.accommodations', (c) => c.accommodations, codeOptions(L.ACCOMMODATION_LIST, L.accommodation)),
  ],
};
