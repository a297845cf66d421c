/** A job: what it is, what it provides against my needs, why it fits me, and "apply". */
import { ApiError, get, post } from '../api.js';
import { h, mixed, fill } from '../dom.js';
import { button, onSubmit, textarea, value } from '../forms.js';
import { t } from '../i18n.js';
import * as L from '../labels.js';
import { showBanner, successBanner, type PageContext } from '../layout.js';
import type { Application, Bilingual, Course, Explained, Job, Page, Seeker } from '../types.js';

/** `GET /seekers/:id/matches/:jobId`: the explanation, or why the job is ruled out. */
interface JobFit extends Partial<Explained> {
  eligible: boolean;
  exclusions: Bilingual[];
}
import { explanation, scoreDetails, scoreLine } from './explain.js';
import { fact, salaryText } from './seeker-matches.js';

export function idParam(): number | null {
  const raw = new URLSearchParams(location.search).get('id');
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function renderSeekerJob(ctx: PageContext): Promise<void> {
  const id = idParam();
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const seekerId = ctx.user!.seekerId!;
  const [job, seeker, applications] = await Promise.all([
    get<Job>(`/jobs/${id}`),
    get<Seeker>(`/seekers/${seekerId}`),
    get<Application[]>(`/applications?jobId=${id}`),
  ]);
  // Why it fits, for this job exactly: the score and reasons, or the rules that rule it out.
  const fit = await get<JobFit>(`/seekers/${seekerId}/matches/${id}`).catch(() => null);
  const match = fit?.eligible ? (fit as JobFit & Explained) : null;
  const courses = await Promise.all(job.requiredCourseIds.map((c) => get<Course>(`/courses/${c}`).catch(() => null)));

  const title = job.title;
  ctx.setTitle(title);
  const existing = applications.find((a) => a.jobId === id) ?? null;

  const needs = seeker.needs;
  const remote = job.workMode === 'remote';
  const needRows = needs.map((n) => {
    const provided = job.accommodations.includes(n.code);
    const moot = !provided && remote && L.workplaceOnly(n.code);
    const status = provided ? t('job.needProvided') : moot ? t('job.needMoot') : t('job.needMissing');
    return h(
      'li',
      { class: `need need--${provided || moot ? 'met' : 'unmet'}` },
      h('span', { class: 'need__mark', 'aria-hidden': 'true' }, provided || moot ? '✓' : '✗'),
      ' ',
      h('strong', null, L.accommodation(n.code)),
      ` (${n.strength === 'must' ? t('needs.must') : t('needs.prefer')})`,
      t('common.colon'),
      status,
    );
  });

  const applySection = h('section', { class: 'section', 'aria-labelledby': 'apply-title', id: 'apply' });
  const renderApply = (application: Application | null) => {
    applySection.replaceChildren(h('h2', { class: 'heading-m', id: 'apply-title' }, t('job.applyTitle')));
    if (application) {
      applySection.append(
        h('p', { id: 'applied-status' }, t('job.alreadyApplied', L.date(application.createdAt), t(`status.${application.status}`))),
        h('p', null, h('a', { href: '/seeker/applications.html' }, t('job.seeApplications'))),
      );
      return;
    }
    if (job.status !== 'open' || job.openings < 1) {
      applySection.append(h('p', null, t('job.closed')));
      return;
    }
    const form = h(
      'form',
      { method: 'post', action: '/api/v1/applications', class: 'form', id: 'apply-form' },
      h('p', null, t('job.applyIntro')),
      textarea({ path: 'message', label: t('job.messageLabel'), hint: t('job.messageHint'), rows: 4 }),
      button(t('job.applyButton'), { id: 'apply-button' }),
    );
    onSubmit(ctx, form, title, async () => {
      const message = value(form, 'message').trim();
      const created = await post<Application>('/applications', { jobId: id, ...(message ? { message } : {}) });
      renderApply(created);
      showBanner(
        ctx,
        successBanner(t('job.appliedBanner', job.title), h('p', null, h('a', { href: '/seeker/applications.html', class: 'banner__link' }, t('job.seeApplications')))),
      );
    });
    applySection.append(form);
  };
  renderApply(existing);

  fill(ctx.page, 
    h('p', { class: 'back' }, h('a', { href: '/seeker/matches.html', class: 'back-link' }, t('job.back'))),
    h('span', { class: 'caption' }, t('job.caption')),
    h('h1', { class: 'heading-l' }, mixed(job.title, ctx.lang)),
    job.memberName ? h('p', { class: 'lead' }, mixed(job.memberName, ctx.lang)) : null,
    job.status !== 'open' ? h('div', { class: 'inset' }, h('p', null, t('job.closed'))) : null,
    h(
      'dl',
      { class: 'facts' },
      fact(t('job.workMode'), L.workMode(job.workMode)),
      fact(t('job.street'), job.street ? L.street(job.street) : t('job.noStreet')),
      job.address ? fact(t('job.address'), mixed(job.address, ctx.lang)) : null,
      fact(t('job.hours'), L.hours(job.hours)),
      fact(t('job.salary'), salaryText(job.salaryMin, job.salaryMax)),
      fact(t('job.openings'), String(job.openings)),
    ),
    h('h2', { class: 'heading-m' }, t('job.about')),
    h('p', { class: 'prose' }, mixed(job.description || t('job.noDescription'), ctx.lang)),
    h('h2', { class: 'heading-m' }, t('job.skills')),
    h(
      'dl',
      { class: 'facts' },
      fact(t('job.requiredSkills'), job.requiredSkills.length ? mixed(job.requiredSkills.join(t('common.listSep')), ctx.lang) : t('common.none')),
      fact(t('job.preferredSkills'), job.preferredSkills.length ? mixed(job.preferredSkills.join(t('common.listSep')), ctx.lang) : t('common.none')),
    ),
    courses.some(Boolean)
      ? [
          h('h2', { class: 'heading-m' }, t('job.requiredCourses')),
          h(
            'ul',
            { class: 'list list--bullet' },
            courses.filter((c): c is Course => !!c).map((c) =>
              h(
                'li',
                null,
                h('span', { lang: ctx.lang === 'en' ? 'en' : 'zh-CN' }, ctx.lang === 'en' ? c.titleEn : c.titleZh),
                ' — ',
                mixed(c.provider, ctx.lang),
                c.startsOn ? `${t('common.listSep')}${t('course.dates', L.date(c.startsOn), L.date(c.endsOn))}` : '',
              ),
            ),
          ),
        ]
      : null,
    h('h2', { class: 'heading-m' }, t('job.accommodations')),
    job.accommodations.length
      ? h('ul', { class: 'list list--bullet' }, job.accommodations.map((a) => h('li', null, L.accommodation(a))))
      : h('p', null, t('job.noAccommodations')),
    needs.length ? [h('h2', { class: 'heading-m' }, t('job.yourNeeds')), h('ul', { class: 'list needs-check' }, needRows)] : null,
    match
      ? [h('h2', { class: 'heading-m', id: 'fit-title' }, t('job.fitTitle')), scoreLine(match.score), ...explanation(match, ctx.lang, 'h3', 'fit'), scoreDetails(match)]
      : [
          h('h2', { class: 'heading-m', id: 'fit-title' }, t('job.fitTitle')),
          h('p', null, t('job.notAMatch')),
          fit?.exclusions.length ? h('ul', { class: 'list list--bullet' }, fit.exclusions.map((x) => h('li', null, mixed(ctx.lang === 'en' ? x.en : x.zh, ctx.lang)))) : null,
        ],
    applySection,
  );
}
