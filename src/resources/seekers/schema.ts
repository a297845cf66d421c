import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { SEEKER_STATUSES, SKILL_LEVELS, seekers } from '../../../db/schema.js';
import {
  ACCOMMODATION_CODES,
  DISABILITY_CATEGORY_CODES,
  DISABILITY_LEVEL_CODES,
  HOURS_CODES,
  NEED_STRENGTHS,
  PIPELINE_STAGE_CODES,
  STREET_CODES,
  WORK_MODE_CODES,
} from '../../../matching/vocabulary.js';
import { email, listParam, optionalText, pageQuery, phone, skillLabel, text, uniqueList } from '../../http/validation.js';

export const SeekerNeed = z.object({ code: z.enum(ACCOMMODATION_CODES), strength: z.enum(NEED_STRENGTHS) }).strict();
export const SeekerSkill = z.object({ skill: skillLabel, level: z.enum(SKILL_LEVELS).default('basic') }).strict();

const uniqueBy = <T>(key: (x: T) => string) => (xs: T[]) => new Set(xs.map(key)).size === xs.length;

const fields = createInsertSchema(seekers, {
  name: () => text(50),
  certificateNumber: () => z.string().trim().toUpperCase().min(1).max(30),
  disabilityCategory: () => z.union(DISABILITY_CATEGORY_CODES.map((c) => z.literal(c))),
  disabilityLevel: () => z.union(DISABILITY_LEVEL_CODES.map((c) => z.literal(c))),
  phone: () => phone.nullable().optional(),
  email: () => email.nullable().optional(),
  community: () => optionalText(30).nullable().optional(),
  about: () => optionalText(2000).optional(),
  salaryExpectation: () => z.number().int().min(0).max(200_000).nullable().optional(),
})
  .pick({
    name: true,
    certificateNumber: true,
    disabilityCategory: true,
    disabilityLevel: true,
    phone: true,
    email: true,
    street: true,
    community: true,
    education: true,
    about: true,
    salaryExpectation: true,
  })
  .extend({
    workModes: uniqueList(z.enum(WORK_MODE_CODES), WORK_MODE_CODES.length).pipe(z.array(z.enum(WORK_MODE_CODES)).min(1)),
    preferredHours: uniqueList(z.enum(HOURS_CODES), HOURS_CODES.length),
    needs: z.array(SeekerNeed).max(ACCOMMODATION_CODES.length).refine(uniqueBy((n: z.infer<typeof SeekerNeed>) => n.code), { message: 'field.duplicate_items' }),
    skills: z.array(SeekerSkill).max(30).refine(uniqueBy((s: { skill: string }) => s.skill.toLowerCase()), { message: 'field.duplicate_items' }),
  });

/**
 * Registering a seeker processes disability data, so the separate consent to that (PIPL Art. 29)
 * must be given; alerts and sharing with employers are each a choice of their own.
 */
const ConsentsOnCreate = z
  .object({
    sensitiveData: z.literal(true),
    matchAlerts: z.boolean().default(false),
    shareWithEmployers: z.boolean().default(false),
    textVersion: text(20),
  })
  .strict();

/** Giving or withdrawing any consent; withdrawing takes effect at once. */
export const ConsentsBody = z
  .object({
    sensitiveData: z.boolean().optional(),
    matchAlerts: z.boolean().optional(),
    shareWithEmployers: z.boolean().optional(),
    textVersion: text(20),
  })
  .strict();
export type ConsentsReq = z.infer<typeof ConsentsBody>;

/** Lists left out of a registration are empty; left out of a patch they stay as they are. */
export const CreateSeekerBody = fields
  .extend({
    preferredHours: fields.shape.preferredHours.default([]),
    needs: fields.shape.needs.default([]),
    skills: fields.shape.skills.default([]),
    consents: ConsentsOnCreate,
  })
  .strict();
export type CreateSeekerReq = z.infer<typeof CreateSeekerBody>;

export const UpdateSeekerBody = fields.partial().strict();
export type UpdateSeekerReq = z.infer<typeof UpdateSeekerBody>;

/** What a seeker may change about themselves: not the staff-verified disability record. */
export const SelfUpdateSeekerBody = fields
  .omit({ certificateNumber: true, disabilityCategory: true, disabilityLevel: true })
  .partial()
  .strict();

const intList = (codes: readonly number[]) =>
  listParam(z.string().regex(/^\d$/).transform(Number).refine((n) => codes.includes(n), { message: 'field.format' }));

export const ListSeekersQuery = z
  .object({
    ...pageQuery,
    category: intList(DISABILITY_CATEGORY_CODES).optional(),
    level: intList(DISABILITY_LEVEL_CODES).optional(),
    street: listParam(z.enum(STREET_CODES)).optional(),
    stage: listParam(z.enum(PIPELINE_STAGE_CODES)).optional(),
    skill: listParam(skillLabel).optional(),
    need: listParam(z.enum(ACCOMMODATION_CODES)).optional(),
    status: z.enum(SEEKER_STATUSES).optional(),
    q: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type ListSeekersReq = z.infer<typeof ListSeekersQuery>;
