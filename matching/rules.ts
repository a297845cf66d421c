/**
 * The hard rules, on plain objects, with the reason for each exclusion in words. The index applies
 * the same rules on its compiled columns (bitmasks); this function is what `explain…` reports and
 * what the domain can show when someone asks "why don't I see this job?".
 */
import type { EntrepreneurshipProject, JobPosting, SeekerProfile } from './types.js';
import { ACCOMMODATIONS, WORK_MODES, type Bilingual } from './vocabulary.js';
import { joinEn, joinZh } from './explain.js';

export interface HardRuleOptions {
  /** Ranking seekers for an employer: seekers without consent to share are never candidates. */
  forEmployer?: boolean;
}

export function isProject(offer: JobPosting | EntrepreneurshipProject): offer is EntrepreneurshipProject {
  return 'capacity' in offer;
}

/** Needs the offer leaves unmet among the seeker's `must` needs (remote work makes workplace-only needs moot). */
export function unmetMustNeeds(seeker: SeekerProfile, offer: JobPosting | EntrepreneurshipProject): (keyof typeof ACCOMMODATIONS)[] {
  const remote = offer.workMode === 'remote';
  const unmet = new Set<keyof typeof ACCOMMODATIONS>();
  for (const need of seeker.needs) {
    if (need.strength !== 'must') continue;
    if (offer.accommodations.includes(need.code)) continue;
    if (remote && ACCOMMODATIONS[need.code].workplaceOnly) continue;
    unmet.add(need.code);
  }
  return [...unmet];
}

/** Why the pair is excluded (empty when it is not). */
export function hardRuleViolations(
  seeker: SeekerProfile,
  offer: JobPosting | EntrepreneurshipProject,
  options: HardRuleOptions = {},
): Bilingual[] {
  const out: Bilingual[] = [];
  const project = isProject(offer);
  const what = project ? { zh: '项目', en: 'project' } : { zh: '岗位', en: 'job' };
  if (offer.status !== 'open') out.push({ zh: `${what.zh}未开放`, en: `the ${what.en} is not open` });
  const left = project ? offer.capacity : offer.openings;
  if (left <= 0) out.push({ zh: `${what.zh}已无空缺名额`, en: `the ${what.en} has no places left` });
  const unmet = unmetMustNeeds(seeker, offer);
  if (unmet.length) {
    out.push({
      zh: `未提供必需的便利措施：${joinZh(unmet.map((c) => ACCOMMODATIONS[c].zh))}`,
      en: `does not provide required accommodation: ${joinEn(unmet.map((c) => ACCOMMODATIONS[c].en))}`,
    });
  }
  if (!seeker.workModes.includes(offer.workMode)) {
    const m = WORK_MODES[offer.workMode];
    out.push({ zh: `工作方式为${m.zh}，不在可接受范围内`, en: `work mode ${m.en.toLowerCase()} is not one the seeker can do` });
  }
  if (options.forEmployer && !seeker.shareWithEmployers) {
    out.push({ zh: '求职者未同意向用人单位展示资料', en: 'the seeker has not consented to share their profile with employers' });
  }
  return out;
}
