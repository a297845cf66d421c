/**
 * 就业需求库: the demand library as staff manage it. Staff see the whole record (the certificate
 * number unmasked — the API writes each such read to the audit log), register and edit seekers,
 * enrol them on courses and record the outcome, and act on a request to delete personal data.
 */
import { api, patch, post } from '../../../api.js';
import { h, mixed, type Child } from '../../../dom.js';
import { button, choices, onSubmit, select, textarea, textInput, value } from '../../../forms.js';
import { t } from '../../../i18n.js';
import * as L from '../../../labels.js';
import { setFlash, type PageContext } from '../../../layout.js';
import { DISABILITY_CATEGORY_CODES, DISABILITY_LEVEL_CODES, PIPELINE_STAGE_CODES } from '../../../../../matching/vocabulary.js';
import type { Enrollment, Page, StaffSeeker } from '../../../types.js';
import { CONSENT_TEXT_VERSION } from '../../seeker-consents.js';
import { codeOptions, courseTitle } from './jobs.js';
import {
  checkboxesField,
  linesOf,
  listText,
  numberField,
  selectField,
  statusLabel,
  statusOptions,
  summaryList,
  textareaField,
  textField,
  type Field,
  type Library,
  type Lookups,
} from './kit.js';

const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
const categoryOptions = () => DISABILITY_CATEGORY_CODES.map((c) => ({ value: String(c), label: L.category(c) }));
const levelOptions = () => DISABILITY_LEVEL_CODES.map((c) => ({ value: String(c), label: L.level(c) }));
const SKILL_LEVEL = { basic: 'skillLevel.basic', intermediate: 'skillLevel.intermediate', advanced: 'skillLevel.advanced' } as const;
const ENROLLMENT_STATUS = { enrolled: 'lib.seeker.enrolled', completed: 'lib.seeker.completed', dropped: 'lib.seeker.dropped' } as const;

/** Skills one a line; a skill already held keeps its level, a new one starts at "basic" (the person refines it). */
function skillsField(): Field<StaffSeeker> {
  let held = new Map<string, StaffSeeker['skills'][number]['level']>();
  return {
    path: 'skills',
    render: (row) => {
      held = new Map((row?.skills ?? []).map((s) => [s.skill.toLowerCase(), s.level]));
      return textarea({ path: 'skills', label: t('lib.skills'), hint: t('lib.seeker.skillsHint'), value: (row?.skills ?? []).map((s) => s.skill).join('\n'), rows: 4 });
    },
    read: (form) => linesOf(value(form, 'skills')).map((skill) => ({ skill, level: held.get(skill.toLowerCase()) ?? 'basic' })),
  };
}

/** Each accommodation: not needed / good to have / must have (one vocabulary with the jobs' provisions). */
function needsField(): Field<StaffSeeker> {
  let sent: string[] = [];
  return {
    path: 'needs',
    render: (row) => {
      const strength = new Map((row?.needs ?? []).map((n) => [n.code, n.strength]));
      return h(
        'section',
        { class: 'section', id: 'needs', 'aria-labelledby': 'needs-title', 'data-field': 'needs' },
        h('h2', { class: 'heading-m', id: 'needs-title' }, t('lib.seeker.needs')),
        h('p', { class: 'hint' }, t('lib.seeker.needsExplain')),
        L.ACCOMMODATION_LIST.map((code) =>
          choices({
            path: `needs.${code}`,
            legend: L.accommodation(code),
            legendClass: 'fieldset__legend--s',
            type: 'radio',
            inline: true,
            small: true,
            options: [
              { value: 'none', label: t('lib.seeker.needNone'), checked: !strength.has(code) },
              { value: 'prefer', label: t('lib.seeker.needPrefer'), checked: strength.get(code) === 'prefer' },
              { value: 'must', label: t('lib.seeker.needMust'), checked: strength.get(code) === 'must' },
            ],
          }),
        ),
      );
    },
    read: (form) => {
      const needs = L.ACCOMMODATION_LIST.map((code) => ({ code, strength: value(form, `needs.${code}`) })).filter((n) => n.strength === 'must' || n.strength === 'prefer');
      sent = needs.map((n) => n.code);
      return needs;
    },
    mapPath: (path) => {
      const m = /^needs\.(\d+)/.exec(path);
      return m && sent[Number(m[1])] ? `needs.${sent[Number(m[1])]}` : null;
    },
  };
}

