import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateEnrollmentBody, ListEnrollmentsQuery, UpdateEnrollmentBody } from './schema.js';

export function enrollmentRoutes({ enrollments }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(enrollments.list(parseOrThrow(ListEnrollmentsQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: enrollments.create(parseOrThrow(CreateEnrollmentBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: enrollments.get(pathId(req.params.id, 'enrollment')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'enrollment');
    res.json({ data: enrollments.update(id, parseOrThrow(UpdateEnrollmentBody, req.body)) });
  });
  return r;
}
