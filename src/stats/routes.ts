/**
 * `/stats/<table>` (staff): every statistics table as JSON, or exported as CSV or XLSX with
 * `/stats/<table>.csv`, `.xlsx` or `?format=csv|xlsx`, headers in the request's language.
 * `/public/summary` (anyone, suppressed counts), `/quota/members[/:id]` (staff; an employer their own).
 */
import type { Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { requestLocale, type Locale } from '../i18n.js';
import { idParam, type AuthedRequest, type RouteSpec } from '../http/route-table.js';
import { pathId } from '../http/ids.js';
import { parseOrThrow } from '../http/validation.js';
import type { Services } from '../services.js';
import {
  AllianceQuery,
  type ExportFormat,
  FormatParam,
  FunnelQuery,
  GapsQuery,
  LibraryQuery,
  PublicSummaryQuery,
  QuotaListQuery,
  RatesQuery,
  SeekersByQuery,
  SkillsQuery,
  TrainingQuery,
} from './schema.js';
import { publicSummary } from './summary.js';
import { tableJson, toCsv, toXlsx, type StatTable } from './table.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function send(req: AuthedRequest, res: Response, table: StatTable, queryFormat: ExportFormat | undefined, locale: Locale) {
  const { format: pathFormat } = parseOrThrow(FormatParam, { format: req.params.format });
  if (pathFormat && queryFormat && pathFormat !== queryFormat) throw AppError.validation([{ path: 'format', key: 'field.format' }]);
  const format = pathFormat ?? queryFormat ?? 'json';
  if (format === 'json') {
    res.json({ data: tableJson(table, locale) });
    return;
  }
  const body = format === 'csv' ? toCsv(table, locale) : await toXlsx(table, locale);
  res.set('Content-Type', CONTENT_TYPES[format]);
  res.set('Content-Disposition', `attachment; filename="${table.name}.${format}"`);
  res.send(body);
}

export function statsRoutes({ stats, quota, db }: Services): RouteSpec[] {
  /** One staff route per table: `/stats/<path>`, `/stats/<path>.csv`, `/stats/<path>.xlsx`. */
  function table<S extends z.ZodType<{ format?: ExportFormat | undefined }>>(path: string, schema: S, build: (q: z.output<S>, locale: Locale) => StatTable): RouteSpec {
    return {
      method: 'get',
      path: `/stats/${path}{.:format}`,
      access: { staff: true },
      handler: async (req, res) => {
        const q = parseOrThrow(schema, req.query);
        const locale = requestLocale(req);
        await send(req, res, build(q, locale), q.format, locale);
      },
    };
  }

  return [
    table('library-sizes', LibraryQuery, (q, l) => stats.librarySizes(q, l)),
    table('seekers', SeekersByQuery, (q, l) => stats.seekersBy(q.by, q, l)),
    table('employment-rates', RatesQuery, (q, l) => stats.employmentRates(q.by, q, l)),
    table('funnel', FunnelQuery, (q, l) => stats.funnel(q, l)),
    table('training-outcomes', TrainingQuery, (q, l) => stats.trainingOutcomes(q, l)),
    table('alliance', AllianceQuery, (q, l) => stats.alliance(q, l)),
    table('accommodation-gaps', GapsQuery, (q, l) => stats.accommodationGaps(q, l)),
    table('skills', SkillsQuery, (q, l) => stats.skills(q, l)),
    { method: 'get', path: '/public/summary', access: 'public', handler: (req, res) => {
      parseOrThrow(PublicSummaryQuery, req.query);
      res.json({ data: publicSummary(db, requestLocale(req)) });
    } },
    { method: 'get', path: '/quota/members', access: { staff: true }, handler: (req, res) => {
      res.json(quota.list(parseOrThrow(QuotaListQuery, req.query)));
    } },
    {
      method: 'get',
      path: '/quota/members/:id',
      access: { staff: true, employer: (auth, req) => auth.memberId === idParam(req) },
      handler: (req, res) => {
        res.json({ data: quota.member(pathId(req.params.id as string, 'alliance_member')) });
      },
    },
  ];
}
