import type { RouteSpec } from '../../http/route-table.js';
import { idParam } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { CreateEnrollmentBody, ListEnrollmentsQuery, UpdateEnrollmentBody } from './schema.js';

export function enrollmentRoutes({ enrollments }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'enrollment');
  return [
    {
      method: 'get',
      path: '/enrollments',
      // A seeker lists their own training record only (the filter must name them).
      access: { staff: true, seeker: (auth, req) => auth.seekerId !== null && req.query.seekerId === String(auth.seekerId) },
      handler: (req, res) => {
        res.json(enrollments.list(parseOrThrow(ListEnrollmentsQuery, req.query)));
      },
    },
    { method: 'post', path: '/enrollments', access: { staff: true }, handler: (req, res) => {
      res.status(201).json({ data: enrollments.create(parseOrThrow(CreateEnrollmentBody, req.body)) });
    } },
    {
      method: 'get',
      path: '/enrollments/:id',
      access: { staff: true, seeker: (auth, req, services) => auth.seekerId !== null && services.enrollments.seekerOf(idParam(req)) === auth.seekerId },
      handler: (req, res) => {
        res.json({ data: enrollments.get(id(req.params.id)) });
      },
    },
    { method: 'patch', path: '/enrollments/:id', access: { staff: true }, handler: (req, res) => {
      res.json({ data: enrollments.update(id(req.params.id), parseOrThrow(UpdateEnrollmentBody, req.body)) });
    } },
  ];
}
