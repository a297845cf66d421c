import type { RouteSpec } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { CreateProjectBody, ListProjectsQuery, UpdateProjectBody } from './schema.js';

const everyone = { seeker: true, employer: true, staff: true } as const;

export function projectRoutes({ projects }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'project');
  return [
    { method: 'get', path: '/projects', access: everyone, handler: (req, res) => {
      res.json(projects.list(parseOrThrow(ListProjectsQuery, req.query)));
    } },
    { method: 'post', path: '/projects', access: { staff: true }, handler: (req, res) => {
      res.status(201).json({ data: projects.create(parseOrThrow(CreateProjectBody, req.body)) });
    } },
    { method: 'get', path: '/projects/:id', access: everyone, handler: (req, res) => {
      res.json({ data: projects.get(id(req.params.id)) });
    } },
    { method: 'patch', path: '/projects/:id', access: { staff: true }, handler: (req, res) => {
      res.json({ data: projects.update(id(req.params.id), parseOrThrow(UpdateProjectBody, req.body)) });
    } },
    ...(['close', 'reopen', 'archive'] as const).map(
      (action): RouteSpec => ({ method: 'post', path: `/projects/:id/${action}`, access: { staff: true }, handler: (req, res) => {
        res.json({ data: projects[action](id(req.params.id)) });
      } }),
    ),
  ];
}