/** Registering needs the separate consent to process disability data (PIPL Art. 29); the other two are choices. */
function consentsField(): Field<StaffSeeker> {
  const KINDS = [
    ['sensitiveData', 'lib.seeker.consentSensitive'],
    ['matchAlerts', 'lib.seeker.consentAlerts'],
    ['shareWithEmployers', 'lib.seeker.consentShare'],
  ] as const;
  return {
    path: 'consents',
    createOnly: true,
    render: () =>
      choices({
        path: 'consents',
        legend: h('span', { class: 'heading-m fieldset__heading' }, t('lib.seeker.consentsLegend')),
        legendClass: 'fieldset__legend--m',
        hint: t('lib.seeker.consentsHint'),
        type: 'checkbox',
        options: KINDS.map(([kind, label]) => ({ value: kind, label: t(label), checked: false })),
      }),
    read: (form) => {
      const on = (kind: string) => !!form.querySelector<HTMLInputElement>(`input[name="consents"][value="${kind}"]:checked`);
      return { sensitiveData: on('sensitiveData'), matchAlerts: on('matchAlerts'), shareWithEmployers: on('shareWithEmployers'), textVersion: CONSENT_TEXT_VERSION };
    },
  };
}

export const SEEKERS: Library<StaffSeeker> = {
  plural: 'seekers',
  one: 'seeker',
  api: '/seekers',
  text: {
    title: 'lib.seekers.title',
    lead: 'lib.seekers.lead',
    qHint: 'lib.seekers.qHint',
    create: 'lib.seekers.create',
    createTitle: 'lib.seekers.createTitle',
    back: 'lib.seekers.back',
    caption: 'lib.seekers.caption',
    archiveWarning: 'lib.seekers.archiveWarning',
    nameLabel: 'lib.seeker.name',
  },
  lookups: ['courses'],
  // An anonymised record has no name left: it is known by its number.
  name: (s) => s.name || `#${s.id}`,
  filters: () => [
    { name: 'status', label: 'lib.status', options: statusOptions(['active', 'archived', 'anonymised']) },
    { name: 'category', label: 'lib.seeker.category', options: categoryOptions() },
    { name: 'level', label: 'lib.seeker.level', options: levelOptions() },
    { name: 'street', label: 'lib.street', options: codeOptions(L.STREET_LIST, L.street) },
    { name: 'stage', label: 'lib.seeker.stage', options: codeOptions(PIPELINE_STAGE_CODES, L.stage) },
    { name: 'need', label: 'lib.seeker.need', options: codeOptions(L.ACCOMMODATION_LIST, L.accommodation) },
    { name: 'skill', label: 'lib.seeker.skill', hint: 'lib.seeker.skillHint' },
  ],
  columns: [
    { label: 'lib.seeker.disability', cell: (s) => `${L.category(s.disabilityCategory)} · ${L.level(s.disabilityLevel)}` },
    { label: 'lib.street', cell: (s) => L.street(s.street) },
    { label: 'lib.seeker.stage', cell: (s) => L.stage(s.stage) },
    { label: 'lib.status', cell: (s) => statusLabel(s.status) },
  ],
  sections: [
    {
      title: 'lib.seeker.personal',
      rows: (s) => [
        ['lib.seeker.gender', s.gender === 'male' ? t('lib.seeker.gender.male') : t('lib.seeker.gender.female')],
        ['lib.seeker.birthYear', String(s.birthYear)],
        ['lib.seeker.disability', `${L.category(s.disabilityCategory)} · ${L.level(s.disabilityLevel)}`],
        [
          'lib.seeker.certificate',
          s.certificateNumber
            ? [h('span', { lang: 'en', class: 'nowrap-id', id: 'certificate-number' }, s.certificateNumber), s.certificateMasked ? null : h('span', { class: 'hint lib-note' }, t('lib.seeker.certificateAudit'))]
            : '',
        ],
        ['lib.seeker.phone', s.phone ?? ''],
        ['lib.seeker.email', s.email ? h('span', { lang: 'en' }, s.email) : ''],
        ['lib.street', `${L.street(s.street)}${s.community ? ` ${s.community}` : ''}`],
        ['lib.seeker.education', L.education(s.education)],
        ['lib.seeker.about', s.about],
        ['lib.seeker.stage', L.stage(s.stage)],
      ],
    },
  ],
  fields: () => [
    textField('name', 'lib.seeker.name', (s) => s.name, { autocomplete: 'off' }),
    textField('certificateNumber', 'lib.seeker.certificate', (s) => s.certificateNumber, { hint: 'lib.seeker.certificateHint', autocomplete: 'off' }),
    selectField('disabilityCategory', 'lib.seeker.category', (s) => s.disabilityCategory, categoryOptions(), { numeric: true }),
    selectField('disabilityLevel', 'lib.seeker.level', (s) => s.disabilityLevel, levelOptions(), { numeric: true }),
    textField('phone', 'lib.seeker.phone', (s) => s.phone, { hint: 'lib.seeker.phoneHint', nullable: true, type: 'tel', autocomplete: 'off' }),
    textField('email', 'lib.seeker.email', (s) => s.email, { nullable: true, type: 'email', autocomplete: 'off' }),
    selectField('street', 'lib.street', (s) => s.street, codeOptions(L.STREET_LIST, L.street)),
    textField('community', 'lib.seeker.community', (s) => s.community, { nullable: true }),
    selectField('education', 'lib.seeker.education', (s) => s.education, codeOptions(L.EDUCATION_LIST, L.education)),
    textareaField('about', 'lib.seeker.about', (s) => s.about),
    skillsField(),
    needsField(),
    checkboxesField('workModes', 'lib.seeker.workModes', (s) => s.workModes, codeOptions(L.WORK_MODE_LIST, L.workMode), { hint: 'lib.seeker.workModesHint' }),
    checkboxesField('preferredHours', 'lib.seeker.preferredHours', (s) => s.preferredHours, codeOptions(L.HOURS_LIST, L.hours)),
    numberField('salaryExpectation', 'lib.seeker.salary', (s) => s.salaryExpectation, { nullable: true }),
    consentsField(),
  ],
  actions: [
    {
      name: 'deletion-request',
      label: 'lib.seeker.requestDeletion',
      listed: false,
      when: (s) => s.status !== 'anonymised' && !s.deletionRequestedAt,
      done: 'lib.seeker.deletionRecorded',
      confirm: { title: 'lib.seeker.requestDeletionTitle', warning: 'lib.seeker.requestDeletionWarning', button: 'lib.seeker.requestDeletionButton' },
    },
    {
      name: 'anonymise',
      label: 'lib.seeker.anonymise',
      listed: false,
      when: (s) => s.status !== 'anonymised' && !!s.deletionRequestedAt,
      done: 'lib.seeker.anonymised',
      confirm: { title: 'lib.seeker.anonymiseTitle', warning: 'lib.seeker.anonymiseWarning', button: 'lib.seeker.anonymiseButton' },
    },
  ],
  more: (s, ctx, lookups) => seekerMore(s, ctx, lookups),
};

