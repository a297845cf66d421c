import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, SCORING, createMatchIndex, hardRuleViolations, type MatchResult } from '../../matching/index.js';
import { jaroWinkler, stem, textTerms } from '../../matching/text.js';
import { SkillTable } from '../../matching/skills.js';
import type { SeekerProfile } from '../../matching/types.js';
import { COURSES, buildJob, buildProject, buildSeeker } from './matching-fixtures.js';

const ids = (results: readonly MatchResult[]): number[] => results.map((r) => r.id);
const allText = (r: MatchResult, lang: 'zh' | 'en'): string => [...r.reasons, ...r.gaps].map((x) => x[lang]).join(' | ');

// A small district job library used by several stories.
const massageJob = buildJob({
  id: 101,
  title: '盲人保健按摩师',
  description: '社区按摩店招聘持证按摩师，提供盲文资料与读屏软件',
  requiredSkills: ['盲人按摩'],
  requiredCourseIds: [1],
  accommodations: ['braille', 'screen_reader', 'accessible_commute'],
  street: 'kengzi',
});
const callCentreJob = buildJob({ id: 102, title: '电话客服', description: '接听客户来电', requiredSkills: ['电话客服'], accommodations: ['screen_reader'], street: 'kengzi' });
const warehouseJob = buildJob({ id: 103, title: '仓储分拣员', description: '仓库分拣包装', requiredSkills: ['仓储分拣'], preferredSkills: ['包装'], accommodations: ['rest_breaks'] });
const remoteAnnotationJob = buildJob({
  id: 104,
  title: '数据标注员（居家）',
  description: '居家完成图像数据标注任务',
  workMode: 'remote',
  requiredSkills: ['数据标注'],
  accommodations: ['flexible_hours', 'text_communication'],
  street: 'biling',
});
const designJobText = buildJob({ id: 105, title: '平面设计师', description: '电商海报设计，团队用企业微信文字沟通', requiredSkills: ['平面设计'], accommodations: ['text_communication', 'visual_alerts'] });
const designJobPhoneOnly = buildJob({ id: 106, title: '设计助理', description: '电话沟通为主的设计岗位', requiredSkills: ['平面设计'], accommodations: ['step_free_access'] });
const ecommerceCsJob = buildJob({
  id: 107,
  title: '电商客服专员',
  description: '网店在线客服，回复买家咨询',
  requiredSkills: ['电商客服'],
  requiredCourseIds: [3],
  accommodations: ['step_free_access', 'accessible_restroom', 'elevator'],
  salaryMax: 4500,
});
const customerServiceJob = buildJob({ id: 108, title: '客服专员', description: '售后客服', requiredSkills: ['客服'], street: 'maluan' });
const library = [massageJob, callCentreJob, warehouseJob, remoteAnnotationJob, designJobText, designJobPhoneOnly, ecommerceCsJob, customerServiceJob];

function district(seekers: SeekerProfile[] = []) {
  return createMatchIndex({ courses: COURSES, jobs: library, seekers });
}

