import { z } from 'zod';
import { ENROLLMENT_STATUSES } from '../../../db/schema.js';
import { isoDate, listParam, optionalText, pageQuery } from '../../http/validation.js';

const id = z.number().int().positive();
const idQuery = z.string().regex(/^\d+$/, { message: 'field.integer' }).transform(Number);

/** Enrolling a seeker on a course of the catalogue; `enrolledOn` defaults to today. */
export const CreateEnrollmentBody = z.object({ seekerId: id, courseId: id, enrolledOn: isoDate.optional() }).strict();
export type CreateEnrollmentReq = z.infer<typeof CreateEnrollmentBody>;

/** Completing or dropping a course; a completion carries its date and may carry a result. */
export const UpdateEnrollmentBody = z
  .object({
    status: z.enum(ENROLLMENT_STATUSES).optional(),
    completedOn: isoDate.nullable().optional(),
    result: optionalText(200).nullable().optional(),
  })
  .strict();
export type UpdateEnrollmentReq = z.infer<typeof UpdateEnrollmentBody>;

export const ListEnrollmentsQuery = z
  .object({ ...pageQuery, seekerId: idQuery.optional(), courseId: idQuery.optional(), status: listParam(z.enum(ENROLLMENT_STATUSES)).optional() })
  .strict();
export type ListEnrollmentsReq = z.infer<typeof ListEnrollmentsQuery>;
