import { Router } from 'express';
import type { Services } from '../../services.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { CreateMemberBody, ListMembersQuery, UpdateMemberBody } from './schema.js';

export function allianceMemberRoutes({ allianceMembers }: Services): Router {
  const r = Router();
  r.get('/', (req, res) => {
    res.json(allianceMembers.list(parseOrThrow(ListMembersQuery, req.query)));
  });
  r.post('/', (req, res) => {
    res.status(201).json({ data: allianceMembers.create(parseOrThrow(CreateMemberBody, req.body)) });
  });
  r.get('/:id', (req, res) => {
    res.json({ data: allianceMembers.get(pathId(req.params.id, 'alliance_member')) });
  });
  r.patch('/:id', (req, res) => {
    const id = pathId(req.params.id, 'alliance_member');
    res.json({ data: allianceMembers.update(id, parseOrThrow(UpdateMemberBody, req.body)) });
  });
  r.post('/:id/archive', (req, res) => {
    res.json({ data: allianceMembers.archive(pathId(req.params.id, 'alliance_member')) });
  });
  return r;
}