describe('matching stories', () => {
  it('1. the blind masseur with the certification course ranks the massage job first', () => {
    const masseur = buildSeeker({
      id: 1,
      street: 'kengzi',
      skills: ['按摩'],
      about: '视力残疾，持证保健按摩师',
      needs: [{ code: 'screen_reader', strength: 'must' }, { code: 'braille', strength: 'prefer' }],
      completedCourseIds: [1],
    });
    const results = district([masseur]).jobsForSeeker(1);
    expect(results[0]?.id).toBe(101);
    expect(results[0]?.parts.training).toBe(1);
    expect(allText(results[0]!, 'zh')).toContain('已完成所需课程《盲人保健按摩师资格培训》');
  });

  it('2. a wheelchair user never sees the warehouse job without step-free access, but sees the remote data-annotation job', () => {
    const wheelchairUser = buildSeeker({ id: 2, skills: ['数据标注', '仓储分拣'], needs: [{ code: 'step_free_access', strength: 'must' }] });
    const index = district([wheelchairUser]);
    const found = ids(index.jobsForSeeker(2, { limit: 50 }));
    expect(found).not.toContain(103);
    expect(found).toContain(104);
    expect(found[0]).toBe(104);
    const remote = index.jobsForSeeker(2, { limit: 50 }).find((r) => r.id === 104)!;
    expect(remote.reasons.map((r) => r.en)).toContain('remote work, so step-free access is not needed');
  });

  it('3. the deaf designer (must text communication) is matched to the design job with text communication only', () => {
    const designer = buildSeeker({ id: 3, skills: ['平面设计', 'Photoshop'], needs: [{ code: 'text_communication', strength: 'must' }] });
    const found = ids(district([designer]).jobsForSeeker(3, { limit: 50 }));
    expect(found[0]).toBe(105);
    expect(found).not.toContain(106);
  });

  it('4. the seeker one course short gets the job, with the gap and the course named', () => {
    const seeker = buildSeeker({ id: 4, skills: ['电商客服'], inProgressCourseIds: [3] });
    const result = district([seeker]).jobsForSeeker(4).find((r) => r.id === 107)!;
    expect(result).toBeDefined();
    expect(result.parts.training).toBe(SCORING.inProgressCourse);
    expect(result.gaps).toContainEqual({
      zh: '需要课程《电商客服初级》 — 已报名，尚未结业',
      en: 'requires course "E-commerce customer service, basic" (电商客服初级) — enrolled, not completed',
    });
  });

  it('5. a missing required course is a gap naming the course; completing it closes the gap', () => {
    const before = buildSeeker({ id: 5, skills: ['电商客服'] });
    const index = district([before]);
    const gap = index.jobsForSeeker(5).find((r) => r.id === 107)!;
    expect(gap.parts.training).toBe(0);
    expect(gap.gaps.some((g) => g.zh.includes('《电商客服初级》') && g.en.includes('not taken'))).toBe(true);
    index.upsertSeeker({ ...before, completedCourseIds: [3] });
    const after = index.jobsForSeeker(5).find((r) => r.id === 107)!;
    expect(after.parts.training).toBe(1);
    expect(after.total).toBeGreaterThan(gap.total);
    expect(after.gaps.some((g) => g.zh.includes('《电商客服初级》'))).toBe(false);
  });

  it('6. a missing skill names the catalogue course that teaches it', () => {
    const seeker = buildSeeker({ id: 6, skills: ['客服'] });
    const result = district([seeker]).jobsForSeeker(6, { limit: 50 }).find((r) => r.id === 104)!;
    expect(result.gaps).toContainEqual({
      zh: '缺少所需技能：数据标注 — 课程《数据标注实务》可补齐',
      en: 'gap: required skill data annotation (数据标注) — course "Data annotation in practice" (数据标注实务) teaches it',
    });
  });

  it('7. English skill names ("customer service") match Chinese postings (客服), a little below the same label', () => {
    const english = buildSeeker({ id: 7, skills: ['customer service'] });
    const chinese = buildSeeker({ id: 8, skills: ['客服'] });
    const index = district([english, chinese]);
    const en = index.jobsForSeeker(7, { limit: 50 }).find((r) => r.id === 108)!;
    const zh = index.jobsForSeeker(8, { limit: 50 }).find((r) => r.id === 108)!;
    expect(en.parts.skills).toBeCloseTo((1 - SCORING.textShare) * SCORING.vocabularyMatch, 6);
    expect(zh.parts.skills).toBeCloseTo((1 - SCORING.textShare) * SCORING.sameLabel, 6);
    expect(en.reasons[0]?.en).toContain('"customer service" is another name for "客服"');
  });

  it('8. a typo ("data anotation") still matches data annotation, counting less than a vocabulary match', () => {
    const typo = buildSeeker({ id: 9, skills: ['data anotation'] });
    const result = district([typo]).jobsForSeeker(9)[0]!;
    expect(result.id).toBe(104);
    expect(result.parts.skills).toBeCloseTo((1 - SCORING.textShare) * SCORING.typoMatch, 6);
    expect(result.reasons[0]?.zh).toContain('按拼写近似');
  });

  it('9. a seeker without share consent never appears as a candidate', () => {
    const hidden = buildSeeker({ id: 10, skills: ['数据标注'], shareWithEmployers: false });
    const visible = buildSeeker({ id: 11, skills: ['数据标注'] });
    const index = district([hidden, visible]);
    const { results } = index.seekersForJob(104, { limit: 50, alertThreshold: 0 });
    expect(ids(results)).toEqual([11]);
    expect(index.explainJob(10, 104, { forEmployer: true }).exclusions[0]?.en).toContain('not consented');
    // the seeker still sees the job themselves
    expect(ids(index.jobsForSeeker(10))).toContain(104);
  });

  it('10. closing a job removes it from results; raising openings from 0 brings it back', () => {
    const seeker = buildSeeker({ id: 12, skills: ['数据标注'] });
    const index = district([seeker]);
    expect(ids(index.jobsForSeeker(12))).toContain(104);
    index.upsertJob({ ...remoteAnnotationJob, status: 'closed' });
    expect(ids(index.jobsForSeeker(12))).not.toContain(104);
    index.upsertJob({ ...remoteAnnotationJob, openings: 0 });
    expect(ids(index.jobsForSeeker(12))).not.toContain(104);
    index.upsertJob({ ...remoteAnnotationJob, openings: 3 });
    expect(ids(index.jobsForSeeker(12))[0]).toBe(104);
    expect(index.removeJob(104)).toBe(true);
    expect(ids(index.jobsForSeeker(12))).not.toContain(104);
    expect(index.stats().jobs).toBe(library.length - 1);
  });

  it('11. seekersForJob counts seekers at or above the alert threshold and ranks them', () => {
    const seekers = [
      buildSeeker({ id: 20, skills: ['数据标注'] }),
      buildSeeker({ id: 21, skills: ['data labeling'] }),
      buildSeeker({ id: 22, skills: ['烘焙'] }),
      buildSeeker({ id: 23, skills: ['数据标注'], workModes: ['onsite'] }),
    ];
    const index = district(seekers);
    const { results, countAboveThreshold } = index.seekersForJob(104, { limit: 10, alertThreshold: 0.8 });
    expect(ids(results)).toEqual([20, 21, 22]);
    expect(results.filter((r) => r.total >= 0.8).length).toBe(countAboveThreshold);
    expect(countAboveThreshold).toBe(2);
    expect(index.seekersForJob(104, { limit: 0, alertThreshold: 0.99 }).countAboveThreshold).toBe(0);
  });

  it('12. the same input gives the same output, and equal totals break ties by id', () => {
    const seekers = [buildSeeker({ id: 30, skills: ['保洁'] })];
    const twins = [3, 1, 2].map((id) => buildJob({ id: 200 + id, title: '保洁员', requiredSkills: ['保洁'] }));
    const a = createMatchIndex({ jobs: twins, seekers });
    const b = createMatchIndex({ jobs: [...twins].reverse(), seekers });
    const ra = a.jobsForSeeker(30);
    expect(ids(ra)).toEqual([201, 202, 203]);
    expect(ra[0]!.total).toBe(ra[2]!.total);
    expect(b.jobsForSeeker(30)).toEqual(ra);
  });

  it('13. every explanation carries zh and en, the parts and the weights', () => {
    const seeker = buildSeeker({ id: 31, skills: ['电商客服'], needs: [{ code: 'step_free_access', strength: 'prefer' }, { code: 'quiet_workspace', strength: 'prefer' }] });
    const result = district([seeker]).jobsForSeeker(31).find((r) => r.id === 107)!;
    for (const line of [...result.reasons, ...result.gaps]) {
      expect(line.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(line.en).toMatch(/[a-z]/);
    }
    expect(result.weights).toEqual(DEFAULT_WEIGHTS);
    expect(Object.keys(result.parts).sort()).toEqual(['accessibility', 'location', 'preferences', 'skills', 'training']);
    const recomputed =
      result.parts.skills * 0.4 + result.parts.training * 0.15 + result.parts.accessibility * 0.2 + result.parts.location * 0.1 + result.parts.preferences * 0.15;
    expect(result.total).toBeCloseTo(recomputed, 12);
    expect(result.reasons).toContainEqual({ zh: '提供无障碍通道/无台阶出入', en: 'provides step-free access' });
    expect(result.gaps).toContainEqual({ zh: '未提供安静工作环境（偏好的便利措施）', en: 'does not provide quiet workspace (preferred accommodation)' });
  });

  it('14. accessibility fit is the share of preferred needs met', () => {
    const seeker = buildSeeker({
      id: 32,
      skills: ['电商客服'],
      needs: [{ code: 'step_free_access', strength: 'prefer' }, { code: 'elevator', strength: 'prefer' }, { code: 'quiet_workspace', strength: 'prefer' }, { code: 'job_coach', strength: 'prefer' }],
    });
    const result = district([seeker]).jobsForSeeker(32).find((r) => r.id === 107)!;
    expect(result.parts.accessibility).toBe(0.5);
  });

  it('15. location: same street 1, another street in Pingshan less, remote 1', () => {
    const seeker = buildSeeker({ id: 33, street: 'maluan', skills: ['客服', '数据标注', '电话客服'] });
    const results = district([seeker]).jobsForSeeker(33, { limit: 50 });
    expect(results.find((r) => r.id === 108)!.parts.location).toBe(1);
    expect(results.find((r) => r.id === 102)!.parts.location).toBe(SCORING.otherStreet);
    expect(results.find((r) => r.id === 104)!.parts.location).toBe(1);
    expect(results.find((r) => r.id === 108)!.reasons.map((r) => r.zh)).toContain('同在马峦街道');
  });

  it('16. salary below the expectation is partial and named as a gap; hours mismatch too', () => {
    const seeker = buildSeeker({ id: 34, skills: ['电商客服'], salaryExpectation: 6000, hours: ['part_time'] });
    const result = district([seeker]).jobsForSeeker(34).find((r) => r.id === 107)!;
    expect(result.parts.preferences).toBeCloseTo((0 + 4500 / 6000) / 2, 12);
    expect(result.gaps.map((g) => g.en)).toContain('pay up to CNY 4500 a month is below the expected CNY 6000');
    expect(result.gaps.map((g) => g.en)).toContain('hours are full-time; preferred part-time');
  });

  it('17. skills taught by completed courses count as the seeker\'s skills', () => {
    const trained = buildSeeker({ id: 35, skills: [], completedCourseIds: [2] });
    const result = district([trained]).jobsForSeeker(35)[0]!;
    expect(result.id).toBe(104);
    expect(result.reasons[0]?.zh).toContain('由已完成课程《数据标注实务》习得');
  });

  it('18. a new catalogue (setCourses) changes course-taught skills incrementally', () => {
    const trained = buildSeeker({ id: 36, skills: [], completedCourseIds: [99] });
    const index = district([trained]);
    expect(index.jobsForSeeker(36, { limit: 50 }).find((r) => r.id === 104)!.parts.skills).toBe(0);
    index.setCourses([...COURSES, { id: 99, titleZh: '图像标注进阶', titleEn: 'Image annotation, advanced', skills: ['图像标注'] }]);
    const after = index.jobsForSeeker(36)[0]!;
    expect(after.id).toBe(104);
    expect(after.parts.skills).toBeGreaterThan(0.8 * SCORING.vocabularyMatch);
  });

  it('19. a seeker who can only work remotely sees only remote jobs', () => {
    const seeker = buildSeeker({ id: 37, skills: ['数据标注', '客服', '平面设计'], workModes: ['remote'] });
    expect(ids(district([seeker]).jobsForSeeker(37, { limit: 50 }))).toEqual([104]);
  });

  it('20. filters: street and work mode narrow the jobs; minScore drops weak ones', () => {
    const seeker = buildSeeker({ id: 38, skills: ['客服', '电话客服'] });
    const index = district([seeker]);
    expect(index.jobsForSeeker(38, { limit: 50, street: 'kengzi' }).every((r) => [101, 102].includes(r.id))).toBe(true);
    expect(ids(index.jobsForSeeker(38, { limit: 50, workMode: 'remote' }))).toEqual([104]);
    const strong = index.jobsForSeeker(38, { limit: 50, minScore: 0.8 });
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((r) => r.total >= 0.8)).toBe(true);
  });

  it('21. projects for a seeker follow the same hard rules and name the support offered', () => {
    const seeker = buildSeeker({ id: 39, skills: ['手工编织'], needs: [{ code: 'step_free_access', strength: 'must' }] });
    const index = createMatchIndex({
      courses: COURSES,
      seekers: [seeker],
      projects: [
        buildProject({ id: 1, title: '编织工作室', sector: '手工艺', skills: ['编织'], supports: ['funding', 'venue'], accommodations: ['step_free_access'] }),
        buildProject({ id: 2, title: '非遗刺绣坊', skills: ['刺绣'], accommodations: [] }),
        buildProject({ id: 3, title: '居家编织', skills: ['knitting'], workMode: 'remote', capacity: 0 }),
      ],
    });
    const results = index.projectsForSeeker(39);
    expect(ids(results)).toEqual([1]);
    expect(results[0]!.reasons.map((r) => r.zh)).toContain('提供支持：资金扶持和场地支持');
    index.upsertProject(buildProject({ id: 3, title: '居家编织', skills: ['knitting'], workMode: 'remote', capacity: 2 }));
    expect(ids(index.projectsForSeeker(39))).toEqual([1, 3]);
  });

  it('22. a must need listed also as prefer stays a hard rule; hardRuleViolations explains exclusions', () => {
    const seeker = buildSeeker({ id: 40, needs: [{ code: 'sign_language', strength: 'must' }, { code: 'sign_language', strength: 'prefer' }] });
    expect(hardRuleViolations(seeker, designJobText).map((v) => v.zh)).toEqual(['未提供必需的便利措施：手语翻译/手语沟通']);
    const closed = hardRuleViolations(seeker, { ...designJobText, status: 'closed', openings: 0, accommodations: ['sign_language'] });
    expect(closed.map((v) => v.en)).toEqual(['the job is not open', 'the job has no places left']);
  });

  it('23. removing a seeker removes them from candidates', () => {
    const index = district([buildSeeker({ id: 41, skills: ['数据标注'] }), buildSeeker({ id: 42, skills: ['数据标注'] })]);
    expect(ids(index.seekersForJob(104).results)).toEqual([41, 42]);
    expect(index.removeSeeker(41)).toBe(true);
    expect(ids(index.seekersForJob(104).results)).toEqual([42]);
    expect(index.removeSeeker(41)).toBe(false);
  });

  it('24. a job object not yet indexed can be ranked against all seekers (alerts before insert)', () => {
    const index = district([buildSeeker({ id: 43, skills: ['烘焙'] }), buildSeeker({ id: 44, skills: ['pastry'] })]);
    const bakery = buildJob({ id: 999, title: '烘焙学徒', description: '面包制作', requiredSkills: ['烘焙'] });
    const { results, countAboveThreshold } = index.seekersForJob(bakery, { alertThreshold: 0.7 });
    expect(ids(results)).toEqual([43, 44]);
    expect(countAboveThreshold).toBe(2);
    expect(index.stats().jobs).toBe(library.length);
  });
});

