/**
 * Statistics over the three libraries, the pipeline and the alliance, for staff. Every figure is
 * an aggregate computed in SQL (GROUP BY over indexed columns); JavaScript only orders the rows,
 * fills in the zero rows, adds the labels and divides counts into rates. The funnel and the
 * employers' responsiveness are the pipeline service's own (not recomputed here).
 *
 * Definitions (the README and the tests hold to these):
 * - Dates: `from`/`to` are calendar days, bounds inclusive, compared with the stored UTC instants
 *   (`from`T00:00:00.000Z … `to`T23:59:59.999Z), as the pipeline's funnel does; months are UTC months.
 * - Library sizes: records created per month (seekers, jobs, projects; any status now: the size
 *   of the library as registered) and the cumulative count up to the end of each month; the
 *   period picks whole months (from's month to to's month).
 * - Seekers by category / level / street / stage: active seekers (archived and anonymised out).
 * - Employed: the seeker was ever hired (an application reached `hired`) or ever entered the
 *   stage `employed`. Stably employed: the seeker ever reached `stably_employed`, or a six-month
 *   follow-up recorded them still employed. Rates count every seeker registered in the period
 *   (any status: outcomes do not vanish with a record): employment rate = employed / seekers;
 *   stable-employment rate = stably employed / employed (hires under six months old cannot count
 *   yet, so recent periods read low).
 * - Training outcomes: per course, completions (enrollments completed in the period) and of those,
 *   how many seekers were hired within 90 days of completing (hired on or after the completion
 *   day and at most 90 days later).
 * - Alliance: per active member, pledged positions; posted = openings ever posted on the member's
 *   jobs posted in the period = their openings still open + the hires into them (hiring takes
 *   one opening each); filled = hires into those jobs; six-month check due = those hires whose
 *   six-month follow-up is due by today; still employed at 6 months = those recorded
 *   `still_employed` at it; plus the pipeline's responsiveness over the same period.
 * - Accommodation gaps: per accommodation, active seekers who need it (must / prefer) against
 *   open jobs with openings that provide it; "meeting" also counts remote jobs for workplace-only
 *   needs (step-free access and the like are moot at home), as the matcher does.
 * - Skills: counted per label in SQL, then the labels of one skill are added up under its
 *   canonical code (skill-codes.ts: 客服 = customer service); demand = open jobs with openings
 *   asking for the skill (required or preferred), supply = active seekers holding it. A job or a
 *   seeker that lists two names of the same skill counts twice for it (rare: each is one label).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  ACCOMMODATIONS,
  ACCOMMODATION_CODES,
  DISABILITY_CATEGORIES,
  DISABILITY_LEVELS,
  PIPELINE_STAGES,
  PIPELINE_STAGE_CODES,
  SKILLS,
  STREETS,
  STREET_CODES,
  type Bilingual,
  type SkillCode,
} from '../../matching/vocabulary.js';
import { today, type Clock } from '../clock.js';
import type { Locale } from '../i18n.js';
import type { PipelineService } from '../pipeline/service.js';
import type { StatsFilters } from './schema.js';
import { canonicalSkill } from './skill-codes.js';
import type { Cell, Column, StatTable } from './table.js';

const col = (key: string, zh: string, en: string): Column => ({ key, zh, en });
const name = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);
const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
const start = (day: string) => `${day}T00:00:00.000Z`;
const end = (day: string) => `${day}T23:59:59.999Z`;
const list = (xs: readonly (string | number)[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** The dimensions seekers are grouped by: the SQL column and every code with its label. */
const DIMENSIONS = {
  category: { column: 'disability_category', codes: Object.keys(DISABILITY_CATEGORIES).map(Number), label: (c: Cell) => DISABILITY_CATEGORIES[c as 1] },
  level: { column: 'disability_level', codes: Object.keys(DISABILITY_LEVELS).map(Number), label: (c: Cell) => DISABILITY_LEVELS[c as 1] },
  street: { column: 'street', codes: [...STREET_CODES], label: (c: Cell) => STREETS[c as 'pingshan'] },
  stage: { column: 'stage', codes: [...PIPELINE_STAGE_CODES], label: (c: Cell) => PIPELINE_STAGES[c as 'registered'] },
} as const;
type Dimension = keyof typeof DIMENSIONS;

