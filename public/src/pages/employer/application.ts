/**
 * One application to my job: who (once they applied or accepted), its history, the next steps
 * allowed from its status now (interview → trial (适岗) → hired, or not hired), the end-of-trial
 * assessment, and the follow-ups after hiring.
 */
import { ApiError, get, post } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, choices, onSubmit, textarea, textInput, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, type PageContext } from '../../layout.js';
import type { EmployerApplication, FollowUp } from '../../types.js';
import { APPLICATION_TRANSITIONS } from '../../../../src/pipeline/stages.js';
import { seekerName } from './applications.js';
import { applicationStatusTag, bracket, fact, idParam } from './shared.js';

/** The moves an employer makes (`POST /applications/:id/status`); the seeker's own moves (accept, withdraw) are not offered here. */
const EMPLOYER_MOVES = ['interviewing', 'trial', 'hired', 'rejected'] as const;
type Move = (typeof EMPLOYER_MOVES)[number];

export async function renderEmployerApplication(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const id = idParam();
  if (id === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const a = await get<EmployerApplication>(`/applications/${id}`);
  const followUps = a.status === 'hired' ? await get<FollowUp[]>(`/applications/${id}/follow-ups`) : [];
  const who = seekerName(a);
  const title = t('employer.app.title', who);
  ctx.setTitle(title);
  const rerender = (b: HTMLElement) => renderEmployerApplication(ctx, b);
  const list = (items: string[]) => (items.length ? mixed(items.join(t('common.listSep')), ctx.lang) : t('common.none'));
  const moves = (APPLICATION_TRANSITIONS[a.status] as readonly string[]).filter((s): s is Move => (EMPLOYER_MOVES as readonly string[]).includes(s));

  // Next step: only the moves allowed from the status now. Trial dates appear under "trial" when it is chosen.
  const next = h('section', { class: 'section', 'aria-labelledby': 'next-title', id: 'next-step' }, h('h2', { class: 'heading-m', id: 'next-title' }, t('employer.app.nextTitle')));
  if (moves.length) {
    const trialDates = h(
      'div',
      { class: 'conditional', id: 'trial-dates', hidden: true },
      textInput({ path: 'trialStartsOn', label: t('employer.app.trialStartsOn'), hint: t('employer.app.dateHint'), width: 'medium', inputmode: 'numeric' }),
      textInput({ path: 'trialEndsOn', label: t('employer.app.trialEndsOn'), hint: t('employer.app.dateHint'), width: 'medium', inputmode: 'numeric' }),
    );
    const radios = choices({
      path: 'status',
      legend: t('employer.app.nextLegend'),
      hint: t('employer.app.nextHint'),
      type: 'radio',
      options: moves.map((m) => ({
        value: m,
        label: t(`next.${m}`),
        hint: m === 'trial' ? t('nextHint.trial') : m === 'hired' ? t('nextHint.hired') : undefined,
        checked: false,
      })),
    });
    // The dates sit right after the "trial" choice, as in the GOV.UK conditional reveal.
    const trialRadio = radios.querySelector<HTMLInputElement>('input[value="trial"]');
    if (trialRadio) {
      trialRadio.closest('.choices__item')!.after(trialDates);
      trialRadio.setAttribute('aria-controls', 'trial-dates');
    }
    const form = h(
      'form',
      { method: 'post', action: `/api/v1/applications/${id}/status`, class: 'form', id: 'status-form' },
      radios,
      textarea({ path: 'reason', label: t('employer.app.reason'), hint: t('employer.app.reasonHint'), rows: 3 }),
      button(t('employer.app.save'), { id: 'save-status' }),
    );
    form.addEventListener('change', () => {
      trialDates.hidden = value(form, 'status') !== 'trial';
    });
    onSubmit(ctx, form, title, async () => {
      const status = value(form, 'status');
      const reason = value(form, 'reason').trim();
      // Blank dates are left out, so the API says "required" once rather than "wrong format" too.
      const date = (name: string) => (status === 'trial' && value(form, name).trim() ? { [name]: value(form, name).trim() } : {});
      const body = { status, ...(reason ? { reason } : {}), ...date('trialStartsOn'), ...date('trialEndsOn') };
      const after = await post<EmployerApplication>(`/applications/${id}/status`, body);
      await rerender(successBanner(t('employer.app.changed', t(`empStatus.${after.status}`))));
    });
    next.append(form);
  } else {
    next.append(h('p', { id: 'no-next' }, a.status === 'invited' ? t('employer.app.waitingSeeker') : t('employer.app.noNext')));
  }

  // The end-of-trial assessment: there is one once a trial was arranged (the API refuses it before).
  let assessment: HTMLElement | null = null;
  if (a.trialEndsOn) {
    assessment = h(
      'section',
      { class: 'section', 'aria-labelledby': 'assessment-title', id: 'assessment' },
      h('h2', { class: 'heading-m', id: 'assessment-title' }, t('employer.app.assessmentTitle')),
      h('p', null, t('employer.app.assessmentLead')),
      h('dl', { class: 'facts' }, fact(t('employer.app.seekerAssessment'), a.seekerAssessment ? mixed(a.seekerAssessment, ctx.lang) : t('employer.app.noSeekerAssessment'))),
    );
    const form = h(
      'form',
      { method: 'post', action: `/api/v1/applications/${id}/assessment`, class: 'form', id: 'assessment-form' },
      textarea({ path: 'assessment', label: t('employer.app.assessmentLabel'), hint: t('employer.app.assessmentHint'), value: a.employerAssessment, rows: 5 }),
      button(t('employer.app.assessmentSave'), { id: 'save-assessment' }),
    );
    onSubmit(ctx, form, title, async () => {
      await post(`/applications/${id}/assessment`, { assessment: value(form, 'assessment') });
      await rerender(successBanner(t('employer.app.assessmentSaved')));
    });
    assessment.append(form);
  }

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: '/employer/applications.html', class: 'back-link' }, t('employer.app.back'))),
    h('span', { class: 'caption' }, mixed(a.job.title, ctx.lang)),
    h('h1', { class: 'heading-l' }, t('employer.app.title', ''), mixed(who, ctx.lang)),
    h(
      'dl',
      { class: 'facts' },
      fact(t('employer.app.status'), applicationStatusTag(a.status)),
      fact(t('employer.app.job'), h('a', { href: `/employer/job.html?id=${a.jobId}` }, mixed(a.job.title, ctx.lang))),
      fact(t('employer.app.origin'), t(`empOrigin.${a.origin}`)),
      fact(t('employer.app.received'), L.date(a.createdAt)),
      a.trialStartsOn ? fact(t('employer.app.trial'), t('course.dates', L.date(a.trialStartsOn), L.date(a.trialEndsOn))) : null,
      a.hiredOn ? fact(t('employer.app.hiredOn'), L.date(a.hiredOn)) : null,
      a.message ? fact(t('employer.app.message'), mixed(a.message, ctx.lang)) : null,
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'person-title' },
      h('h2', { class: 'heading-m', id: 'person-title' }, t('employer.app.personTitle')),
      a.seekerIdentified ? null : h('div', { class: 'inset' }, h('p', null, t('employer.app.anonymousNote'))),
      h(
        'dl',
        { class: 'facts', id: 'person' },
        a.seekerIdentified && a.seeker.name ? fact(t('employer.app.name'), mixed(a.seeker.name, ctx.lang)) : null,
        a.seekerIdentified ? fact(t('employer.app.phone'), a.seeker.phone ?? t('common.notGiven')) : null,
        a.seekerIdentified ? fact(t('employer.app.email'), a.seeker.email ?? t('common.notGiven')) : null,
        a.seekerIdentified && a.seeker.disabilityCategory ? fact(t('employer.app.disability'), `${L.category(a.seeker.disabilityCategory)} ${L.level(a.seeker.disabilityLevel)}`) : null,
        fact(t('employer.app.skills'), list(a.seeker.skills)),
        fact(t('employer.app.needs'), a.seeker.needs.length ? a.seeker.needs.map((n) => bracket(L.accommodation(n.code), n.strength === 'must' ? t('needs.must') : t('needs.prefer'), ctx.lang)).join(t('common.listSep')) : t('common.none')),
      ),
    ),
    next,
    assessment,
    followUps.length
      ? h(
          'section',
          { class: 'section', 'aria-labelledby': 'follow-ups-title', id: 'follow-ups' },
          h('h2', { class: 'heading-m', id: 'follow-ups-title' }, t('employer.app.followUpsTitle')),
          h('p', null, t('employer.app.followUpsLead')),
          h('dl', { class: 'summary-list' }, followUps.map((f) =>
            h('div', { class: 'summary-list__row' },
              h('dt', { class: 'summary-list__key' }, t('employer.app.followUp', f.monthsAfterHire)),
              h('dd', { class: 'summary-list__value' }, f.outcome ? t(`followUp.${f.outcome}`) : bracket(t('followUp.pending'), t('employer.app.followUpDue', L.date(f.dueOn)), ctx.lang)),
            ),
          )),
        )
      : null,
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'history-title' },
      h('h2', { class: 'heading-m', id: 'history-title' }, t('employer.app.historyTitle')),
      h('ol', { class: 'list timeline', id: 'history' }, a.history.map((e) => h('li', null, t('employer.app.historyItem', L.date(e.at), t(`empStatus.${e.to as EmployerApplication['status']}`)), e.reason ? [' — ', mixed(e.reason, ctx.lang)] : null))),
    ),
  );
  if (banner) showBanner(ctx, banner);
}
