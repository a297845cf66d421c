import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { JOB_STATUSES, jobs } from '../../../db/schema.js';
import { ACCOMMODATION_CODES, HOURS_CODES, STREET_CODES, WORK_MODE_CODES } from '../../../matching/vocabulary.js';
import { listParam, optionalText, pageQuery, queryBoolean, skillLabel, text, uniqueList } from '../../http/validation.js';

const salary = z.number().int().min(0).max(200_000).nullable();

const fields = createInsertSchema(jobs, {
  memberId: (s) => s.int().positive(),
  title: () => text(80),
  description: () => optionalText(5000).optional(),
  address: () => optionalText(200).nullable().optional(),
  salaryMin: () => salary.optional(),
  salaryMax: () => salary.optional(),
  openings: () => z.number().int().min(1).max(1000),
})
  .pick({
    memberId: true,
    title: true,
    description: true,
    street: true,
    address: true,
    workMode: true,
    hours: true,
    salaryMin: true,
    salaryMax: true,
    openings: true,
    reserved: true,
  })
  .extend({
    requiredSkills: uniqueList(skillLabel, 20),
    preferredSkills: uniqueList(skillLabel, 20),
    requiredCourseIds: uniqueList(z.number().int().positive(), 10),
    accommodations: uniqueList(z.enum(ACCOMMODATION_CODES), ACCOMMODATION_CODES.length),
  });

/** Employers post; `status` and `verified` are never in a request body (closing is its own action). */
/** Lists left out of a create are empty; left out of a patch they stay as they are. */
export const CreateJobBody = fields
  .extend({
    requiredSkills: fields.shape.requiredSkills.default([]),
    preferredSkills: fields.shape.preferredSkills.default([]),
    requiredCourseIds: fields.shape.requiredCourseIds.default([]),
    accommodations: fields.shape.accommodations.default([]),
  })
  .strict();
export type CreateJobReq = z.infer<typeof CreateJobBody>;

export const UpdateJobBody = fields.omit({ memberId: true }).partial().strict();
export type UpdateJobReq = z.infer<typeof UpdateJobBody>;

/** Reopening may raise the openings in the same step. */
export const ReopenJobBody = z.object({ openings: z.number().int().min(1).max(1000).optional() }).strict();

export const ListJobsQuery = z
  .object({
    ...pageQuery,
    memberId: z.string().regex(/^\d+$/, { message: 'field.integer' }).transform(Number).optional(),
    status: listParam(z.enum(JOB_STATUSES)).optional(),
    street: listParam(z.enum(STREET_CODES)).optional(),
    workMode: listParam(z.enum(WORK_MODE_CODES)).optional(),
    accommodation: listParam(z.enum(ACCOMMODATION_CODES)).optional(),
    skill: listParam(skillLabel).optional(),
    verified: queryBoolean.optional(),
    q: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type ListJobsReq = z.infer<typeof ListJobsQuery>;
