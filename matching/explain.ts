/**
 * Reasons and gaps in words (zh and en) for one scored pair. Built only for the results a query
 * returns. Phrased neutrally so that the seeker, the employer and staff can all read them.
 */
import {
  WORKPLACE_ONLY_MASK,
  codesOfMask,
  maskOf,
  termId,
  termsAt,
  type CourseCatalogue,
  type OfferSkill,
  type SeekerSkill,
} from './compile.js';
import { courseStatus } from './score.js';
import type { SkillTable } from './skills.js';
import type { EntrepreneurshipProject, JobPosting, SeekerProfile } from './types.js';
import { ACCOMMODATIONS, HOURS, PROJECT_SUPPORTS, STREETS, type AccommodationCode, type Bilingual } from './vocabulary.js';

export interface PartScores {
  /** Skill tags only (before the free-text share). */
  tag: number;
  /** Free-text similarity (cosine) of about ↔ title + description. */
  text: number;
  training: number;
  accessibility: number;
  location: number;
  preferences: number;
}

export interface ExplainContext {
  table: SkillTable;
  catalogue: CourseCatalogue;
  termOf(id: number): string;
}

export interface ExplainInput {
  kind: 'job' | 'project';
  seeker: SeekerProfile;
  seekerData: Int32Array;
  seekerSkills: Map<number, SeekerSkill>;
  offer: JobPosting | EntrepreneurshipProject;
  offerData: Int32Array;
  offerSkills: Map<number, OfferSkill>;
  parts: PartScores;
}

