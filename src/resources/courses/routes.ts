import type { RouteSpec } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { CreateCourseBody, ListCoursesQuery, UpdateCourseBody } from './schema.js';

const everyone = { seeker: true, employer: true, staff: true } as const;

export function courseRoutes({ courses }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'course');
  return [
    { method: 'get', path: '/courses', access: everyone, handler: (req, res) => {
      res.json(courses.list(parseOrThrow(ListCoursesQuery, req.query)));
    } },
    { method: 'post', path: '/courses', access: { staff: true }, handler: (req, res) => {
      res.status(201).json({ data: courses.create(parseOrThrow(CreateCourseBody, req.body)) });
    } },
    { method: 'get', path: '/courses/:id', access: everyone, handler: (req, res) => {
      res.json({ data: courses.get(id(req.params.id)) });
    } },
    { method: 'patch', path: '/courses/:id', access: { staff: true }, handler: (req, res) => {
      res.json({ data: courses.update(id(req.params.id), parseOrThrow(UpdateCourseBody, req.body)) });
    } },
    { method: 'post', path: '/courses/:id/archive', access: { staff: true }, handler: (req, res) => {
      res.json({ data: courses.archive(id(req.params.id)) });
    } },
  ];
}
