import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateSeekerBody, ListSeekersQuery, UpdateSeekerBody } from './schema.js';

export function seekerRoutes({ seekers }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(seekers.list(parseOrThrow(ListSeekersQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: seekers.create(parseOrThrow(CreateSeekerBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: seekers.get(pathId(req.params.id, 'seeker')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'seeker');
    res.json({ data: seekers.update(id, parseOrThrow(UpdateSeekerBody, req.body)) });
  });
  r.post('/:id/archive', (req, res) => {
    res.json({ data: seekers.archive(pathId(req.params.id, 'seeker')) });
  });
  return r;
}
