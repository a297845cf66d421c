/**
 * Staff home: what to chase today — work trials ending within 3 days, trial assessments overdue,
 * follow-ups due (GET /pipeline/reminders) — each linking to the seeker and the application; a
 * due follow-up's outcome is recorded right here.
 */
import { get } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, type PageContext } from '../../layout.js';
import type { Reminders, TrialReminder } from '../../types.js';
import { applicationHref, dueLine, fact, followUpForm, forName, seekerHref } from './pipeline-common.js';

export async function renderStaffToday(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const title = t('pipeline.today.title');
  ctx.setTitle(title);
  const r = await get<Reminders>('/pipeline/reminders');

  const section = (id: string, heading: string, hint: string, count: number, body: HTMLElement) =>
    h(
      'section',
      { class: 'section', 'aria-labelledby': `${id}-title` },
      h('h2', { class: 'heading-m', id: `${id}-title` }, heading, t('pipeline.countSuffix', count)),
      h('p', { class: 'hint' }, hint),
      body,
    );

  const empty = (id: string, text: string) => h('p', { class: 'inset', id }, text);

  const trialCard = (r: TrialReminder, when: string, missing: string[]) =>
    h(
      'li',
      { class: 'card' },
      h('h3', { class: 'heading-s card__title' }, h('a', { href: seekerHref(r.seekerId) }, mixed(r.seekerName, ctx.lang))),
      h(
        'dl',
        { class: 'facts' },
        fact(t('pipeline.job'), mixed(r.jobTitle, ctx.lang)),
        fact(t('pipeline.app.trial'), when),
        missing.length ? fact(t('pipeline.today.missing'), missing.join(t('common.listSep'))) : null,
      ),
      h('p', null, h('a', { href: applicationHref(r.applicationId) }, t('pipeline.today.openApplication'), forName(r.seekerName, ctx.lang))),
    );

  const trials = r.trialsEndingSoon.length
    ? h('ul', { class: 'cards', id: 'trials-ending' }, r.trialsEndingSoon.map((x) => trialCard(x, t('pipeline.today.trialEnds', L.date(x.trialEndsOn)), [])))
    : empty('no-trials', t('pipeline.today.noTrials'));

  const assessments = r.assessmentsOverdue.length
    ? h(
        'ul',
        { class: 'cards', id: 'assessments-overdue' },
        r.assessmentsOverdue.map((x) =>
          trialCard(x, t('pipeline.today.trialEnded', L.date(x.trialEndsOn)), [
            ...(x.seekerAssessment ? [] : [t('pipeline.today.missingSeeker')]),
            ...(x.employerAssessment ? [] : [t('pipeline.today.missingEmployer')]),
          ]),
        ),
      )
    : empty('no-assessments', t('pipeline.today.noAssessments'));

  const followUps = r.followUpsDue.length
    ? h(
        'ul',
        { class: 'cards', id: 'follow-ups-due' },
        r.followUpsDue.map((f) =>
          h(
            'li',
            { class: 'card', id: `follow-up-${f.followUpId}` },
            h('h3', { class: 'heading-s card__title' }, h('a', { href: seekerHref(f.seekerId) }, mixed(f.seekerName, ctx.lang)), ' · ', t('pipeline.followUp.title', f.monthsAfterHire)),
            dueLine(f.dueOn, r.today),
            h('p', null, h('a', { href: applicationHref(f.applicationId) }, t('pipeline.today.openApplication'), forName(f.seekerName, ctx.lang))),
            followUpForm(ctx, title, { id: f.followUpId, monthsAfterHire: f.monthsAfterHire }, f.seekerName, () =>
              renderStaffToday(ctx, successBanner(t('pipeline.followUp.recorded', f.seekerName))),
            ),
          ),
        ),
      )
    : empty('no-follow-ups', t('pipeline.today.noFollowUps'));

  fill(
    ctx.page,
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('pipeline.today.lead', L.date(r.today))),
    section('trials', t('pipeline.today.trials'), t('pipeline.today.trialsHint'), r.trialsEndingSoon.length, trials),
    section('assessments', t('pipeline.today.assessments'), t('pipeline.today.assessmentsHint'), r.assessmentsOverdue.length, assessments),
    section('follow-ups', t('pipeline.today.followUps'), t('pipeline.today.followUpsHint'), r.followUpsDue.length, followUps),
  );
  if (banner) showBanner(ctx, banner);
}
