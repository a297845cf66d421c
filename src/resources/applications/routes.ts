import type { Check, RouteSpec } from '../../http/route-table.js';
import { idParam } from '../../http/route-table.js';
import { pathId } from '../../http/ids.js';
import { parseOrThrow } from '../../http/validation.js';
import { ownJob } from '../jobs/routes.js';
import { ownSeeker } from '../seekers/routes.js';
import type { Services } from '../../services.js';
import {
  ApplyBody,
  AssessmentBody,
  FollowUpOutcomeBody,
  InviteBody,
  ListApplicationsQuery,
  PeriodQuery,
  PipelineFilterQuery,
  ReasonBody,
  StageBody,
  StatusBody,
} from './schema.js';

const applicant: Check = (auth, req, s) => auth.seekerId !== null && s.applications.owners(idParam(req))?.seekerId === auth.seekerId;
const postingEmployer: Check = (auth, req, s) => auth.memberId !== null && s.applications.owners(idParam(req))?.memberId === auth.memberId;

export function applicationRoutes({ applications, pipeline }: Services): RouteSpec[] {
  const id = (raw: unknown) => pathId(raw as string, 'application');
  const viewer = (req: Parameters<RouteSpec['handler']>[0]) => req.auth!;
  return [
    { method: 'get', path: '/applications', access: { seeker: true, employer: true, staff: true }, handler: (req, res) => {
      // Scoped by role in the service: a seeker's own, an employer's member's jobs, staff all.
      res.json(applications.list(parseOrThrow(ListApplicationsQuery, req.query), viewer(req)));
    } },
    {
      method: 'post',
      path: '/applications',
      // A seeker applies for themselves; staff refer a seeker (naming them).
      access: { staff: true, seeker: (auth, req) => [undefined, auth.seekerId].includes((req.body as { seekerId?: number } | undefined)?.seekerId) },
      handler: (req, res) => {
        const auth = req.auth!;
        const body = parseOrThrow(ApplyBody, req.body);
        if (auth.role === 'seeker') {
          res.status(201).json({ data: applications.get(applications.apply(auth.seekerId!, body.jobId, auth.userId, body.message).id, auth) });
          return;
        }
        if (body.seekerId === undefined) throw parseOrThrow(ApplyBody.required({ seekerId: true }), req.body);
        res.status(201).json({ data: applications.get(applications.refer(body.seekerId, body.jobId, auth.userId, body.message).id, auth) });
      },
    },
    { method: 'get', path: '/applications/:id', access: { staff: true, seeker: applicant, employer: postingEmployer }, handler: (req, res) => {
      res.json({ data: applications.get(id(req.params.id), viewer(req)) });
    } },
    ...(['accept', 'decline'] as const).map(
      (answer): RouteSpec => ({ method: 'post', path: `/applications/:id/${answer}`, access: { seeker: applicant }, handler: (req, res) => {
        const a = applications.answer(id(req.params.id), answer === 'accept', req.auth!.userId);
        res.json({ data: applications.get(a.id, viewer(req)) });
      } }),
    ),
    { method: 'post', path: '/applications/:id/withdraw', access: { seeker: applicant, staff: true }, handler: (req, res) => {
      const body = parseOrThrow(ReasonBody, req.body ?? {});
      res.json({ data: applications.get(applications.withdraw(id(req.params.id), req.auth!.userId, body.reason).id, viewer(req)) });
    } },
    { method: 'post', path: '/applications/:id/status', access: { staff: true, employer: postingEmployer }, handler: (req, res) => {
      const a = applications.setStatus(id(req.params.id), parseOrThrow(StatusBody, req.body), req.auth!.userId);
      res.json({ data: applications.get(a.id, viewer(req)) });
    } },
    { method: 'post', path: '/applications/:id/assessment', access: { seeker: applicant, employer: postingEmployer }, handler: (req, res) => {
      const auth = req.auth!;
      const body = parseOrThrow(AssessmentBody, req.body);
      const a = applications.assess(id(req.params.id), auth.role === 'seeker' ? 'seeker' : 'employer', body.assessment, auth.userId);
      res.json({ data: applications.get(a.id, viewer(req)) });
    } },
    { method: 'get', path: '/applications/:id/follow-ups', access: { staff: true, employer: postingEmployer, seeker: applicant }, handler: (req, res) => {
      res.json({ data: applications.followUps(id(req.params.id)) });
    } },
    { method: 'post', path: '/jobs/:id/invitations', access: { staff: true, employer: ownJob }, handler: (req, res) => {
      const body = parseOrThrow(InviteBody, req.body);
      const a = applications.invite(pathId(req.params.id as string, 'job'), body.seekerId, req.auth!.userId, body.message);
      res.status(201).json({ data: applications.get(a.id, viewer(req)) });
    } },
    { method: 'post', path: '/follow-ups/:id/outcome', access: { staff: true }, handler: (req, res) => {
      const body = parseOrThrow(FollowUpOutcomeBody, req.body);
      res.json({ data: applications.recordFollowUp(pathId(req.params.id as string, 'follow_up'), body.outcome, body.reason, req.auth!.userId) });
    } },
    { method: 'post', path: '/seekers/:id/stage', access: { staff: true }, handler: (req, res) => {
      const body = parseOrThrow(StageBody, req.body);
      res.json({ data: pipeline.setStage(pathId(req.params.id as string, 'seeker'), body.to, { byUserId: req.auth!.userId, reason: body.reason }) });
    } },
    { method: 'get', path: '/seekers/:id/timeline', access: { staff: true, seeker: ownSeeker }, handler: (req, res) => {
      res.json({ data: pipeline.timeline(pathId(req.params.id as string, 'seeker')) });
    } },
    { method: 'get', path: '/pipeline/board', access: { staff: true }, handler: (req, res) => {
      const q = parseOrThrow(PipelineFilterQuery, req.query);
      res.json({ data: pipeline.board(q, q.perStage) });
    } },
    { method: 'get', path: '/pipeline/funnel', access: { staff: true }, handler: (req, res) => {
      const q = parseOrThrow(PeriodQuery, req.query);
      res.json({ data: pipeline.funnel(q.from, q.to, q) });
    } },
    { method: 'get', path: '/pipeline/responsiveness', access: { staff: true }, handler: (req, res) => {
      const q = parseOrThrow(PeriodQuery, req.query);
      res.json({ data: pipeline.responsiveness(q.from, q.to) });
    } },
    { method: 'get', path: '/pipeline/reminders', access: { staff: true }, handler: (_req, res) => {
      res.json({ data: pipeline.reminders() });
    } },
  ];
}
