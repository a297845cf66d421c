import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateJobBody, ListJobsQuery, ReopenJobBody, UpdateJobBody } from './schema.js';

export function jobRoutes({ jobs }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(jobs.list(parseOrThrow(ListJobsQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: jobs.post(parseOrThrow(CreateJobBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: jobs.get(pathId(req.params.id, 'job')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'job');
    res.json({ data: jobs.update(id, parseOrThrow(UpdateJobBody, req.body)) });
  });
  r.post('/:id/close', (req, res) => {
    res.json({ data: jobs.close(pathId(req.params.id, 'job')) });
  });
  r.post('/:id/reopen', (req, res) => {
    const id = pathId(req.params.id, 'job');
    res.json({ data: jobs.reopen(id, parseOrThrow(ReopenJobBody, req.body ?? {})) });
  });
  r.post('/:id/archive', (req, res) => {
    res.json({ data: jobs.archive(pathId(req.params.id, 'job')) });
  });
  return r;
}
