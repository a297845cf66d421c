import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateProjectBody, ListProjectsQuery, UpdateProjectBody } from './schema.js';

export function projectRoutes({ projects }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(projects.list(parseOrThrow(ListProjectsQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: projects.create(parseOrThrow(CreateProjectBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: projects.get(pathId(req.params.id, 'project')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'project');
    res.json({ data: projects.update(id, parseOrThrow(UpdateProjectBody, req.body)) });
  });
  for (const action of ['close', 'reopen', 'archive'] as const) {
    r.post(`/:id/${action}`, (req, res) => {
      res.json({ data: projects[action](pathId(req.params.id, 'project')) });
    });
  }
  return r;
}