export function joinZh(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}
export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function lowerFirst(s: string): string {
  return s.length > 0 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function accommodationList(codes: readonly AccommodationCode[]): Bilingual {
  return {
    zh: joinZh(codes.map((c) => ACCOMMODATIONS[c].zh)),
    en: joinEn(codes.map((c) => lowerFirst(ACCOMMODATIONS[c].en))),
  };
}

function skillName(table: SkillTable, code: number): Bilingual {
  const n = table.names(code);
  return { zh: n.zh, en: n.zh === n.en ? n.en : `${n.en} (${n.zh})` };
}

function courseName(catalogue: CourseCatalogue, id: number): Bilingual {
  const c = catalogue.byId.get(id);
  if (!c) return { zh: `课程#${id}`, en: `course #${id}` };
  return { zh: `《${c.titleZh}》`, en: c.titleEn && c.titleEn !== c.titleZh ? `"${c.titleEn}" (${c.titleZh})` : c.titleZh };
}

function skillReasons(ctx: ExplainContext, input: ExplainInput, reasons: Bilingual[], gaps: Bilingual[]): void {
  const offerSkills = [...input.offerSkills.values()].sort((a, b) => Number(b.required) - Number(a.required) || a.code - b.code);
  for (const want of offerSkills) {
    const name = skillName(ctx.table, want.code);
    const role: Bilingual = want.required
      ? { zh: input.kind === 'job' ? '所需技能' : '项目所需技能', en: 'required skill' }
      : { zh: '加分技能', en: 'preferred skill' };
    const have = input.seekerSkills.get(want.code);
    if (have) {
      const parts: Bilingual[] = [];
      if (have.surface !== want.surface) {
        if (have.typo || want.typo) {
          parts.push({ zh: `“${have.label}”按拼写近似视为“${want.label}”`, en: `"${have.label}" read as a typo of "${want.label}"` });
        } else {
          parts.push({ zh: `“${have.label}”与“${want.label}”为同一技能`, en: `"${have.label}" is another name for "${want.label}"` });
        }
      }
      if (have.courseId !== null) {
        const c = courseName(ctx.catalogue, have.courseId);
        parts.push({ zh: `由已完成课程${c.zh}习得`, en: `taught by completed course ${c.en}` });
      }
      const tailZh = parts.length ? `（${parts.map((p) => p.zh).join('；')}）` : '';
      const tailEn = parts.length ? `: ${parts.map((p) => p.en).join('; ')}` : '';
      reasons.push({ zh: `具备${role.zh}：${name.zh}${tailZh}`, en: `has the ${role.en} ${name.en}${tailEn}` });
      continue;
    }
    const teachers = ctx.catalogue.teachers(want.code);
    const inProgress = teachers.find((id) => courseStatus(input.seekerData, id) === 'in_progress');
    if (inProgress !== undefined) {
      const c = courseName(ctx.catalogue, inProgress);
      gaps.push({
        zh: `缺少${role.zh}：${name.zh} — 正在学习的课程${c.zh}可补齐`,
        en: `gap: ${role.en} ${name.en} — course ${c.en} (in progress) teaches it`,
      });
    } else if (teachers.length > 0) {
      const c = courseName(ctx.catalogue, teachers[0]!);
      gaps.push({ zh: `缺少${role.zh}：${name.zh} — 课程${c.zh}可补齐`, en: `gap: ${role.en} ${name.en} — course ${c.en} teaches it` });
    } else {
      gaps.push({ zh: `缺少${role.zh}：${name.zh}（目录中暂无相关课程）`, en: `gap: ${role.en} ${name.en} (no catalogue course teaches it)` });
    }
  }
  if (input.parts.text >= 0.1) {
    const shared = sharedTerms(ctx, input.seekerData, input.offerData, 3);
    const listZh = shared.length ? `（共同词：${shared.join('、')}）` : '';
    const listEn = shared.length ? ` (shared words: ${shared.join(', ')})` : '';
    reasons.push({
      zh: `个人简介与${input.kind === 'job' ? '岗位' : '项目'}描述相近${listZh}`,
      en: `profile text is similar to the ${input.kind === 'job' ? 'job' : 'project'} description${listEn}`,
    });
  }
}

function sharedTerms(ctx: ExplainContext, a: Int32Array, b: Int32Array, max: number): string[] {
  const out: string[] = [];
  let i = termsAt(a);
  let j = termsAt(b);
  const aEnd = i + 1 + a[i]!;
  const bEnd = j + 1 + b[j]!;
  i++;
  j++;
  while (i < aEnd && j < bEnd && out.length < max) {
    const ta = termId(a[i]!);
    const tb = termId(b[j]!);
    if (ta === tb) {
      out.push(ctx.termOf(ta));
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return out;
}

function trainingReasons(ctx: ExplainContext, input: ExplainInput, reasons: Bilingual[], gaps: Bilingual[]): void {
  if (input.kind !== 'job') return;
  const job = input.offer as JobPosting;
  for (const id of [...new Set(job.requiredCourseIds)]) {
    const c = courseName(ctx.catalogue, id);
    const status = courseStatus(input.seekerData, id);
    if (status === 'completed') reasons.push({ zh: `已完成所需课程${c.zh}`, en: `completed the required course ${c.en}` });
    else if (status === 'in_progress') gaps.push({ zh: `需要课程${c.zh} — 已报名，尚未结业`, en: `requires course ${c.en} — enrolled, not completed` });
    else gaps.push({ zh: `需要课程${c.zh} — 尚未参加，报名即可补齐`, en: `requires course ${c.en} — not taken yet; enrolling closes the gap` });
  }
}

function accessibilityReasons(input: ExplainInput, reasons: Bilingual[], gaps: Bilingual[]): void {
  const raw = maskOf(input.offer.accommodations);
  const remote = input.offer.workMode === 'remote';
  const needs = [...new Map(input.seeker.needs.map((n) => [n.code, n])).values()];
  const wanted = maskOf(needs.map((n) => n.code));
  const prefer = maskOf(needs.filter((n) => n.strength === 'prefer').map((n) => n.code));
  const must = wanted & ~prefer;
  const met = codesOfMask(wanted & raw);
  if (met.length) {
    const l = accommodationList(met);
    reasons.push({ zh: `提供${l.zh}`, en: `provides ${l.en}` });
  }
  const moot = remote ? codesOfMask(wanted & ~raw & WORKPLACE_ONLY_MASK) : [];
  if (moot.length) {
    const l = accommodationList(moot);
    reasons.push({ zh: `居家/远程办公，无需${l.zh}`, en: `remote work, so ${l.en} ${moot.length > 1 ? 'are' : 'is'} not needed` });
  }
  const effective = raw | (remote ? WORKPLACE_ONLY_MASK : 0);
  const unmetPrefer = codesOfMask(prefer & ~effective & ~must);
  if (unmetPrefer.length) {
    const l = accommodationList(unmetPrefer);
    gaps.push({ zh: `未提供${l.zh}（偏好的便利措施）`, en: `does not provide ${l.en} (preferred accommodation)` });
  }
}

function locationReasons(input: ExplainInput, reasons: Bilingual[]): void {
  const offer = input.offer;
  if (offer.workMode === 'remote') {
    reasons.push({ zh: '居家/远程工作，无需通勤', en: 'remote work, no commute' });
    return;
  }
  const s = input.seeker.street;
  const o = offer.street;
  if (s === null || o === null) return;
  if (s === o) reasons.push({ zh: `同在${STREETS[o].zh}`, en: `same street: ${STREETS[o].en}` });
  else reasons.push({ zh: `位于坪山区${STREETS[o].zh}（非同一街道）`, en: `in Pingshan District, ${STREETS[o].en} (another street)` });
}

function preferenceReasons(input: ExplainInput, reasons: Bilingual[], gaps: Bilingual[]): void {
  if (input.kind === 'project') {
    const p = input.offer as EntrepreneurshipProject;
    if (p.supports.length) {
      reasons.push({
        zh: `提供支持：${joinZh(p.supports.map((s) => PROJECT_SUPPORTS[s].zh))}`,
        en: `support offered: ${joinEn(p.supports.map((s) => lowerFirst(PROJECT_SUPPORTS[s].en)))}`,
      });
    }
    return;
  }
  const job = input.offer as JobPosting;
  const seeker = input.seeker;
  const h = HOURS[job.hours];
  if (seeker.hours.length > 0) {
    if (seeker.hours.includes(job.hours)) reasons.push({ zh: `工时相符：${h.zh}`, en: `hours match: ${lowerFirst(h.en)}` });
    else {
      const want = { zh: joinZh(seeker.hours.map((x) => HOURS[x].zh)), en: joinEn(seeker.hours.map((x) => lowerFirst(HOURS[x].en))) };
      gaps.push({ zh: `工时为${h.zh}，期望${want.zh}`, en: `hours are ${lowerFirst(h.en)}; preferred ${want.en}` });
    }
  }
  const exp = seeker.salaryExpectation;
  if (exp !== null && exp > 0) {
    if (job.salaryMax === null) gaps.push({ zh: '未注明薪资', en: 'salary not stated' });
    else if (job.salaryMax >= exp) reasons.push({ zh: `月薪最高${job.salaryMax}元，达到期望的${exp}元`, en: `pay up to CNY ${job.salaryMax} a month meets the expected CNY ${exp}` });
    else gaps.push({ zh: `月薪最高${job.salaryMax}元，低于期望的${exp}元`, en: `pay up to CNY ${job.salaryMax} a month is below the expected CNY ${exp}` });
  }
}

/** Reasons and gaps for one pair, in a fixed order: skills, training, accessibility, location, preferences. */
export function explainPair(ctx: ExplainContext, input: ExplainInput): { reasons: Bilingual[]; gaps: Bilingual[] } {
  const reasons: Bilingual[] = [];
  const gaps: Bilingual[] = [];
  skillReasons(ctx, input, reasons, gaps);
  trainingReasons(ctx, input, reasons, gaps);
  accessibilityReasons(input, reasons, gaps);
  locationReasons(input, reasons);
  preferenceReasons(input, reasons, gaps);
  return { reasons, gaps };
}

