/** Valid request bodies for every resource, with overrides (outline's `buildX`). */
import { residentIdCheckCharacter } from '../../src/domain/identity.js';

let sequence = 0;
const next = () => ++sequence;

/** A valid 18-character resident ID born on `birth` (YYYYMMDD) with sequence `seq`. */
export function residentId(birth = '19900307', seq = 123, area = '440310'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function certificateNumber(category: number, level: number, seq = next() % 999 || 1): string {
  return `${residentId('19900307', seq)}${category}${level}`;
}

export function buildMember(overrides: Record<string, unknown> = {}) {
  return {
    name: `测试联盟成员${next()}`,
    kind: 'enterprise',
    street: 'pingshan',
    headcount: 200,
    disabledHeadcount: 2,
    pledgedPositions: 5,
    joinedOn: '2025-01-15',
    ...overrides,
  };
}

export function buildSeeker(overrides: Record<string, unknown> = {}) {
  const category = (overrides.disabilityCategory as number | undefined) ?? 4;
  const level = (overrides.disabilityLevel as number | undefined) ?? 2;
  return {
    name: '测试求职者',
    certificateNumber: certificateNumber(category, level),
    disabilityCategory: category,
    disabilityLevel: level,
    street: 'kengzi',
    workModes: ['remote', 'hybrid'],
    needs: [{ code: 'step_free_access', strength: 'must' }],
    skills: [{ skill: '电商客服', level: 'intermediate' }],
    consents: { sensitiveData: true, matchAlerts: true, shareWithEmployers: true, textVersion: '2026-01' },
    ...overrides,
  };
}

export function buildJob(memberId: number, overrides: Record<string, unknown> = {}) {
  return {
    memberId,
    title: '电商客服专员',
    description: '在线解答顾客咨询',
    street: 'pingshan',
    workMode: 'remote',
    hours: 'full_time',
    salaryMin: 4000,
    salaryMax: 5500,
    openings: 2,
    requiredSkills: ['电商客服'],
    preferredSkills: ['办公软件'],
    accommodations: ['remote_work', 'screen_reader'],
    ...overrides,
  };
}

export function buildProject(overrides: Record<string, unknown> = {}) {
  return {
    sponsorName: '坪山区助残慈善基金会',
    title: `社区烘焙小店${next()}`,
    sector: '餐饮',
    street: 'maluan',
    workMode: 'onsite',
    skills: ['烘焙'],
    supports: ['venue', 'funding'],
    accommodations: ['step_free_access'],
    capacity: 5,
    ...overrides,
  };
}

export function buildCourse(overrides: Record<string, unknown> = {}) {
  return {
    code: `T-${next()}`,
    titleZh: '电商客服初级',
    titleEn: 'E-commerce customer service (basic)',
    provider: '坪山区残疾人就业创业服务社',
    skills: ['电商客服'],
    durationHours: 80,
    workMode: 'hybrid',
    capacity: 20,
    startsOn: '2026-03-01',
    endsOn: '2026-04-30',
    ...overrides,
  };
}
