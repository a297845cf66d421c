/**
 * zod → our errors. Every issue zod finds becomes one field problem with a translatable message
 * key, so a response names every bad field (outline keeps only the first; we keep them all).
 */
import { z } from 'zod';
import { AppError, type FieldProblem } from '../errors.js';
import { isMessageKey, type MessageKey } from '../i18n.js';
import { isIsoDate } from '../domain/identity.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = joinPath(issue.path);
    if (isMessageKey(issue.message)) {
      const params = (issue as { params?: Record<string, string | number> }).params;
      problems.push({ path, key: issue.message, ...(params ? { params } : {}) });
      continue;
    }
    const missing = issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    if (missing && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) {
      problems.push({ path, key: 'field.required' });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int') problems.push({ path, key: 'field.integer' });
        else if (isMessageKey(`field.type_${issue.expected}`)) problems.push({ path, key: `field.type_${issue.expected}` as MessageKey });
        else problems.push({ path, key: 'field.type', params: { expected: String(issue.expected) } });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) problems.push({ path: joinPath([...issue.path, key]), key: 'field.unknown' });
        break;
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') problems.push({ path, key: minimum <= 1 ? 'field.blank' : 'field.too_short', params: { minimum } });
        else if (issue.origin === 'array' || issue.origin === 'set') problems.push({ path, key: 'field.too_few', params: { minimum } });
        else problems.push({ path, key: 'field.too_small', params: { minimum } });
        break;
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        if (issue.origin === 'string') problems.push({ path, key: 'field.too_long', params: { maximum } });
        else if (issue.origin === 'array' || issue.origin === 'set') problems.push({ path, key: 'field.too_many', params: { maximum } });
        else problems.push({ path, key: 'field.too_big', params: { maximum } });
        break;
      }
      case 'invalid_value':
        problems.push({ path, key: 'field.one_of', params: { values: issue.values.map(String).join(', ') } });
        break;
      case 'invalid_format':
        problems.push({ path, key: issue.format === 'email' ? 'field.email' : 'field.format' });
        break;
      default:
        problems.push({ path, key: 'field.format' });
    }
  }
  return problems;
}

/** Parses `input` or throws a 422 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(issuesToProblems(result.error.issues, input));
  return result.data;
}

// Building blocks shared by the request schemas.

export const isoDate = z.string().refine(isIsoDate, { message: 'field.date' });

export const text = (max: number) => z.string().trim().min(1).max(max);

export const optionalText = (max: number) => z.string().trim().max(max);

/** Mainland mobile (11 digits starting 1) or landline with area code, e.g. 0755-28312345. */
export const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'field.phone' });

export const email = z.email().max(254);

/** A list without duplicates. */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs.map((x) => JSON.stringify(x))).size === xs.length, { message: 'field.duplicate_items' });
}

/** Skill labels: free text as a person writes it, trimmed, 1–40 characters. */
export const skillLabel = text(40);

/** Pagination: `limit` 1–100 (default 20) and an opaque keyset `cursor` (the last id seen). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().min(0).optional(),
  lang: z.string().optional(),
};

/** Query values that may be repeated (`?skill=a&skill=b`) or comma-separated. */
export function listParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
}

/** `true`/`false`/`1`/`0` in a query string. */
export const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
