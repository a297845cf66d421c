import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateCourseBody, ListCoursesQuery, UpdateCourseBody } from './schema.js';

export function courseRoutes({ courses }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(courses.list(parseOrThrow(ListCoursesQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: courses.create(parseOrThrow(CreateCourseBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: courses.get(pathId(req.params.id, 'course')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'course');
    res.json({ data: courses.update(id, parseOrThrow(UpdateCourseBody, req.body)) });
  });
  r.post('/:id/archive', (req, res) => {
    res.json({ data: courses.archive(pathId(req.params.id, 'course')) });
  });
  return r;
}
