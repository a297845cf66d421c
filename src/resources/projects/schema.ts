import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { PROJECT_STATUSES, projects } from '../../../db/schema.js';
import { ACCOMMODATION_CODES, PROJECT_SUPPORT_CODES, STREET_CODES, WORK_MODE_CODES } from '../../../matching/vocabulary.js';
import { listParam, optionalText, pageQuery, skillLabel, text, uniqueList } from '../../http/validation.js';

const fields = createInsertSchema(projects, {
  memberId: () => z.number().int().positive().nullable().optional(),
  sponsorName: () => text(100),
  title: () => text(80),
  sector: () => text(30),
  description: () => optionalText(5000).optional(),
  fundingAmount: () => z.number().int().min(0).max(10_000_000).nullable().optional(),
  capacity: () => z.number().int().min(1).max(10_000),
})
  .pick({ memberId: true, sponsorName: true, title: true, sector: true, description: true, street: true, workMode: true, fundingAmount: true, capacity: true })
  .extend({
    skills: uniqueList(skillLabel, 20),
    supports: uniqueList(z.enum(PROJECT_SUPPORT_CODES), PROJECT_SUPPORT_CODES.length),
    accommodations: uniqueList(z.enum(ACCOMMODATION_CODES), ACCOMMODATION_CODES.length),
  });

/** Lists left out of a create are empty; left out of a patch they stay as they are. */
export const CreateProjectBody = fields
  .extend({
    skills: fields.shape.skills.default([]),
    supports: fields.shape.supports.default([]),
    accommodations: fields.shape.accommodations.default([]),
  })
  .strict();
export type CreateProjectReq = z.infer<typeof CreateProjectBody>;
export const UpdateProjectBody = fields.partial().strict();
export type UpdateProjectReq = z.infer<typeof UpdateProjectBody>;

export const ListProjectsQuery = z
  .object({
    ...pageQuery,
    sector: listParam(text(30)).optional(),
    status: listParam(z.enum(PROJECT_STATUSES)).optional(),
    street: listParam(z.enum(STREET_CODES)).optional(),
    workMode: listParam(z.enum(WORK_MODE_CODES)).optional(),
    q: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type ListProjectsReq = z.infer<typeof ListProjectsQuery>;