async function seekerMore(s: StaffSeeker, ctx: PageContext, { courses }: Lookups): Promise<Child> {
  const title = SEEKERS.name(s, ctx.lang);
  const detail = `/staff/seeker.html?id=${s.id}`;
  const enrollments = s.status === 'anonymised' ? [] : (await api<Page<Enrollment>>('GET', `/enrollments?seekerId=${s.id}&limit=100`)).data;
  const course = (id: number) => courseTitle(courses.find((c) => c.id === id), id);
  const musts = s.needs.filter((n) => n.strength === 'must').map((n) => L.accommodation(n.code));
  const prefers = s.needs.filter((n) => n.strength === 'prefer').map((n) => L.accommodation(n.code));
  const active = s.status === 'active';

  return [
    h('p', null, h('a', { href: `/staff/timeline.html?seekerId=${s.id}`, id: 'timeline-link' }, t('lib.seeker.timeline'))),

    h('h2', { class: 'heading-m' }, t('lib.skills')),
    s.skills.length ? h('ul', { class: 'list list--bullet', id: 'seeker-skills' }, s.skills.map((k) => h('li', null, mixed(k.skill, ctx.lang), ` — ${t(SKILL_LEVEL[k.level])}`))) : h('p', null, t('lib.none')),

    h('h2', { class: 'heading-m' }, t('lib.seeker.needs')),
    summaryList(
      [
        ['lib.seeker.mustList', listText(musts)],
        ['lib.seeker.preferList', listText(prefers)],
      ],
      ctx.lang,
    ),

    h('h2', { class: 'heading-m' }, t('lib.seeker.preferences')),
    summaryList(
      [
        ['lib.seeker.workModes', listText(s.workModes.map(L.workMode))],
        ['lib.seeker.preferredHours', s.preferredHours.length ? listText(s.preferredHours.map(L.hours)) : t('lib.seeker.noPreference')],
        ['lib.seeker.salary', s.salaryExpectation === null ? t('lib.seeker.noPreference') : t('lib.seeker.salaryValue', L.money(s.salaryExpectation))],
      ],
      ctx.lang,
    ),

    h('h2', { class: 'heading-m' }, t('lib.seeker.consents')),
    summaryList(
      [
        ['lib.seeker.consentSensitive', yesNo(s.consents.sensitiveData)],
        ['lib.seeker.consentAlerts', yesNo(s.consents.matchAlerts)],
        ['lib.seeker.consentShare', yesNo(s.consents.shareWithEmployers)],
      ],
      ctx.lang,
      'seeker-consents',
    ),
    h('p', { class: 'hint' }, t('lib.seeker.consentsNote')),

    h('h2', { class: 'heading-m', id: 'training-title' }, t('lib.seeker.training')),
    enrollments.length
      ? h(
          'table',
          { class: 'lib-table', id: 'enrollments', 'aria-labelledby': 'training-title' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('lib.seeker.course')), h('th', { scope: 'col' }, t('lib.seeker.enrollmentStatus')), h('th', { scope: 'col' }, t('lib.seeker.enrolledOn')), h('th', { scope: 'col' }, t('lib.seeker.completedOn')), h('th', { scope: 'col' }, t('lib.seeker.result')))),
          h(
            'tbody',
            null,
            enrollments.map((e) => {
              const cell = (label: Parameters<typeof t>[0], v: Child) => h('td', null, h('span', { class: 'lib-table__label', 'aria-hidden': 'true' }, t(label), t('common.colon')), v || t('lib.notStated'));
              return h(
                'tr',
                null,
                h('th', { scope: 'row', class: 'lib-table__name' }, h('a', { href: `/staff/course.html?id=${e.courseId}` }, course(e.courseId))),
                cell('lib.seeker.enrollmentStatus', t(ENROLLMENT_STATUS[e.status])),
                cell('lib.seeker.enrolledOn', L.date(e.enrolledOn)),
                cell('lib.seeker.completedOn', L.date(e.completedOn)),
                cell('lib.seeker.result', e.result ? mixed(e.result, ctx.lang) : ''),
              );
            }),
          ),
        )
      : h('p', { id: 'no-enrollments' }, t('lib.seeker.noTraining')),
    active ? enrolForm(ctx, s, courses.filter((c) => c.status === 'open'), detail) : null,
    active ? finishForm(ctx, title, enrollments.filter((e) => e.status === 'enrolled'), course, detail) : null,

    h('h2', { class: 'heading-m', id: 'deletion-title' }, t('lib.seeker.deletion')),
    s.status === 'anonymised'
      ? h('p', { id: 'deletion-status' }, t('lib.seeker.deletionDone'))
      : s.deletionRequestedAt
        ? [
            h('p', { id: 'deletion-status' }, t('lib.seeker.deletionRequested', L.date(s.deletionRequestedAt))),
            h('p', null, h('a', { href: `${detail}&action=anonymise`, class: 'button button--warning button--link', id: 'anonymise-link' }, t('lib.seeker.anonymise'))),
          ]
        : [
            h('p', { id: 'deletion-status' }, t('lib.seeker.deletionNone')),
            h('p', null, h('a', { href: `${detail}&action=deletion-request`, id: 'deletion-request-link' }, t('lib.seeker.requestDeletion'), h('span', { class: 'visually-hidden' }, `：${title}`))),
          ],
  ];
}

