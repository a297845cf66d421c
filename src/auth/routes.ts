import { z } from 'zod';
import { LOCALES, USER_ROLES } from '../../db/schema.js';
import { ListAuditQuery } from '../audit/service.js';
import { pathId } from '../http/ids.js';
import type { RouteSpec } from '../http/route-table.js';
import { parseOrThrow, text } from '../http/validation.js';
import type { Services } from '../services.js';
import { clearSessionCookie, setSessionCookie } from './middleware.js';

const LoginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) }).strict();
const PreferencesBody = z
  .object({ locale: z.enum(LOCALES).optional(), largeText: z.boolean().optional(), highContrast: z.boolean().optional() })
  .strict();
const CreateUserBody = z
  .object({
    username: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, { message: 'field.format' }),
    password: z.string().max(1024),
    role: z.enum(USER_ROLES),
    displayName: text(50),
    seekerId: z.number().int().positive().optional(),
    memberId: z.number().int().positive().optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
  .superRefine((u, ctx) => {
    // Each role links to exactly what it acts for.
    if (u.role === 'seeker' && u.seekerId === undefined) ctx.addIssue({ code: 'custom', path: ['seekerId'], message: 'field.required' });
    if (u.role === 'employer' && u.memberId === undefined) ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'field.required' });
    if (u.role !== 'seeker' && u.seekerId !== undefined) ctx.addIssue({ code: 'custom', path: ['seekerId'], message: 'field.unknown' });
    if (u.role !== 'employer' && u.memberId !== undefined) ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'field.unknown' });
  });

const anyone = { seeker: true, employer: true, staff: true } as const;

export function authRoutes({ accounts, audit, config }: Services): RouteSpec[] {
  const maxAge = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  return [
    { method: 'post', path: '/auth/login', access: 'public', handler: async (req, res) => {
      const { username, password } = parseOrThrow(LoginBody, req.body);
      const session = await accounts.login(username, password, req.ip ?? 'unknown');
      setSessionCookie(req, res, session.token, maxAge);
      res.json({ data: { user: session.user, csrfToken: session.csrfToken } });
    } },
    { method: 'get', path: '/auth/session', access: anyone, handler: (req, res) => {
      res.json({ data: { user: accounts.get(req.auth!.userId), csrfToken: req.auth!.csrfToken } });
    } },
    { method: 'post', path: '/auth/logout', access: anyone, handler: (req, res) => {
      accounts.logout(req.auth!);
      clearSessionCookie(req, res);
      res.status(204).end();
    } },
    { method: 'post', path: '/auth/password', access: anyone, handler: async (req, res) => {
      const body = parseOrThrow(PasswordBody, req.body);
      const session = await accounts.changePassword(req.auth!, body.currentPassword, body.newPassword);
      setSessionCookie(req, res, session.token, maxAge);
      res.json({ data: { csrfToken: session.csrfToken } });
    } },
    { method: 'patch', path: '/auth/preferences', access: anyone, handler: (req, res) => {
      res.json({ data: accounts.setPreferences(req.auth!, parseOrThrow(PreferencesBody, req.body)) });
    } },
    { method: 'get', path: '/users', access: { staff: true }, handler: (_req, res) => {
      res.json({ data: accounts.list() });
    } },
    { method: 'post', path: '/users', access: { staff: true }, handler: async (req, res) => {
      const user = await accounts.create(parseOrThrow(CreateUserBody, req.body));
      audit.record({ userId: req.auth!.userId, action: 'user_created', entity: 'user', entityId: user.id, fields: ['role'] });
      res.status(201).json({ data: user });
    } },
    { method: 'get', path: '/users/:id', access: { staff: true }, handler: (req, res) => {
      res.json({ data: accounts.get(pathId(req.params.id as string, 'user')) });
    } },
    ...(['disable', 'enable'] as const).map(
      (action): RouteSpec => ({ method: 'post', path: `/users/:id/${action}`, access: { staff: true }, handler: (req, res) => {
        const id = pathId(req.params.id as string, 'user');
        const user = accounts.setDisabled(id, action === 'disable');
        audit.record({ userId: req.auth!.userId, action: action === 'disable' ? 'user_disabled' : 'user_enabled', entity: 'user', entityId: id, fields: ['disabled'] });
        res.json({ data: user });
      } }),
    ),
    { method: 'get', path: '/audit-log', access: { staff: true }, handler: (req, res) => {
      res.json(audit.list(parseOrThrow(ListAuditQuery, req.query)));
    } },
  ];
}

