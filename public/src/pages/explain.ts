/** A match's explanation in plain language: how well it fits, why, and what is missing (and which course closes it). */
import { h, mixed } from '../dom.js';
import { t } from '../i18n.js';
import { pick } from '../labels.js';
import type { Lang } from '../prefs.js';
import type { Explained } from '../types.js';

export function fitWords(score: number): string {
  if (score >= 0.8) return t('match.fitVeryGood');
  if (score >= 0.6) return t('match.fitGood');
  return t('match.fitSome');
}

export function scoreLine(score: number): HTMLElement {
  const pct = Math.round(score * 100);
  return h('p', { class: 'match-score' }, h('strong', null, t('match.score', pct)), ' ', h('span', { class: 'match-score__words' }, `(${fitWords(score)})`));
}

/** The two lists, under headings of the given level (h2 on a job's page, h3 in a list of cards). */
export function explanation(m: Explained, lang: Lang, level: 'h2' | 'h3', idBase: string): HTMLElement[] {
  const heading = (text: string, id: string) => h(level, { class: level === 'h2' ? 'heading-m' : 'heading-s', id }, text);
  return [
    heading(t('match.why'), `${idBase}-why`),
    m.reasons.length
      ? h('ul', { class: 'list list--bullet reasons', 'aria-labelledby': `${idBase}-why` }, m.reasons.map((r) => h('li', null, mixed(pick(r), lang))))
      : h('p', null, t('match.noReasons')),
    heading(t('match.gaps'), `${idBase}-gaps`),
    m.gaps.length
      ? h('ul', { class: 'list list--bullet gaps', 'aria-labelledby': `${idBase}-gaps` }, m.gaps.map((g) => h('li', null, mixed(pick(g), lang))))
      : h('p', null, t('match.noGaps')),
  ];
}

/** How the score is made, for those who want to know (closed by default). */
export function scoreDetails(m: Explained): HTMLElement {
  const parts = ['skills', 'training', 'accessibility', 'location', 'preferences'] as const;
  return h(
    'details',
    { class: 'details' },
    h('summary', { class: 'details__summary' }, h('span', { class: 'details__summary-text' }, t('match.detailsSummary'))),
    h(
      'div',
      { class: 'details__text' },
      h('p', null, t('match.detailsIntro')),
      h(
        'dl',
        { class: 'summary-list summary-list--compact' },
        parts.map((p) =>
          h(
            'div',
            { class: 'summary-list__row' },
            h('dt', { class: 'summary-list__key' }, t(`match.part.${p}`)),
            h('dd', { class: 'summary-list__value' }, t('match.partValue', Math.round(m.parts[p] * 100), Math.round(m.weights[p] * 100))),
          ),
        ),
      ),
    ),
  );
}
