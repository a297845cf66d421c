import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { COURSE_STATUSES, courses } from '../../../db/schema.js';
import { ACCOMMODATION_CODES, WORK_MODE_CODES } from '../../../matching/vocabulary.js';
import { isoDate, listParam, optionalText, pageQuery, skillLabel, text, uniqueList } from '../../http/validation.js';

const fields = createInsertSchema(courses, {
  code: () => z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, { message: 'field.format' }),
  titleZh: () => text(80),
  titleEn: () => text(120),
  provider: () => text(100),
  description: () => optionalText(5000).optional(),
  durationHours: () => z.number().int().min(1).max(2000),
  startsOn: () => isoDate.nullable().optional(),
  endsOn: () => isoDate.nullable().optional(),
  capacity: () => z.number().int().min(1).max(10_000),
})
  .pick({ code: true, titleZh: true, titleEn: true, provider: true, description: true, durationHours: true, workMode: true, street: true, startsOn: true, endsOn: true, capacity: true })
  .extend({
    skills: uniqueList(skillLabel, 20),
    accommodations: uniqueList(z.enum(ACCOMMODATION_CODES), ACCOMMODATION_CODES.length),
  });

/** Lists left out of a create are empty; left out of a patch they stay as they are. */
export const CreateCourseBody = fields
  .extend({
    skills: fields.shape.skills.default([]),
    accommodations: fields.shape.accommodations.default([]),
  })
  .strict();
export type CreateCourseReq = z.infer<typeof CreateCourseBody>;
export const UpdateCourseBody = fields.partial().strict();
export type UpdateCourseReq = z.infer<typeof UpdateCourseBody>;

export const ListCoursesQuery = z
  .object({
    ...pageQuery,
    status: listParam(z.enum(COURSE_STATUSES)).optional(),
    workMode: listParam(z.enum(WORK_MODE_CODES)).optional(),
    skill: listParam(skillLabel).optional(),
    q: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type ListCoursesReq = z.infer<typeof ListCoursesQuery>;
