/**
 * Post a job, or change one (`?id=`): what the work is, where, pay, skills and courses, and the
 * checklist of accommodations the job provides (one vocabulary with seekers' needs). One request;
 * every problem the API finds is summarised above the h1 and linked to its field.
 */
import { ApiError, api, get, patch, post } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, checkedValues, choices, onSubmit, select, textarea, textInput, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { setFlash, type PageContext } from '../../layout.js';
import type { Course, Job, Page } from '../../types.js';
import { idParam, numberOrRaw, splitList } from './shared.js';

export async function renderEmployerJobEdit(ctx: PageContext): Promise<void> {
  const id = new URLSearchParams(location.search).has('id') ? idParam() : null;
  if (new URLSearchParams(location.search).has('id') && id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const [job, courses] = await Promise.all([id === null ? null : get<Job>(`/jobs/${id}`), api<Page<Course>>('GET', '/courses?status=open&limit=100')]);
  if (job && job.memberId !== ctx.user!.memberId) throw new ApiError(404, 'not_found', t('problem.notFoundTitle'));
  const title = job ? t('jobEdit.titleEdit') : t('jobEdit.titleNew');
  ctx.setTitle(title);
  const courseTitle = (c: Course) => (ctx.lang === 'en' ? c.titleEn : c.titleZh);
  // A course the job already requires stays listed even if it is no longer open.
  const courseList = [...courses.data];
  for (const cid of job?.requiredCourseIds ?? []) {
    if (!courseList.some((c) => c.id === cid)) {
      const c = await get<Course>(`/courses/${cid}`).catch(() => null);
      if (c) courseList.push(c);
    }
  }
  const listSep = ctx.lang === 'en' ? ', ' : '、';

  const form = h(
    'form',
    { method: 'post', action: job ? `/api/v1/jobs/${job.id}` : '/api/v1/jobs', class: 'form', id: 'job-form' },
    h('h2', { class: 'heading-m' }, t('jobEdit.aboutTitle')),
    textInput({ path: 'title', label: t('jobEdit.title'), hint: t('jobEdit.titleHint'), value: job?.title }),
    textarea({ path: 'description', label: t('jobEdit.description'), hint: t('jobEdit.descriptionHint'), value: job?.description, rows: 5 }),
    textInput({ path: 'openings', label: t('jobEdit.openings'), hint: t('memberEdit.numberHint'), value: job?.openings ?? 1, inputmode: 'numeric', width: 'short' }),
    choices({
      path: 'workMode',
      legend: t('jobEdit.workMode'),
      type: 'radio',
      options: L.WORK_MODE_LIST.map((c) => ({ value: c, label: L.workMode(c), checked: (job?.workMode ?? 'onsite') === c })),
    }),
    select({ path: 'street', label: t('jobEdit.street'), value: job?.street ?? null, options: L.STREET_LIST.map((c) => ({ value: c, label: L.street(c) })) }),
    textInput({ path: 'address', label: t('jobEdit.address'), hint: t('common.optional'), value: job?.address, autocomplete: 'street-address' }),
    choices({
      path: 'hours',
      legend: t('jobEdit.hours'),
      type: 'radio',
      options: L.HOURS_LIST.map((c) => ({ value: c, label: L.hours(c), checked: (job?.hours ?? 'full_time') === c })),
    }),
    textInput({ path: 'salaryMin', label: t('jobEdit.salaryMin'), hint: t('jobEdit.salaryHint'), value: job?.salaryMin, inputmode: 'numeric', width: 'short' }),
    textInput({ path: 'salaryMax', label: t('jobEdit.salaryMax'), hint: t('jobEdit.salaryHint'), value: job?.salaryMax, inputmode: 'numeric', width: 'short' }),
    choices({
      path: 'reserved',
      legend: t('jobEdit.reserved'),
      type: 'radio',
      inline: true,
      options: [
        { value: 'true', label: t('common.yes'), checked: job?.reserved ?? true },
        { value: 'false', label: t('common.no'), checked: job ? !job.reserved : false },
      ],
    }),

    h('h2', { class: 'heading-m' }, t('jobEdit.accommodationsTitle')),
    choices({
      path: 'accommodations',
      legend: t('jobEdit.accommodations'),
      hint: t('jobEdit.accommodationsHint'),
      type: 'checkbox',
      options: L.ACCOMMODATION_LIST.map((c) => ({ value: c, label: L.accommodation(c), checked: job?.accommodations.includes(c) ?? false })),
    }),

    h('h2', { class: 'heading-m' }, t('jobEdit.skillsTitle')),
    textInput({ path: 'requiredSkills', label: t('jobEdit.requiredSkills'), hint: t('jobEdit.skillsHint'), value: job?.requiredSkills.join(listSep) }),
    textInput({ path: 'preferredSkills', label: t('jobEdit.preferredSkills'), hint: t('jobEdit.skillsHint'), value: job?.preferredSkills.join(listSep) }),
    choices({
      path: 'requiredCourseIds',
      legend: t('jobEdit.courses'),
      hint: t('jobEdit.coursesHint'),
      type: 'checkbox',
      small: true,
      options: courseList.map((c) => ({ value: String(c.id), label: h('span', { lang: ctx.lang === 'en' ? 'en' : 'zh-CN' }, courseTitle(c)), checked: job?.requiredCourseIds.includes(c.id) ?? false })),
    }),
    h(
      'div',
      { class: 'button-group' },
      button(job ? t('jobEdit.save') : t('jobEdit.post'), { id: 'save-job' }),
      h('a', { href: job ? `/employer/job.html?id=${job.id}` : '/employer/jobs.html', class: 'action-link' }, t('common.cancel')),
    ),
  );

  onSubmit(ctx, form, title, async () => {
    const body = {
      title: value(form, 'title'),
      description: value(form, 'description'),
      openings: numberOrRaw(value(form, 'openings')) ?? value(form, 'openings'),
      workMode: value(form, 'workMode'),
      street: value(form, 'street'),
      address: value(form, 'address').trim() || null,
      hours: value(form, 'hours'),
      salaryMin: numberOrRaw(value(form, 'salaryMin')),
      salaryMax: numberOrRaw(value(form, 'salaryMax')),
      reserved: value(form, 'reserved') !== 'false',
      accommodations: checkedValues(form, 'accommodations'),
      requiredSkills: splitList(value(form, 'requiredSkills')),
      preferredSkills: splitList(value(form, 'preferredSkills')),
      requiredCourseIds: checkedValues(form, 'requiredCourseIds').map(Number),
    };
    const saved = job ? await patch<Job>(`/jobs/${job.id}`, body) : await post<Job>('/jobs', body);
    setFlash(job ? 'employer.job.saved' : 'employer.job.posted', saved.title);
    location.assign(`/employer/job.html?id=${saved.id}`);
  });

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: job ? `/employer/job.html?id=${job.id}` : '/employer/jobs.html', class: 'back-link' }, job ? t('jobEdit.backToJob') : t('jobEdit.back'))),
    job ? h('span', { class: 'caption' }, mixed(job.title, ctx.lang)) : null,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('jobEdit.lead')),
    form,
  );
}