const DIMENSION_COLUMN: Record<Dimension, Column> = {
  category: col('category', '残疾类别', 'Disability category'),
  level: col('level', '残疾等级', 'Disability level'),
  street: col('street', '街道', 'Street'),
  stage: col('stage', '阶段', 'Stage'),
};

/** Conditions on the seekers table aliased `s`: street, category, level, registered in the period. */
function seekerWhere(f: StatsFilters, opts: { period?: boolean; status?: 'active' } = {}): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (opts.status) parts.push(sql`s.status = ${opts.status}`);
  if (f.street?.length) parts.push(sql`s.street IN (${list(f.street)})`);
  if (f.category?.length) parts.push(sql`s.disability_category IN (${list(f.category)})`);
  if (f.level?.length) parts.push(sql`s.disability_level IN (${list(f.level)})`);
  if (opts.period && f.from) parts.push(sql`s.created_at >= ${start(f.from)}`);
  if (opts.period && f.to) parts.push(sql`s.created_at <= ${end(f.to)}`);
  return sql.join(parts, sql` AND `);
}

/** The columns of `seekers_stats_idx` after status: grouping by them reads the index in order. */
const INDEX_ORDER = sql.raw('s.disability_category, s.disability_level, s.street, s.stage');

/** `YYYY-MM` months from `first` to `last`, inclusive. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Seekers ever employed: hired through an application, or moved to the stage `employed`. */
export const EMPLOYED_IDS = sql`SELECT seeker_id FROM applications WHERE status = 'hired' UNION SELECT seeker_id FROM pipeline_events WHERE to_stage = 'employed'`;
/** Seekers stably employed: reached `stably_employed`, or still employed at the six-month follow-up. */
export const STABLY_IDS = sql`SELECT seeker_id FROM pipeline_events WHERE to_stage = 'stably_employed' UNION SELECT seeker_id FROM follow_ups WHERE months_after_hire = 6 AND outcome = 'still_employed'`;

