import type { RouteSpec } from '../../http/route-table.js';
import { idParam } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import type { Services } from '../../services.js';
import { CreateMemberBody, EmployerUpdateMemberBody, ListMembersQuery, UpdateMemberBody } from './schema.js';

const everyone = { seeker: true, employer: true, staff: true } as const;

export function allianceMemberRoutes({ allianceMembers }: Services): RouteSpec[] {
  return [
    { method: 'get', path: '/alliance-members', access: everyone, handler: (req, res) => {
      res.json(allianceMembers.list(parseOrThrow(ListMembersQuery, req.query)));
    } },
    { method: 'post', path: '/alliance-members', access: { staff: true }, handler: (req, res) => {
      res.status(201).json({ data: allianceMembers.create(parseOrThrow(CreateMemberBody, req.body)) });
    } },
    { method: 'get', path: '/alliance-members/:id', access: everyone, handler: (req, res) => {
      res.json({ data: allianceMembers.get(pathId(req.params.id as string, 'alliance_member')) });
    } },
    {
      method: 'patch',
      path: '/alliance-members/:id',
      // An employer keeps their own member's profile; the commitment level is staff's to assess.
      access: { staff: true, employer: (auth, req) => auth.memberId === idParam(req) },
      handler: (req, res) => {
        const id = pathId(req.params.id as string, 'alliance_member');
        const body = parseOrThrow(req.auth?.role === 'staff' ? UpdateMemberBody : EmployerUpdateMemberBody, req.body);
        res.json({ data: allianceMembers.update(id, body) });
      },
    },
    { method: 'post', path: '/alliance-members/:id/archive', access: { staff: true }, handler: (req, res) => {
      res.json({ data: allianceMembers.archive(pathId(req.params.id as string, 'alliance_member')) });
    } },
  ];
}