describe('text and skill resolution', () => {
  it('resolves zh, en, synonyms and typos to one skill; unknown labels keep their own code', () => {
    const table = new SkillTable();
    const zh = table.resolve('客服')!;
    expect(table.resolve('Customer Service')!.code).toBe(zh.code);
    expect(table.resolve('客户服务')!.code).toBe(zh.code);
    expect(table.resolve('ｃｕｓｔｏｍｅｒ　ｓｅｒｖｉｃｅ')!.code).toBe(zh.code); // full-width
    const typo = table.resolve('data anotation')!;
    expect(typo.typo).toBe(true);
    expect(table.names(typo.code).zh).toBe('数据标注');
    expect(table.resolve('电商客户')!.via).toBe('unknown'); // Jaro–Winkler 0.88 < 0.9: not a typo of 电商客服
    expect(table.resolve('PS')!.via).toBe('synonym');
    const unknown = table.resolve('茶艺')!;
    expect(unknown.via).toBe('unknown');
    expect(table.resolve('茶艺')!.code).toBe(unknown.code);
  });

  it('tokenises Latin with the Porter stemmer and Chinese with jieba using the skills dictionary', () => {
    expect(stem('annotations')).toBe('annot');
    expect(jaroWinkler('data anotation', 'data annotation')).toBeGreaterThan(0.9);
    const terms = textTerms('招聘电商客服和数据标注员, annotating images');
    expect(terms).toContain('电商客服');
    expect(terms).toContain('数据标注');
    expect(terms).toContain('annot');
    expect(terms).toContain('imag');
  });
});
