import type { Check, RouteSpec } from '../../http/route-table.js';
import { idParam } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { ConsentsBody, CreateSeekerBody, ListSeekersQuery, SelfUpdateSeekerBody, UpdateSeekerBody } from './schema.js';

/** The seeker the request names is the signed-in seeker. */
export const ownSeeker: Check = (auth, req) => auth.seekerId !== null && auth.seekerId === idParam(req);

export function seekerRoutes({ seekers }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'seeker');
  return [
    { method: 'get', path: '/seekers', access: { staff: true }, handler: (req, res) => {
      res.json(seekers.list(parseOrThrow(ListSeekersQuery, req.query)));
    } },
    { method: 'post', path: '/seekers', access: { staff: true }, handler: (req, res) => {
      res.status(201).json({ data: seekers.create(parseOrThrow(CreateSeekerBody, req.body), req.auth!.userId) });
    } },
    { method: 'get', path: '/seekers/:id', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      const auth = req.auth!;
      res.json({ data: seekers.get(id(req.params.id), { userId: auth.userId, reveal: true, audit: auth.role === 'staff' }) });
    } },
    { method: 'patch', path: '/seekers/:id', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      // A seeker edits their profile; the disability record (certificate, category, level) is staff-verified.
      const body = parseOrThrow(req.auth!.role === 'staff' ? UpdateSeekerBody : SelfUpdateSeekerBody, req.body);
      res.json({ data: seekers.update(id(req.params.id), body) });
    } },
    { method: 'post', path: '/seekers/:id/archive', access: { staff: true }, handler: (req, res) => {
      res.json({ data: seekers.archive(id(req.params.id)) });
    } },
    { method: 'post', path: '/seekers/:id/consents', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      res.json({ data: seekers.setConsents(id(req.params.id), parseOrThrow(ConsentsBody, req.body), req.auth!.userId) });
    } },
    { method: 'get', path: '/seekers/:id/export', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      const data = seekers.exportData(id(req.params.id), req.auth!.userId);
      res.set('Content-Disposition', `attachment; filename="abilitybridge-my-data.json"`);
      res.json({ data });
    } },
    { method: 'post', path: '/seekers/:id/deletion-request', access: { seeker: ownSeeker, staff: true }, handler: (req, res) => {
      res.status(202).json({ data: seekers.requestDeletion(id(req.params.id), req.auth!.userId) });
    } },
    { method: 'post', path: '/seekers/:id/anonymise', access: { staff: true }, handler: (req, res) => {
      res.json({ data: seekers.anonymise(id(req.params.id), req.auth!.userId) });
    } },
  ];
}
