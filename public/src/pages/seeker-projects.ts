/** Entrepreneurship projects ranked for me, with why they fit and what is missing. */
import { get } from '../api.js';
import { h, mixed, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as L from '../labels.js';
import type { PageContext } from '../layout.js';
import type { ProjectMatch } from '../types.js';
import { explanation, scoreDetails, scoreLine } from './explain.js';
import { fact } from './seeker-matches.js';

export async function renderSeekerProjects(ctx: PageContext): Promise<void> {
  const seekerId = ctx.user!.seekerId!;
  const title = t('projects.title');
  ctx.setTitle(title);
  const matches = await get<ProjectMatch[]>(`/seekers/${seekerId}/project-matches?limit=20`);
  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, t('projects.lead')),
    h('p', null, t('projects.howToJoin')),
    h('p', { class: 'result-count' }, t('projects.count', matches.length)),
    matches.length
      ? h(
          'ol',
          { class: 'cards' },
          matches.map((m, i) => {
            const id = `project-${m.project.id}`;
            return h(
              'li',
              { class: 'card', id },
              h('h2', { class: 'heading-m card__title' }, h('span', { class: 'card__rank' }, t('matches.rank', i + 1)), ' ', mixed(m.project.title, ctx.lang)),
              m.project.sponsorName ? h('p', { class: 'card__employer' }, mixed(m.project.sponsorName, ctx.lang)) : null,
              scoreLine(m.score),
              h(
                'dl',
                { class: 'facts' },
                fact(t('projects.sector'), mixed(m.project.sector, ctx.lang)),
                fact(t('job.workMode'), L.workMode(m.project.workMode)),
                fact(t('job.street'), m.project.street ? L.street(m.project.street) : t('job.noStreet')),
                fact(t('projects.supports'), m.project.supports.map(L.support).join(t('common.listSep')) || t('common.none')),
                fact(t('projects.capacity'), String(m.project.capacity)),
              ),
              explanation(m, ctx.lang, 'h3', id),
              scoreDetails(m),
            );
          }),
        )
      : h('div', { class: 'inset' }, h('p', null, t('projects.empty'))),
  );
}