export function statsService(db: Db, clock: Clock, pipeline: PipelineService) {
  const all = <T>(q: SQL) => db.all<T>(q);

  return {
    /** Seekers, jobs and projects created per month, and cumulative (street filters all three; category and level the seekers). */
    librarySizes(f: StatsFilters, locale: Locale): StatTable {
      // Months, not days: the period picks the months shown (from's month to to's month), and
      // the month expression is what the `*_month_idx` indexes hold, so the scan is index-only.
      const untilMonth = (f.to ?? today(clock)).slice(0, 7);
      const streets = f.street?.length ? sql` AND street IN (${list(f.street)})` : sql``;
      const month = sql.raw('substr(created_at, 1, 7)');
      const perMonth = (table: 'jobs' | 'projects') =>
        all<{ month: string; n: number }>(sql`SELECT ${month} AS month, count(*) AS n FROM ${sql.raw(table)} WHERE ${month} <= ${untilMonth}${streets} GROUP BY ${month}`);
      const series = {
        seekers: all<{ month: string; n: number }>(sql`SELECT ${month} AS month, count(*) AS n FROM seekers s WHERE ${seekerWhere({ ...f, from: undefined, to: undefined })} AND ${month} <= ${untilMonth} GROUP BY ${month}`),
        jobs: perMonth('jobs'),
        projects: perMonth('projects'),
      };
      const maps = Object.fromEntries(Object.entries(series).map(([k, rows]) => [k, new Map(rows.map((r) => [r.month, r.n]))])) as Record<keyof typeof series, Map<string, number>>;
      const earliest = Object.values(series).flat().map((r) => r.month).sort()[0];
      const last = untilMonth;
      const first = f.from ? f.from.slice(0, 7) : (earliest ?? last);
      const running = { seekers: 0, jobs: 0, projects: 0 };
      // Everything created before the first month shown is already in the cumulative figures.
      for (const k of Object.keys(running) as (keyof typeof running)[]) {
        for (const [month, n] of maps[k]) if (month < first) running[k] += n;
      }
      const rows = monthsBetween(first, last).map((month) => {
        const row: Record<string, Cell> = { month };
        for (const k of Object.keys(running) as (keyof typeof running)[]) {
          const n = maps[k].get(month) ?? 0;
          running[k] += n;
          row[`${k}Created`] = n;
          row[`${k}Total`] = running[k];
        }
        return row;
      });
      return {
        name: 'library-sizes',
        title: { zh: '三库规模（按月）', en: 'Library sizes by month' },
        columns: [
          col('month', '月份', 'Month'),
          col('seekersCreated', '新增求职者', 'Seekers added'),
          col('seekersTotal', '求职者累计', 'Seekers (cumulative)'),
          col('jobsCreated', '新增岗位', 'Jobs added'),
          col('jobsTotal', '岗位累计', 'Jobs (cumulative)'),
          col('projectsCreated', '新增创业项目', 'Projects added'),
          col('projectsTotal', '创业项目累计', 'Projects (cumulative)'),
        ],
        rows,
        meta: { filters: f, months: 'UTC' },
      };
    },

    /** Active seekers by one dimension, every code listed (zero rows included). */
    seekersBy(by: Dimension, f: StatsFilters, locale: Locale): StatTable {
      const d = DIMENSIONS[by];
      const counts = new Map<string | number, number>();
      // Grouped in the order of the stats index (status, category, level, street, stage), so SQLite
      // counts without sorting; the groups of one code are added up here.
      for (const r of all<{ k: string | number; n: number }>(sql`SELECT s.${sql.raw(d.column)} AS k, count(*) AS n FROM seekers s WHERE ${seekerWhere(f, { period: true, status: 'active' })} GROUP BY ${INDEX_ORDER}`)) {
        counts.set(r.k, (counts.get(r.k) ?? 0) + r.n);
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return {
        name: `seekers-by-${by}`,
        title: { zh: `求职者分布（按${DIMENSION_COLUMN[by].zh}）`, en: `Seekers by ${DIMENSION_COLUMN[by].en.toLowerCase()}` },
        columns: [col('code', '代码', 'Code'), DIMENSION_COLUMN[by], col('seekers', '求职者人数', 'Seekers'), col('share', '占比', 'Share')],
        rows: (d.codes as readonly (string | number)[]).map((code) => {
          const n = counts.get(code) ?? 0;
          return { code, [by]: name(d.label(code), locale), seekers: n, share: rate(n, total) };
        }),
        meta: { filters: f, total },
      };
    },

    /** Employment and stable-employment rates by category, level or street (definitions above). */
    employmentRates(by: Exclude<Dimension, 'stage'>, f: StatsFilters, locale: Locale): StatTable {
      const d = DIMENSIONS[by];
      const where = seekerWhere(f, { period: true });
      const dim = sql.raw(`s.${d.column}`);
      // Employed and stably employed (EMPLOYED_IDS, STABLY_IDS) from the trigger-kept
      // seeker_outcomes (db/schema.ts): one row per such seeker, read in one pass.
      const outcomes = all<{ k: string | number; employed: number; stably: number }>(
        sql`SELECT ${dim} AS k, sum(o.employed) AS employed, sum(o.stably) AS stably FROM seeker_outcomes o JOIN seekers s ON s.id = o.seeker_id WHERE ${where} GROUP BY k`,
      );
      const employed = new Map(outcomes.map((r) => [r.k, r.employed]));
      const stably = new Map(outcomes.map((r) => [r.k, r.stably]));
      const seekers = new Map<string | number, number>();
      // Grouped in the stats index's order (any status here), so SQLite counts without sorting.
      for (const r of all<{ k: string | number; n: number }>(sql`SELECT ${dim} AS k, count(*) AS n FROM seekers s WHERE ${where} GROUP BY s.status, ${INDEX_ORDER}`)) {
        seekers.set(r.k, (seekers.get(r.k) ?? 0) + r.n);
      }
      const byKey = new Map([...seekers].map(([k, n]) => [k, { seekers: n, employed: employed.get(k) ?? 0, stably: stably.get(k) ?? 0 }]));
      const sum = { seekers: 0, employed: 0, stably: 0 };
      const out = (d.codes as readonly (string | number)[]).map((code) => {
        const r = byKey.get(code) ?? { seekers: 0, employed: 0, stably: 0 };
        sum.seekers += r.seekers;
        sum.employed += r.employed;
        sum.stably += r.stably;
        return {
          code,
          [by]: name(d.label(code), locale),
          seekers: r.seekers,
          employed: r.employed,
          employmentRate: rate(r.employed, r.seekers),
          stablyEmployed: r.stably,
          stableRate: rate(r.stably, r.employed),
        } as Record<string, Cell>;
      });
      out.push({ code: null, [by]: locale === 'en' ? 'All' : '合计', seekers: sum.seekers, employed: sum.employed, employmentRate: rate(sum.employed, sum.seekers), stablyEmployed: sum.stably, stableRate: rate(sum.stably, sum.employed) });
      return {
        name: `employment-rates-by-${by}`,
        title: { zh: `就业率与稳定就业率（按${DIMENSION_COLUMN[by].zh}）`, en: `Employment and stable-employment rates by ${DIMENSION_COLUMN[by].en.toLowerCase()}` },
        columns: [
          col('code', '代码', 'Code'),
          DIMENSION_COLUMN[by],
          col('seekers', '登记人数', 'Seekers'),
          col('employed', '曾就业人数', 'Ever employed'),
          col('employmentRate', '就业率', 'Employment rate'),
          col('stablyEmployed', '稳定就业人数（6个月）', 'Stably employed (6 months)'),
          col('stableRate', '稳定就业率', 'Stable-employment rate'),
        ],
        rows: out,
        meta: { filters: f },
      };
    },

    /** The pipeline's funnel over the period (default: the last 365 days). */
    funnel(f: StatsFilters, locale: Locale): StatTable {
      const to = f.to ?? today(clock);
      const from = f.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
      const result = pipeline.funnel(from, to, { street: f.street, category: f.category, level: f.level });
      return {
        name: 'funnel',
        title: { zh: '培训—适岗—就业漏斗', en: 'Pipeline funnel' },
        columns: [
          col('stage', '阶段代码', 'Stage code'),
          col('stageName', '阶段', 'Stage'),
          col('reached', '期间内到达人数', 'Reached in the period'),
          col('conversionToNext', '转化到下一阶段', 'Conversion to the next stage'),
          col('medianDaysToNext', '到下一阶段天数（中位数）', 'Median days to the next stage'),
        ],
        rows: result.stages.map((s) => ({ stage: s.stage, stageName: name(PIPELINE_STAGES[s.stage], locale), reached: s.reached, conversionToNext: s.conversionToNext, medianDaysToNext: s.medianDaysToNext })),
        meta: { filters: { ...f, from, to } },
      };
    },

    /** Per course: completions in the period and the share hired within 90 days of completing. */
    trainingOutcomes(f: StatsFilters, locale: Locale): StatTable {
      const period: SQL[] = [];
      if (f.from) period.push(sql` AND e.completed_on >= ${f.from}`);
      if (f.to) period.push(sql` AND e.completed_on <= ${f.to}`);
      const filtered = f.street?.length || f.category?.length || f.level?.length;
      const rows = all<{ id: number; code: string; titleZh: string; titleEn: string; completions: number; hired90: number }>(sql`
        SELECT c.id, c.code, c.title_zh AS titleZh, c.title_en AS titleEn,
               count(e.id) AS completions,
               coalesce(sum(EXISTS (SELECT 1 FROM applications a
                                    WHERE a.seeker_id = e.seeker_id AND a.status = 'hired'
                                      AND a.hired_on >= e.completed_on AND a.hired_on <= date(e.completed_on, '+90 days'))), 0) AS hired90
        FROM courses c
        LEFT JOIN enrollments e ON e.course_id = c.id AND e.status = 'completed'${sql.join(period, sql``)}
          ${filtered ? sql`AND e.seeker_id IN (SELECT s.id FROM seekers s WHERE ${seekerWhere(f)})` : sql``}
        GROUP BY c.id ORDER BY c.id`);
      return {
        name: 'training-outcomes',
        title: { zh: '培训成效（结业后90天内就业）', en: 'Training outcomes (hired within 90 days of completing)' },
        columns: [
          col('courseId', '课程编号', 'Course id'),
          col('code', '课程代码', 'Course code'),
          col('course', '课程', 'Course'),
          col('completions', '结业人数', 'Completions'),
          col('hiredWithin90Days', '90天内就业人数', 'Hired within 90 days'),
          col('shareHiredWithin90Days', '90天内就业比例', 'Share hired within 90 days'),
        ],
        rows: rows.map((r) => ({
          courseId: r.id,
          code: r.code,
          course: locale === 'en' ? r.titleEn : r.titleZh,
          completions: r.completions,
          hiredWithin90Days: r.hired90,
          shareHiredWithin90Days: rate(r.hired90, r.completions),
        })),
        meta: { filters: f },
      };
    },

    /** Per active member: pledged vs posted vs filled vs still employed at 6 months, and responsiveness. */
    alliance(f: StatsFilters, locale: Locale): StatTable {
      const day = today(clock);
      // The period is the jobs' posting date, for what they posted and for whom they hired.
      const posted = (column: SQL) =>
        sql.join([f.from ? sql` AND ${column} >= ${start(f.from)}` : sql``, f.to ? sql` AND ${column} <= ${end(f.to)}` : sql``], sql``);
      const rows = all<{ id: number; name: string; street: string; pledged: number; jobs: number; openJobs: number; openingsLeft: number; filled: number; due6: number; still6: number }>(sql`
        WITH posted AS (
          SELECT j.member_id, count(*) AS jobs, sum(j.status = 'open') AS open_jobs, sum(j.openings) AS openings_left
          FROM jobs j WHERE 1 = 1${posted(sql`j.created_at`)} GROUP BY j.member_id
        ), hires AS (
          -- From the trigger-kept alliance_hires (migration 0007): one index range per member.
          -- Due by the hire date, not by the follow-up row: a check is cancelled once the seeker left.
          SELECT h.member_id, count(*) AS filled, sum(h.six_month_check_on <= ${day}) AS due6,
                 sum(h.still_employed_at_6_months) AS still6
          FROM alliance_hires h WHERE 1 = 1${posted(sql`h.job_created_at`)}
          GROUP BY h.member_id
        )
        SELECT m.id, m.name, m.street, m.pledged_positions AS pledged,
               coalesce(p.jobs, 0) AS jobs, coalesce(p.open_jobs, 0) AS openJobs, coalesce(p.openings_left, 0) AS openingsLeft,
               coalesce(h.filled, 0) AS filled, coalesce(h.due6, 0) AS due6, coalesce(h.still6, 0) AS still6
        FROM alliance_members m
        LEFT JOIN posted p ON p.member_id = m.id
        LEFT JOIN hires h ON h.member_id = m.id
        WHERE m.status = 'active'${f.street?.length ? sql` AND m.street IN (${list(f.street)})` : sql``}
        ORDER BY m.id`);
      const to = f.to ?? day;
      const from = f.from ?? '2000-01-01';
      const resp = new Map(pipeline.responsiveness(from, to).map((r) => [r.memberId, r]));
      return {
        name: 'alliance',
        title: { zh: '助残联盟成员：承诺、发布、录用与稳岗', en: 'Alliance members: pledged, posted, filled, still employed' },
        columns: [
          col('memberId', '成员编号', 'Member id'),
          col('member', '成员', 'Member'),
          col('street', '街道', 'Street'),
          col('pledged', '承诺预留岗位', 'Pledged positions'),
          col('jobs', '发布岗位数', 'Jobs posted'),
          col('posted', '发布名额', 'Openings posted'),
          col('openJobs', '在招岗位数', 'Jobs open'),
          col('filled', '已录用', 'Filled (hired)'),
          col('sixMonthCheckDue', '已到6个月回访', 'Six-month check due'),
          col('stillEmployedAt6Months', '6个月仍在岗', 'Still employed at 6 months'),
          col('applications', '收到申请', 'Applications received'),
          col('medianHoursToFirstResponse', '首次回复时长（小时，中位数）', 'Median hours to first response'),
          col('shareUnansweredAfter7Days', '7天未回复比例', 'Share unanswered after 7 days'),
        ],
        rows: rows.map((r) => {
          const x = resp.get(r.id);
          return {
            memberId: r.id,
            member: r.name,
            street: name(STREETS[r.street as 'pingshan'], locale),
            pledged: r.pledged,
            jobs: r.jobs,
            posted: r.openingsLeft + r.filled,
            openJobs: r.openJobs,
            filled: r.filled,
            sixMonthCheckDue: r.due6,
            stillEmployedAt6Months: r.still6,
            applications: x?.applications ?? 0,
            medianHoursToFirstResponse: x?.medianHoursToFirstResponse ?? null,
            shareUnansweredAfter7Days: x?.shareUnansweredAfter7Days ?? null,
          };
        }),
        meta: { filters: { ...f, from, to } },
      };
    },

    /** Per accommodation: seekers needing it (must / prefer) against open jobs providing (or, remote, meeting) it. */
    accommodationGaps(f: StatsFilters, locale: Locale): StatTable {
      const needs = new Map<string, { must: number; prefer: number }>();
      const add = (rows: { code: string; must: number; prefer: number }[], sign: 1 | -1) => {
        for (const r of rows) {
          const n = needs.get(r.code) ?? { must: 0, prefer: 0 };
          needs.set(r.code, { must: n.must + sign * r.must, prefer: n.prefer + sign * r.prefer });
        }
      };
      const needCounts = sql`n.code, sum(n.strength = 'must') AS must, sum(n.strength = 'prefer') AS prefer`;
      if (f.street?.length || f.category?.length || f.level?.length) {
        add(all(sql`SELECT ${needCounts} FROM seekers s JOIN seeker_needs n ON n.seeker_id = s.id WHERE ${seekerWhere(f, { status: 'active' })} GROUP BY n.code`), 1);
      } else {
        // Almost every seeker is active: every need from the trigger-kept counts (migration 0008),
        // then take away the few of seekers who are not active.
        add(all(sql`SELECT code, sum(seekers * (strength = 'must')) AS must, sum(seekers * (strength = 'prefer')) AS prefer FROM seeker_need_counts GROUP BY code`), 1);
        add(all(sql`SELECT ${needCounts} FROM seekers s JOIN seeker_needs n ON n.seeker_id = s.id WHERE s.status IN ('archived', 'anonymised') GROUP BY n.code`), -1);
      }
      const jobStreet = f.street?.length ? sql` AND j.street IN (${list(f.street)})` : sql``;
      const provided = new Map(
        all<{ code: string; jobs: number; remote: number; openings: number }>(sql`
          SELECT ja.code, count(*) AS jobs, sum(j.work_mode = 'remote') AS remote, sum(j.openings) AS openings
          FROM job_accommodations ja JOIN jobs j ON j.id = ja.job_id
          WHERE j.status = 'open' AND j.openings > 0${jobStreet} GROUP BY ja.code`).map((r) => [r.code, r]),
      );
      const remoteJobs = all<{ n: number }>(sql`SELECT count(*) AS n FROM jobs j WHERE j.status = 'open' AND j.openings > 0 AND j.work_mode = 'remote'${jobStreet}`)[0]?.n ?? 0;
      return {
        name: 'accommodation-gaps',
        title: { zh: '无障碍支持缺口', en: 'Unmet accommodation needs' },
        columns: [
          col('code', '代码', 'Code'),
          col('accommodation', '无障碍支持', 'Accommodation'),
          col('seekersMust', '必需的求职者', 'Seekers who must have it'),
          col('seekersPrefer', '希望有的求职者', 'Seekers who prefer it'),
          col('openJobsProviding', '提供该支持的在招岗位', 'Open jobs providing it'),
          col('openingsProviding', '提供该支持的空缺名额', 'Openings providing it'),
          col('openJobsMeeting', '满足该需求的在招岗位（含远程）', 'Open jobs meeting it (incl. remote)'),
          col('mustSeekersPerJob', '每个满足岗位对应的必需求职者', 'Must-have seekers per job meeting it'),
        ],
        rows: ACCOMMODATION_CODES.map((code) => {
          const n = needs.get(code);
          const p = provided.get(code);
          const providing = p?.jobs ?? 0;
          const meeting = ACCOMMODATIONS[code].workplaceOnly ? providing - (p?.remote ?? 0) + remoteJobs : providing;
          const must = n?.must ?? 0;
          return {
            code,
            accommodation: name(ACCOMMODATIONS[code], locale),
            seekersMust: must,
            seekersPrefer: n?.prefer ?? 0,
            openJobsProviding: providing,
            openingsProviding: p?.openings ?? 0,
            openJobsMeeting: meeting,
            mustSeekersPerJob: meeting > 0 ? Math.round((must / meeting) * 100) / 100 : null,
          };
        }),
        meta: { filters: f, openRemoteJobs: remoteJobs },
      };
    },

    /** Skills most demanded by open jobs against skills most held by active seekers, labels grouped by canonical skill. */
    skills(f: StatsFilters & { limit: number }, locale: Locale): StatTable {
      const jobStreet = f.street?.length ? sql` AND j.street IN (${list(f.street)})` : sql``;
      const demandByLabel = all<{ label: string; jobs: number; required: number; openings: number }>(sql`
        SELECT js.skill AS label, count(*) AS jobs, sum(js.required) AS required, sum(j.openings) AS openings
        FROM job_skills js JOIN jobs j ON j.id = js.job_id
        WHERE j.status = 'open' AND j.openings > 0${jobStreet}
        GROUP BY js.skill`);
      const filtered = f.street?.length || f.category?.length || f.level?.length;
      const supplyByLabel = filtered
        ? all<{ label: string; seekers: number }>(sql`SELECT k.skill AS label, count(*) AS seekers FROM seekers s JOIN seeker_skills k ON k.seeker_id = s.id WHERE ${seekerWhere(f, { status: 'active' })} GROUP BY k.skill`)
        : [
            // Every label's holders from the trigger-kept counts (migration 0008), less the labels
            // of seekers who are not active.
            ...all<{ label: string; seekers: number }>(sql`SELECT label, seekers FROM seeker_skill_labels`),
            ...all<{ label: string; seekers: number }>(sql`SELECT k.skill AS label, -count(*) AS seekers FROM seekers s JOIN seeker_skills k ON k.seeker_id = s.id WHERE s.status IN ('archived', 'anonymised') GROUP BY k.skill`),
          ];
      const keyOf = (label: string) => canonicalSkill(label)?.code ?? `~${label.trim().toLowerCase()}`;
      const demand = new Map<string, { k: string; sample: string; jobs: number; required: number; openings: number }>();
      for (const d of demandByLabel) {
        const k = keyOf(d.label);
        const m = demand.get(k) ?? { k, sample: d.label, jobs: 0, required: 0, openings: 0 };
        demand.set(k, { ...m, jobs: m.jobs + d.jobs, required: m.required + d.required, openings: m.openings + d.openings });
      }
      const supply = new Map<string, { k: string; sample: string; seekers: number }>();
      for (const d of supplyByLabel) {
        const k = keyOf(d.label);
        const m = supply.get(k) ?? { k, sample: d.label, seekers: 0 };
        supply.set(k, { ...m, seekers: m.seekers + d.seekers });
      }
      const merged = new Map<string, { sample: string; jobs: number; required: number; openings: number; seekers: number }>();
      for (const d of demand.values()) merged.set(d.k, { sample: d.sample, jobs: d.jobs, required: d.required, openings: d.openings, seekers: 0 });
      for (const s of supply.values()) {
        const m = merged.get(s.k);
        if (m) m.seekers = s.seekers;
        else merged.set(s.k, { sample: s.sample, jobs: 0, required: 0, openings: 0, seekers: s.seekers });
      }
      const rows = [...merged.entries()]
        .sort(([ka, a], [kb, b]) => b.jobs - a.jobs || b.seekers - a.seekers || ka.localeCompare(kb))
        .slice(0, f.limit)
        .map(([k, m]) => {
          const known = !k.startsWith('~');
          return {
            code: known ? k : null,
            skill: known ? name(SKILLS[k as SkillCode], locale) : m.sample,
            jobsDemanding: m.jobs,
            jobsRequiring: m.required,
            openingsDemanding: m.openings,
            seekersHolding: m.seekers,
            seekersPerJob: m.jobs > 0 ? Math.round((m.seekers / m.jobs) * 100) / 100 : null,
          };
        });
      return {
        name: 'skills',
        title: { zh: '技能供需：岗位需求与求职者掌握', en: 'Skills demanded by jobs and held by seekers' },
        columns: [
          col('code', '技能代码', 'Skill code'),
          col('skill', '技能', 'Skill'),
          col('jobsDemanding', '需要该技能的在招岗位', 'Open jobs asking for it'),
          col('jobsRequiring', '其中必备', 'Of which required'),
          col('openingsDemanding', '对应空缺名额', 'Openings asking for it'),
          col('seekersHolding', '掌握该技能的求职者', 'Seekers holding it'),
          col('seekersPerJob', '每岗位求职者数', 'Seekers per job'),
        ],
        rows,
        meta: { filters: f, distinctSkills: merged.size },
      };
    },
  };
}

export type StatsService = ReturnType<typeof statsService>;
