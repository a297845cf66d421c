/**
 * One of my jobs: its facts and status (close / reopen), and the people who fit it, ranked and
 * explained as the API gives them — anonymised until a seeker applies or accepts — each with "invite".
 */
import { ApiError, api, get, post } from '../../api.js';
import { focusElement, h, hidden, mixed, fill } from '../../dom.js';
import { button, onSubmit, textInput, value } from '../../forms.js';
import { t, tKey } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, takeFlash, type PageContext } from '../../layout.js';
import type { Application, Candidate, Course, Job, Page } from '../../types.js';
import { scoreDetails, scoreLine } from '../explain.js';
import { applicationStatusTag, bracket, fact, idParam, jobStatusTag, numberOrRaw, salaryText } from './shared.js';

export async function renderEmployerJob(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const id = idParam();
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const job = await get<Job>(`/jobs/${id}`);
  if (job.memberId !== ctx.user!.memberId) throw new ApiError(404, 'not_found', t('problem.notFoundTitle'));
  const [candidates, applications, courses] = await Promise.all([
    get<Candidate[]>(`/jobs/${id}/candidates?limit=10`),
    api<Page<Application>>('GET', `/applications?jobId=${id}&limit=100`),
    Promise.all(job.requiredCourseIds.map((c) => get<Course>(`/courses/${c}`).catch(() => null))),
  ]);
  const title = job.title;
  ctx.setTitle(title);
  // Candidates who already have an application (or invitation) here are not invited twice.
  const applied = new Map(applications.data.map((a) => [a.seekerId, a.status]));
  const list = (items: string[]) => (items.length ? mixed(items.join(t('common.listSep')), ctx.lang) : t('common.none'));
  const rerender = (b: HTMLElement) => renderEmployerJob(ctx, b);

  // Close or reopen: one button, or a small form when reopening may need places again.
  const statusSection = h('section', { class: 'section', 'aria-labelledby': 'status-title', id: 'job-status' }, h('h2', { class: 'heading-m', id: 'status-title' }, t('employer.job.statusTitle')));
  if (job.status === 'open') {
    const form = h('form', { method: 'post', action: `/api/v1/jobs/${id}/close`, class: 'form', id: 'close-form' }, h('p', null, t('employer.job.closeHelp')), button(t('employer.job.close'), { variant: 'warning', id: 'close-job' }));
    onSubmit(ctx, form, title, async () => {
      await post(`/jobs/${id}/close`);
      await rerender(successBanner(t('employer.job.closed', job.title)));
    });
    statusSection.append(form);
  } else if (job.status === 'closed') {
    const form = h(
      'form',
      { method: 'post', action: `/api/v1/jobs/${id}/reopen`, class: 'form', id: 'reopen-form' },
      h('p', null, t('employer.job.reopenHelp')),
      textInput({ path: 'openings', label: t('employer.job.reopenOpenings'), hint: t('memberEdit.numberHint'), value: Math.max(job.openings, 1), inputmode: 'numeric', width: 'short' }),
      button(t('employer.job.reopen'), { id: 'reopen-job' }),
    );
    onSubmit(ctx, form, title, async () => {
      await post(`/jobs/${id}/reopen`, { openings: numberOrRaw(value(form, 'openings')) ?? value(form, 'openings') });
      await rerender(successBanner(t('employer.job.reopened', job.title)));
    });
    statusSection.append(form);
  } else {
    statusSection.append(h('p', null, t('employer.job.archivedNote')));
  }

  const candidateCard = (c: Candidate, i: number) => {
    const n = i + 1;
    const cid = `candidate-${n}`;
    const existing = applied.get(c.candidate.seekerId);
    const actions = h('div', { class: 'button-group', id: `${cid}-actions` });
    if (existing) {
      actions.append(h('p', null, t('candidates.already', t(`empStatus.${existing}`))));
    } else if (job.status === 'open') {
      const invite = h('button', { type: 'button', class: 'button button--primary', 'data-invite': String(c.candidate.seekerId), id: `${cid}-invite` }, t('candidates.invite'), hidden(t('candidates.inviteFor', n)));
      invite.addEventListener('click', () => {
        invite.disabled = true;
        void post<Application>(`/jobs/${id}/invitations`, { seekerId: c.candidate.seekerId })
          .then((a) => {
            actions.replaceChildren(h('p', null, applicationStatusTag(a.status)));
            showBanner(ctx, successBanner(t('candidates.invited', n), h('p', null, h('a', { href: `/employer/application.html?id=${a.id}`, class: 'banner__link' }, t('employer.notifications.openApplication')))));
          })
          .catch((e: unknown) => {
            invite.disabled = false;
            document.getElementById(`${cid}-problem`)?.remove();
            const problem = h('p', { class: 'error-message', role: 'alert', id: `${cid}-problem` }, hidden(t('error.inlinePrefix')), e instanceof ApiError ? e.message : t('problem.generic'));
            actions.prepend(problem);
            focusElement(problem);
          });
      });
      actions.append(invite);
    }
    return h(
      'li',
      { class: 'card candidate', id: cid, 'aria-labelledby': `${cid}-title` },
      h('h3', { class: 'heading-m card__title', id: `${cid}-title` }, t('candidates.name', n)),
      scoreLine(c.score),
      h(
        'dl',
        { class: 'facts' },
        fact(t('candidates.skills'), list(c.candidate.skills)),
        fact(t('candidates.training'), list(c.candidate.completedCourses)),
        fact(t('candidates.needs'), c.candidate.needs.length ? c.candidate.needs.map((x) => bracket(L.accommodation(x.code), x.strength === 'must' ? t('needs.must') : t('needs.prefer'), ctx.lang)).join(t('common.listSep')) : t('common.none')),
      ),
      h('h4', { class: 'heading-s', id: `${cid}-why` }, t('candidates.why')),
      c.reasons.length ? h('ul', { class: 'list list--bullet reasons', 'aria-labelledby': `${cid}-why` }, c.reasons.map((r) => h('li', null, mixed(L.pick(r), ctx.lang)))) : h('p', null, t('match.noReasons')),
      h('h4', { class: 'heading-s', id: `${cid}-gaps` }, t('candidates.gaps')),
      c.gaps.length ? h('ul', { class: 'list list--bullet gaps', 'aria-labelledby': `${cid}-gaps` }, c.gaps.map((g) => h('li', null, mixed(L.pick(g), ctx.lang)))) : h('p', null, t('match.noGaps')),
      scoreDetails(c),
      actions,
    );
  };

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: '/employer/jobs.html', class: 'back-link' }, t('employer.job.back'))),
    h('span', { class: 'caption' }, t('employer.job.caption')),
    h('h1', { class: 'heading-l' }, mixed(job.title, ctx.lang)),
    h('p', null, jobStatusTag(job.status), ' ', h('span', { class: 'hint' }, job.verified ? t('employer.job.verified') : t('employer.job.notVerified'))),
    job.status !== 'archived' ? h('p', null, h('a', { href: `/employer/job-edit.html?id=${id}`, class: 'button button--secondary', id: 'edit-job' }, t('employer.job.edit'))) : null,
    h(
      'dl',
      { class: 'facts' },
      fact(t('job.openings'), String(job.openings)),
      fact(t('job.workMode'), L.workMode(job.workMode)),
      fact(t('job.street'), job.street ? L.street(job.street) : t('job.noStreet')),
      job.address ? fact(t('job.address'), mixed(job.address, ctx.lang)) : null,
      fact(t('job.hours'), L.hours(job.hours)),
      fact(t('job.salary'), salaryText(job.salaryMin, job.salaryMax)),
      job.reserved ? fact(t('employer.job.reserved'), t('common.yes')) : null,
      fact(t('employer.jobs.posted'), L.date(job.postedAt)),
    ),
    h('h2', { class: 'heading-m' }, t('job.about')),
    h('p', { class: 'prose' }, mixed(job.description || t('job.noDescription'), ctx.lang)),
    h('h2', { class: 'heading-m' }, t('job.skills')),
    h('dl', { class: 'facts' }, fact(t('job.requiredSkills'), list(job.requiredSkills)), fact(t('job.preferredSkills'), list(job.preferredSkills))),
    courses.some(Boolean)
      ? [
          h('h2', { class: 'heading-m' }, t('job.requiredCourses')),
          h('ul', { class: 'list list--bullet' }, courses.filter((c): c is Course => !!c).map((c) => h('li', { lang: ctx.lang === 'en' ? 'en' : 'zh-CN' }, ctx.lang === 'en' ? c.titleEn : c.titleZh))),
        ]
      : null,
    h('h2', { class: 'heading-m' }, t('job.accommodations')),
    job.accommodations.length ? h('ul', { class: 'list list--bullet', id: 'job-accommodations' }, job.accommodations.map((a) => h('li', null, L.accommodation(a)))) : h('p', null, t('job.noAccommodations')),
    h('p', null, t('employer.job.applications', applications.page.total), applications.page.total ? [' ', h('a', { href: `/employer/applications.html?jobId=${id}` }, t('employer.job.seeApplications'))] : null),
    statusSection,
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'candidates-title', id: 'candidates' },
      h('h2', { class: 'heading-m', id: 'candidates-title' }, t('candidates.title')),
      h('p', null, t('candidates.lead')),
      job.status !== 'open' ? h('div', { class: 'inset' }, h('p', null, t('candidates.closed'))) : null,
      h('p', { class: 'result-count', id: 'candidate-count' }, t('candidates.count', candidates.length)),
      candidates.length ? h('ol', { class: 'cards', id: 'candidate-list' }, candidates.map(candidateCard)) : h('div', { class: 'inset', id: 'no-candidates' }, h('p', null, t('candidates.none'))),
    ),
  );
  const flash = takeFlash();
  const shown = banner ?? (flash ? successBanner(tKey(flash.key, flash.detail ?? '')) : null);
  if (shown) showBanner(ctx, shown);
  else if (location.hash === '#candidates-title') focusElement(document.getElementById('candidates-title')!);
}
