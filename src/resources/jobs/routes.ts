import type { Check, RouteSpec } from '../../http/route-table.js';
import { idParam } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { CreateJobBody, ListJobsQuery, ReopenJobBody, UpdateJobBody } from './schema.js';

/** The job the request names belongs to the employer's own alliance member. */
export const ownJob: Check = (auth, req, services) => auth.memberId !== null && services.jobs.memberOf(idParam(req)) === auth.memberId;

const everyone = { seeker: true, employer: true, staff: true } as const;

export function jobRoutes({ jobs }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'job');
  const manage = { staff: true, employer: ownJob } as const;
  return [
    { method: 'get', path: '/jobs', access: everyone, handler: (req, res) => {
      res.json(jobs.list(parseOrThrow(ListJobsQuery, req.query)));
    } },
    {
      method: 'post',
      path: '/jobs',
      // Employers post for their own member only (memberId defaults to it).
      access: { staff: true, employer: (auth, req) => [undefined, auth.memberId].includes((req.body as { memberId?: unknown } | undefined)?.memberId as number | undefined) },
      handler: (req, res) => {
        const auth = req.auth!;
        const body = auth.role === 'employer' ? { memberId: auth.memberId, ...(req.body as object) } : req.body;
        res.status(201).json({ data: jobs.post(parseOrThrow(CreateJobBody, body)) });
      },
    },
    { method: 'get', path: '/jobs/:id', access: everyone, handler: (req, res) => {
      res.json({ data: jobs.get(id(req.params.id)) });
    } },
    { method: 'patch', path: '/jobs/:id', access: manage, handler: (req, res) => {
      res.json({ data: jobs.update(id(req.params.id), parseOrThrow(UpdateJobBody, req.body)) });
    } },
    { method: 'post', path: '/jobs/:id/close', access: manage, handler: (req, res) => {
      res.json({ data: jobs.close(id(req.params.id)) });
    } },
    { method: 'post', path: '/jobs/:id/reopen', access: manage, handler: (req, res) => {
      res.json({ data: jobs.reopen(id(req.params.id), parseOrThrow(ReopenJobBody, req.body ?? {})) });
    } },
    { method: 'post', path: '/jobs/:id/archive', access: manage, handler: (req, res) => {
      res.json({ data: jobs.archive(id(req.params.id)) });
    } },
    { method: 'post', path: '/jobs/:id/verify', access: { staff: true }, handler: (req, res) => {
      res.json({ data: jobs.verify(id(req.params.id)) });
    } },
  ];
}
