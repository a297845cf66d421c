import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { allianceMembers, COMMITMENT_LEVELS, RECORD_STATUSES } from '../../../db/schema.js';
import { MEMBER_KIND_CODES, STREET_CODES } from '../../../matching/vocabulary.js';
import { email, isoDate, listParam, optionalText, pageQuery, phone, text } from '../../http/validation.js';

const fields = createInsertSchema(allianceMembers, {
  name: () => text(100),
  creditCode: () => z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { message: 'field.format' }).nullable().optional(),
  address: () => optionalText(200).nullable().optional(),
  description: () => optionalText(2000).optional(),
  contactName: () => optionalText(50).nullable().optional(),
  contactPhone: () => phone.nullable().optional(),
  contactEmail: () => email.nullable().optional(),
  headcount: (s) => s.int().min(0).max(1_000_000),
  disabledHeadcount: (s) => s.int().min(0).max(1_000_000),
  pledgedPositions: (s) => s.int().min(0).max(10_000),
  /** CNY per year; 1,000–10,000,000 catches a monthly figure typed by mistake only partly, so pages say "per year". */
  averageWage: (s) => s.int().min(1_000).max(10_000_000).nullable().optional(),
  joinedOn: () => isoDate,
}).pick({
  name: true,
  kind: true,
  creditCode: true,
  street: true,
  address: true,
  description: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  headcount: true,
  disabledHeadcount: true,
  pledgedPositions: true,
  averageWage: true,
  commitmentLevel: true,
  joinedOn: true,
});

export const CreateMemberBody = fields.strict();
export type CreateMemberReq = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = fields.partial().strict();
export type UpdateMemberReq = z.infer<typeof UpdateMemberBody>;

/** An employer edits their member's profile but not the commitment level or the date joined. */
export const EmployerUpdateMemberBody = fields.omit({ commitmentLevel: true, joinedOn: true }).partial().strict();

export const ListMembersQuery = z
  .object({
    ...pageQuery,
    kind: listParam(z.enum(MEMBER_KIND_CODES)).optional(),
    street: listParam(z.enum(STREET_CODES)).optional(),
    commitmentLevel: z.enum(COMMITMENT_LEVELS).optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    q: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
export type ListMembersReq = z.infer<typeof ListMembersQuery>;
