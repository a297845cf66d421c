/**
 * One seeker's progress (`?seekerId=`): their stage now, a form to move it (only the moves the
 * stage machine allows from here, src/pipeline/stages.ts), their applications, and everything that
 * happened (GET /seekers/:id/timeline): stage changes, application changes, follow-ups.
 */
import { ApiError, api, get, post } from '../../api.js';
import { h, mixed, fill } from '../../dom.js';
import { button, choices, onSubmit, textarea, value } from '../../forms.js';
import { t } from '../../i18n.js';
import * as L from '../../labels.js';
import { showBanner, successBanner, type PageContext } from '../../layout.js';
import type { Page, Seeker, StaffApplication, TimelineEntry } from '../../types.js';
import { NEXT_STAGES } from '../../../../src/pipeline/stages.js';
import type { PipelineStage } from '../../../../matching/vocabulary.js';
import { accountNames, applicationHref, fact, intParam, stageChange, statusTag, who } from './pipeline-common.js';

export async function renderStaffTimeline(ctx: PageContext, banner?: HTMLElement): Promise<void> {
  const seekerId = intParam('seekerId');
  if (seekerId === null) throw new ApiError(404, 'not_found', t('problem.noId'));
  const [seeker, timeline, applications, names] = await Promise.all([
    get<Seeker>(`/seekers/${seekerId}`),
    get<TimelineEntry[]>(`/seekers/${seekerId}/timeline`),
    api<Page<StaffApplication>>('GET', `/applications?seekerId=${seekerId}&limit=100`),
    accountNames(),
  ]);
  const pageTitle = `${seeker.name} – ${t('pipeline.timeline.caption')}`;
  ctx.setTitle(pageTitle);

  const moves = NEXT_STAGES[seeker.stage as PipelineStage] ?? [];
  const form = h(
    'form',
    { method: 'post', action: `/api/v1/seekers/${seekerId}/stage`, class: 'form', id: 'stage-form' },
    choices({
      path: 'to',
      legend: t('pipeline.timeline.to'),
      legendClass: 'fieldset__legend--s',
      type: 'radio',
      options: moves.map((s) => ({ value: s, label: L.stage(s), checked: false })),
    }),
    textarea({ path: 'reason', label: t('pipeline.timeline.reason'), hint: t('pipeline.timeline.reasonHint'), rows: 3 }),
    button(t('pipeline.timeline.save'), { id: 'stage-save' }),
  );
  onSubmit(
    ctx,
    form,
    pageTitle,
    async () => {
      const to = value(form, 'to');
      const reason = value(form, 'reason').trim();
      // Blank answers are sent as they are: the API names every missing field at once.
      await post(`/seekers/${seekerId}/stage`, { ...(to ? { to } : {}), ...(reason ? { reason } : {}) });
      await renderStaffTimeline(ctx, successBanner(t('pipeline.timeline.moved', seeker.name, L.stage(to))));
    },
    { fallbackField: 'to' },
  );

  const entry = (e: TimelineEntry) => {
    let what: (Node | string)[];
    if (e.kind === 'stage') {
      what = [h('strong', null, t('pipeline.timeline.stageEvent')), t('common.colon'), stageChange(e.from, e.to, L.stage)];
    } else if (e.kind === 'application') {
      what = [
        h('strong', null, t('pipeline.timeline.applicationEvent')),
        t('common.colon'),
        h('a', { href: applicationHref(e.applicationId ?? 0) }, mixed(e.jobTitle, ctx.lang)),
        ' ',
        stageChange(e.from, e.to, (s) => t(`pipeline.status.${s as StaffApplication['status']}`)),
      ];
    } else {
      what = [h('strong', null, t('pipeline.followUp.title', e.monthsAfterHire)), t('common.colon'), e.outcome ? t(`pipeline.followUp.result.${e.outcome}`) : ''];
    }
    return h(
      'li',
      { class: 'events__item' },
      h('p', { class: 'events__what' }, h('span', { class: 'events__date' }, L.date(e.at)), ' ', ...what),
      e.reason ? h('p', { class: 'events__reason' }, t('pipeline.timeline.reasonIs'), t('common.colon'), mixed(e.reason, ctx.lang)) : null,
      h('p', { class: 'hint events__by' }, t('pipeline.by'), t('common.colon'), who(names, e.byUserId, ctx.lang)),
    );
  };

  fill(
    ctx.page,
    h('p', { class: 'back' }, h('a', { href: '/staff/pipeline.html', class: 'back-link' }, t('pipeline.timeline.back'))),
    // The caption sits inside the h1, so the error summary (placed before the h1) comes first.
    h('h1', { class: 'heading-l' }, h('span', { class: 'caption' }, t('pipeline.timeline.caption')), mixed(seeker.name, ctx.lang)),
    h(
      'dl',
      { class: 'facts', id: 'seeker-facts' },
      fact(t('pipeline.timeline.stageNow'), h('strong', { id: 'stage-now' }, L.stage(seeker.stage))),
      fact(t('pipeline.category'), `${L.category(seeker.disabilityCategory)} · ${L.level(seeker.disabilityLevel)}`),
      fact(t('pipeline.street'), L.street(seeker.street)),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'move-title', id: 'move' },
      h('h2', { class: 'heading-m', id: 'move-title' }, t('pipeline.timeline.moveTitle')),
      moves.length ? [h('p', null, t('pipeline.timeline.moveIntro')), form] : h('p', null, t('pipeline.timeline.noMoves')),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'applications-title' },
      h('h2', { class: 'heading-m', id: 'applications-title' }, t('pipeline.timeline.applications')),
      applications.data.length
        ? h(
            'ul',
            { class: 'cards', id: 'seeker-applications' },
            applications.data.map((a) =>
              h(
                'li',
                { class: 'card' },
                h('h3', { class: 'heading-s card__title' }, h('a', { href: applicationHref(a.id), class: 'card__link', id: `application-link-${a.id}` }, mixed(a.job.title, ctx.lang))),
                h('p', null, statusTag(a.status)),
                h('p', { class: 'hint' }, t('pipeline.timeline.updated', L.date(a.updatedAt))),
              ),
            ),
          )
        : h('p', null, t('pipeline.timeline.noApplications')),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'events-title' },
      h('h2', { class: 'heading-m', id: 'events-title' }, t('pipeline.timeline.events')),
      timeline.length
        ? [h('p', { class: 'hint' }, t('pipeline.timeline.eventsHint')), h('ol', { class: 'events', id: 'timeline', 'aria-labelledby': 'events-title' }, timeline.map(entry))]
        : h('p', null, t('pipeline.timeline.noEvents')),
    ),
  );
  if (banner) showBanner(ctx, banner);
}
