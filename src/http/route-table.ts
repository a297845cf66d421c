/**
 * Every API route is declared with who may call it; there is no way to add a route without an
 * access rule (deny by default). The access-matrix test walks this same table.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';

export type Role = 'seeker' | 'employer' | 'staff';

/** The signed-in user, attached by the session middleware. */
export interface Auth {
  userId: number;
  role: Role;
  seekerId: number | null;
  memberId: number | null;
  sessionIdHash: string;
  csrfToken: string;
}

export type AuthedRequest = Request & { auth?: Auth };

/** An ownership check: may this user act on what this request names? */
export type Check = (auth: Auth, req: AuthedRequest, services: Services) => boolean;

/**
 * `public`: no session needed. Otherwise per role: `true` = any resource, a check = only what
 * passes it; a role left out is refused (403). A failed ownership check on a path naming a
 * resource answers 404, so ids of others' records cannot be probed.
 */
export type Access = 'public' | Partial<Record<Role, true | Check>>;

export interface RouteSpec {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  access: Access;
  handler: (req: AuthedRequest, res: Response) => void | Promise<void>;
}

export function guard(spec: RouteSpec, services: Services) {
  return (req: AuthedRequest, _res: Response, next: NextFunction) => {
    if (spec.access === 'public') return next();
    const auth = req.auth;
    if (!auth) return next(new AppError('unauthenticated', 'error.unauthenticated'));
    const rule = spec.access[auth.role];
    if (rule === undefined) return next(new AppError('forbidden', 'error.forbidden'));
    if (rule !== true && !rule(auth, req, services)) {
      return next(spec.path.includes('/:') ? new AppError('not_found', 'error.not_yours') : new AppError('forbidden', 'error.forbidden'));
    }
    next();
  };
}

export function mount(router: Router, specs: RouteSpec[], services: Services): void {
  for (const spec of specs) router[spec.method](spec.path, guard(spec, services), spec.handler);
}

/** The numeric `:id` of a request, or NaN (then no ownership check passes). */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name];
  return typeof raw === 'string' && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
}