function enrolForm(ctx: PageContext, s: StaffSeeker, open: Lookups['courses'], back: string): HTMLElement {
  if (!open.length) return h('p', null, t('lib.seeker.noCourses'));
  const form = h(
    'form',
    { method: 'post', class: 'form lib-subform', id: 'enrol-form', 'aria-labelledby': 'enrol-title' },
    h('h3', { class: 'heading-s', id: 'enrol-title' }, t('lib.seeker.enrolTitle')),
    select({ path: 'courseId', label: t('lib.seeker.enrolCourse'), options: open.map((c) => ({ value: String(c.id), label: courseTitle(c, c.id) })) }),
    textInput({ path: 'enrolledOn', label: t('lib.seeker.enrolDate'), hint: t('lib.seeker.enrolDateHint'), width: 'short', spellcheck: false }),
    button(t('lib.seeker.enrolButton'), { variant: 'secondary', id: 'enrol-button' }),
  );
  onSubmit(
    ctx,
    form,
    SEEKERS.name(s, ctx.lang),
    async () => {
      const courseId = Number(value(form, 'courseId'));
      const enrolledOn = value(form, 'enrolledOn').trim();
      await post('/enrollments', { seekerId: s.id, courseId, ...(enrolledOn ? { enrolledOn } : {}) });
      setFlash('lib.seeker.enrolledBanner', courseTitle(open.find((c) => c.id === courseId), courseId));
      location.assign(back);
    },
    { fallbackField: 'courseId' },
  );
  return form;
}

