import { z } from 'zod';
import { APPLICATION_STATUSES, FOLLOW_UP_OUTCOMES } from '../../../db/schema.js';
import { DISABILITY_CATEGORY_CODES, DISABILITY_LEVEL_CODES, PIPELINE_STAGE_CODES, STREET_CODES } from '../../../matching/vocabulary.js';
import { isoDate, listParam, optionalText, pageQuery, text } from '../../http/validation.js';

const id = z.number().int().positive();
const idQuery = z.string().regex(/^\d+$/, { message: 'field.integer' }).transform(Number);

/** A seeker applies (their own id implied); staff refer a seeker (`seekerId` required). */
export const ApplyBody = z.object({ jobId: id, seekerId: id.optional(), message: optionalText(500).optional() }).strict();
export const InviteBody = z.object({ seekerId: id, message: optionalText(500).optional() }).strict();

/** Employer or staff moves an application along; a trial needs its dates. */
export const StatusBody = z
  .object({
    status: z.enum(['interviewing', 'trial', 'hired', 'rejected']),
    reason: optionalText(500).optional(),
    trialStartsOn: isoDate.optional(),
    trialEndsOn: isoDate.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.status === 'trial') {
      if (!b.trialStartsOn) ctx.addIssue({ code: 'custom', path: ['trialStartsOn'], message: 'field.required' });
      if (!b.trialEndsOn) ctx.addIssue({ code: 'custom', path: ['trialEndsOn'], message: 'field.required' });
      if (b.trialStartsOn && b.trialEndsOn && b.trialEndsOn < b.trialStartsOn) ctx.addIssue({ code: 'custom', path: ['trialEndsOn'], message: 'dates.end_before_start' });
    } else if (b.trialStartsOn || b.trialEndsOn) {
      ctx.addIssue({ code: 'custom', path: [b.trialStartsOn ? 'trialStartsOn' : 'trialEndsOn'], message: 'field.unknown' });
    }
  });
export type StatusReq = z.infer<typeof StatusBody>;

export const ReasonBody = z.object({ reason: optionalText(500).optional() }).strict();
export const AssessmentBody = z.object({ assessment: text(2000) }).strict();

export const ListApplicationsQuery = z
  .object({
    ...pageQuery,
    jobId: idQuery.optional(),
    seekerId: idQuery.optional(),
    memberId: idQuery.optional(),
    status: listParam(z.enum(APPLICATION_STATUSES)).optional(),
  })
  .strict();
export type ListApplicationsReq = z.infer<typeof ListApplicationsQuery>;

export const FollowUpOutcomeBody = z
  .object({ outcome: z.enum(FOLLOW_UP_OUTCOMES), reason: optionalText(500).optional() })
  .strict()
  .superRefine((b, ctx) => {
    if (b.outcome === 'left' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'field.required' });
  });

export const StageBody = z.object({ to: z.enum(PIPELINE_STAGE_CODES), reason: text(500) }).strict();

const intList = (codes: readonly number[]) =>
  listParam(z.string().regex(/^\d$/).transform(Number).refine((n) => codes.includes(n), { message: 'field.format' }));

export const PipelineFilterQuery = z
  .object({
    lang: z.string().optional(),
    street: listParam(z.enum(STREET_CODES)).optional(),
    category: intList(DISABILITY_CATEGORY_CODES).optional(),
    level: intList(DISABILITY_LEVEL_CODES).optional(),
    memberId: idQuery.optional(),
    courseId: idQuery.optional(),
    perStage: z.coerce.number().int().min(0).max(100).default(20),
  })
  .strict();

export const PeriodQuery = PipelineFilterQuery.omit({ perStage: true })
  .extend({ from: isoDate, to: isoDate })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'dates.end_before_start' });
