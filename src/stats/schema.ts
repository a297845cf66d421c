/**
 * Request shapes of the statistics, quota and public-summary endpoints. Each table takes only
 * the filters that make sense for it (a strict schema answers 422 to any other).
 */
import { z } from 'zod';
import { DISABILITY_CATEGORY_CODES, DISABILITY_LEVEL_CODES, STREET_CODES } from '../../matching/vocabulary.js';
import { isoDate, listParam } from '../http/validation.js';

const intList = (codes: readonly number[]) =>
  listParam(z.string().regex(/^\d$/).transform(Number).refine((n) => codes.includes(n), { message: 'field.format' }));

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const base = {
  lang: z.string().optional(),
  format: z.enum(EXPORT_FORMATS).optional(),
};
const period = { from: isoDate.optional(), to: isoDate.optional() };
const seekerFilters = {
  street: listParam(z.enum(STREET_CODES)).optional(),
  category: intList(DISABILITY_CATEGORY_CODES).optional(),
  level: intList(DISABILITY_LEVEL_CODES).optional(),
};

const periodOrdered = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) => !q.from || !q.to || q.from <= q.to;
const orderMsg = { path: ['to'], message: 'dates.end_before_start' };

export const LibraryQuery = z.object({ ...base, ...period, ...seekerFilters }).strict().refine(periodOrdered, orderMsg);
export const SeekersByQuery = z
  .object({ ...base, ...period, ...seekerFilters, by: z.enum(['category', 'level', 'street', 'stage']).default('category') })
  .strict()
  .refine(periodOrdered, orderMsg);
export const RatesQuery = z
  .object({ ...base, ...period, ...seekerFilters, by: z.enum(['category', 'level', 'street']).default('category') })
  .strict()
  .refine(periodOrdered, orderMsg);
export const FunnelQuery = z.object({ ...base, ...period, ...seekerFilters }).strict().refine(periodOrdered, orderMsg);
export const TrainingQuery = z.object({ ...base, ...period, ...seekerFilters }).strict().refine(periodOrdered, orderMsg);
export const AllianceQuery = z
  .object({ ...base, ...period, street: listParam(z.enum(STREET_CODES)).optional() })
  .strict()
  .refine(periodOrdered, orderMsg);
export const GapsQuery = z.object({ ...base, ...seekerFilters }).strict();
export const SkillsQuery = z
  .object({ ...base, ...seekerFilters, limit: z.coerce.number().int().min(1).max(100).default(30) })
  .strict();

export type StatsFilters = {
  from?: string | undefined;
  to?: string | undefined;
  street?: string[] | undefined;
  category?: number[] | undefined;
  level?: number[] | undefined;
};

export const FormatParam = z.object({ format: z.enum(EXPORT_FORMATS).optional() });

export const QuotaListQuery = z
  .object({
    lang: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict();

export const PublicSummaryQuery = z.object({ lang: z.string().optional() }).strict();