function finishForm(ctx: PageContext, title: string, studying: Enrollment[], course: (id: number) => string, back: string): HTMLElement | null {
  if (!studying.length) return null;
  const form = h(
    'form',
    { method: 'post', class: 'form lib-subform', id: 'finish-form', 'aria-labelledby': 'finish-title' },
    h('h3', { class: 'heading-s', id: 'finish-title' }, t('lib.seeker.finishTitle')),
    select({ path: 'enrollment', label: t('lib.seeker.finishCourse'), options: studying.map((e) => ({ value: String(e.id), label: course(e.courseId) })) }),
    choices({
      path: 'status',
      legend: t('lib.seeker.finishOutcome'),
      type: 'radio',
      inline: true,
      options: [
        { value: 'completed', label: t('lib.seeker.finishCompleted'), checked: true },
        { value: 'dropped', label: t('lib.seeker.finishDropped'), checked: false },
      ],
    }),
    textInput({ path: 'completedOn', label: t('lib.seeker.finishDate'), hint: t('lib.seeker.finishDateHint'), width: 'short', spellcheck: false }),
    textInput({ path: 'result', label: t('lib.seeker.finishResult'), hint: t('lib.seeker.finishResultHint'), width: 'medium' }),
    button(t('lib.seeker.finishButton'), { variant: 'secondary', id: 'finish-button' }),
  );
  onSubmit(
    ctx,
    form,
    title,
    async () => {
      const id = Number(value(form, 'enrollment'));
      const status = value(form, 'status');
      const completedOn = value(form, 'completedOn').trim();
      const result = value(form, 'result').trim();
      await patch(`/enrollments/${id}`, { status, ...(status === 'completed' ? { completedOn: completedOn || null } : {}), ...(result ? { result } : {}) });
      const e = studying.find((x) => x.id === id);
      setFlash('lib.seeker.finishedBanner', e ? course(e.courseId) : '');
      location.assign(back);
    },
    { fallbackField: 'enrollment' },
  );
  return form;
}
