/**
 * One application as staff see it (`?id=`): the seeker and the job, the trial and its two
 * assessments, the status changes staff may make (only those allowed from here; trial → hired is
 * the one that takes an opening, makes the seeker employed and books the follow-ups, all in one
 * transaction on the server), the status history, and the follow-ups with their outcomes.
 */
import { ApiError, get, post } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, choices, onSubmit, textarea, textInput, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, type PageContext } from '../../layout.js';
import type { FollowUp, Job, Reminders, StaffApplication } from '../../types.js';
import { APPLICATION_TRANSITIONS } from '../../../../src/pipeline/stages.js';
import { accountNames, dueLine, fact, followUpForm, intParam, seekerHref, stageChange, statusTag, who } from './pipeline-common.js';

/** The moves POST /applications/:id/status takes (withdrawing and answering invitations are the seeker's). */
const STAFF_MOVES = ['interviewing', 'trial', 'hired', 'rejected'] as const;
type StaffMove = (typeof STAFF_MOVES)[number];

export async function renderStaffApplication(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const id = intParam('id');
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const a = await get<StaffApplication>(`/applications/${id}`);
  const [job, followUps, names] = await Promise.all([get<Job>(`/jobs/${a.jobId}`), get<FollowUp[]>(`/applications/${id}/follow-ups`), accountNames()]);
  // "Due" is judged by the service's clock, which the reminders report.
  const today = followUps.some((f) => !f.outcome) ? (await get<Reminders>('/pipeline/reminders')).today : '';
  const seekerName = a.seeker.name ?? '';
  const pageTitle = `${a.job.title} – ${t('pipeline.app.caption')}`;
  ctx.setTitle(pageTitle);

  const moves = (APPLICATION_TRANSITIONS[a.status] as readonly string[]).filter((s): s is StaffMove => (STAFF_MOVES as readonly string[]).includes(s));
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/applications/${id}/status`, class: 'form', id: 'status-form' },
    choices({
      path: 'status',
      legend: t('pipeline.app.statusLegend'),
      legendClass: 'fieldset__legend--s',
      type: 'radio',
      options: moves.map((s) => ({ value: s, label: t(`pipeline.move.${s}`), hint: t(`pipeline.moveHint.${s}`), checked: false })),
    }),
    moves.includes('trial')
      ? [
          textInput({ path: 'trialStartsOn', label: t('pipeline.app.trialStarts'), hint: t('pipeline.app.dateHint'), width: 'medium', inputmode: 'numeric', spellcheck: false }),
          textInput({ path: 'trialEndsOn', label: t('pipeline.app.trialEnds'), hint: t('pipeline.app.dateHint'), width: 'medium', inputmode: 'numeric', spellcheck: false }),
        ]
      : null,
    textarea({ path: 'reason', label: t('pipeline.app.reason'), hint: t('pipeline.app.reasonHint'), rows: 3 }),
    button(t('pipeline.app.save'), { id: 'status-save' }),
  );
  onSubmit(
    ctx,
    form,
    pageTitle,
    async () => {
      const status = value(form, 'status');
      const reason = value(form, 'reason').trim();
      // Trial dates go only with a trial (the API refuses them otherwise); blanks are left out so the API names them.
      const dates = status === 'trial' ? Object.fromEntries((['trialStartsOn', 'trialEndsOn'] as const).map((k) => [k, value(form, k).trim()]).filter(([, v]) => v)) : {};
      await post(`/applications/${id}/status`, { ...(status ? { status } : {}), ...dates, ...(reason ? { reason } : {}) });
      const message =
        status === 'hired' ? t('pipeline.app.hiredBanner', (await get<Job>(`/jobs/${a.jobId}`)).openings) : t('pipeline.app.changed', t(`pipeline.status.${status as StaffMove}`));
      await renderStaffApplication(ctx, successBanner(message));
    },
    { fallbackField: 'status' },
  );

  const followUpItem = (f: FollowUp) =>
    h(
      'li',
      { class: 'card', id: `follow-up-${f.id}` },
      h('h3', { class: 'heading-s card__title' }, t('pipeline.followUp.title', f.monthsAfterHire)),
      f.outcome
        ? [
            h('p', null, h('strong', { class: 'tag' }, t(`pipeline.followUp.result.${f.outcome}`)), ' ', t('pipeline.followUp.recordedOn', L.date(f.recordedAt))),
            f.reason ? h('p', null, t('pipeline.timeline.reasonIs'), t('common.colon'), mixed(f.reason, ctx.lang)) : null,
            h('p', { class: 'hint' }, t('pipeline.by'), t('common.colon'), who(names, f.recordedByUserId, ctx.lang)),
          ]
        : [dueLine(f.dueOn, today), followUpForm(ctx, pageTitle, f, seekerName, () => renderStaffApplication(ctx, successBanner(t('pipeline.followUp.recorded', seekerName))))],
    );

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: seekerHref(a.seekerId), class: 'back-link' }, t('pipeline.app.back'))),
    // The caption sits inside the h1, so the error summary (placed before the h1) comes first.
    h('h1', { class: 'heading-l' }, h('span', { class: 'caption' }, t('pipeline.app.caption')), mixed(a.job.title, ctx.lang)),
    h(
      'dl',
      { class: 'facts', id: 'application-facts' },
      fact(t('pipeline.seeker'), h('a', { href: seekerHref(a.seekerId) }, mixed(seekerName, ctx.lang))),
      job.memberName ? fact(t('pipeline.app.member'), mixed(job.memberName, ctx.lang)) : null,
      fact(t('pipeline.app.statusNow'), h('span', { id: 'status-now' }, statusTag(a.status))),
      fact(t('pipeline.app.origin'), t(`pipeline.origin.${a.origin}`)),
      fact(t('pipeline.app.since'), L.date(a.createdAt)),
      fact(t('pipeline.app.openings'), h('span', { id: 'openings' }, String(job.openings), job.status === 'open' ? '' : t('pipeline.app.jobClosed'))),
      a.trialStartsOn ? fact(t('pipeline.app.trial'), t('course.dates', L.date(a.trialStartsOn), L.date(a.trialEndsOn))) : null,
      a.hiredOn ? fact(t('pipeline.app.hiredOn'), L.date(a.hiredOn)) : null,
      a.message ? fact(t('pipeline.app.message'), mixed(a.message, ctx.lang)) : null,
    ),
    a.trialEndsOn
      ? h(
          'section',
          { class: 'section', 'aria-labelledby': 'assessments-title' },
          h('h2', { class: 'heading-m', id: 'assessments-title' }, t('pipeline.app.assessments')),
          h(
            'dl',
            { class: 'facts' },
            fact(t('pipeline.app.seekerAssessment'), a.seekerAssessment ? mixed(a.seekerAssessment, ctx.lang) : t('pipeline.app.notGiven')),
            fact(t('pipeline.app.employerAssessment'), a.employerAssessment ? mixed(a.employerAssessment, ctx.lang) : t('pipeline.app.notGiven')),
          ),
        )
      : null,
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'status-title', id: 'status' },
      h('h2', { class: 'heading-m', id: 'status-title' }, t('pipeline.app.statusTitle')),
      moves.length ? form : h('p', null, t('pipeline.app.final')),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'history-title' },
      h('h2', { class: 'heading-m', id: 'history-title' }, t('pipeline.app.history')),
      h(
        'ol',
        { class: 'events', id: 'history', 'aria-labelledby': 'history-title' },
        a.history.map((e) =>
          h(
            'li',
            { class: 'events__item' },
            h('p', { class: 'events__what' }, h('span', { class: 'events__date' }, L.date(e.at)), ' ', stageChange(e.from, e.to, (s) => t(`pipeline.status.${s as StaffApplication['status']}`))),
            e.reason ? h('p', { class: 'events__reason' }, t('pipeline.timeline.reasonIs'), t('common.colon'), mixed(e.reason, ctx.lang)) : null,
            h('p', { class: 'hint events__by' }, t('pipeline.by'), t('common.colon'), who(names, e.byUserId, ctx.lang)),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'follow-ups-title' },
      h('h2', { class: 'heading-m', id: 'follow-ups-title' }, t('pipeline.app.followUps')),
      followUps.length ? h('ul', { class: 'cards', id: 'follow-ups' }, followUps.map(followUpItem)) : h('p', null, t('pipeline.app.noFollowUps')),
    ),
  );
  if (banner) showBanner(ctx, banner);
}
