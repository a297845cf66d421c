/**
 * Reads the session cookie into `req.auth`, and demands the session's CSRF token on every
 * cookie-authenticated write (synchronizer token in the `X-CSRF-Token` header).
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';
import type { AuthedRequest } from '../http/route-table.js';
import type { accountService } from './service.js';

export const SESSION_COOKIE = 'ab_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionMiddleware(accounts: ReturnType<typeof accountService>) {
  return (req: AuthedRequest, _res: Response, next: NextFunction) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const auth = token ? accounts.resolve(token) : null;
    if (!auth) return next();
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.get('x-csrf-token');
      if (!sent || !sameToken(sent, auth.csrfToken)) return next(new AppError('csrf_failed', 'error.csrf_failed'));
    }
    req.auth = auth;
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
