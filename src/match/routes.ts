import { z } from 'zod';
import { STREET_CODES, WORK_MODE_CODES } from '../../matching/vocabulary.js';
import { pathId } from '../http/ids.js';
import type { RouteSpec } from '../http/route-table.js';
import { parseOrThrow } from '../http/validation.js';
import { ownJob } from '../resources/jobs/routes.js';
import { ownSeeker } from '../resources/seekers/routes.js';
import type { Services } from '../services.js';

export const MatchQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    minScore: z.coerce.number().min(0).max(1).optional(),
    street: z.enum(STREET_CODES).optional(),
    workMode: z.enum(WORK_MODE_CODES).optional(),
    lang: z.string().optional(),
  })
  .strict();

/** `/seekers/:id/matches`, `/seekers/:id/project-matches`, `/jobs/:id/candidates`. */
export function matchRoutes({ matches }: Services): RouteSpec[] {
  return [
    { method: 'get', path: '/seekers/:id/matches', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      res.json({ data: matches.jobsForSeeker(pathId(req.params.id as string, 'seeker'), parseOrThrow(MatchQuerySchema, req.query)) });
    } },
    { method: 'get', path: '/seekers/:id/matches/:jobId', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      res.json({ data: matches.explainJobForSeeker(pathId(req.params.id as string, 'seeker'), pathId(req.params.jobId as string, 'job')) });
    } },
    { method: 'get', path: '/seekers/:id/project-matches', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      res.json({ data: matches.projectsForSeeker(pathId(req.params.id as string, 'seeker'), parseOrThrow(MatchQuerySchema, req.query)) });
    } },
    { method: 'get', path: '/jobs/:id/candidates', access: { staff: true, employer: ownJob }, handler: (req, res) => {
      const { candidates, countAboveThreshold } = matches.candidatesForJob(pathId(req.params.id as string, 'job'), parseOrThrow(MatchQuerySchema, req.query));
      res.json({ data: candidates, meta: { countAboveThreshold } });
    } },
  ];
}
