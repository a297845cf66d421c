/**
 * `createApp(services)`: security headers, logging, the session, the API route table, static
 * pages, then the 404 and error handlers, in that order (the hmpps composition root).
 */
import express from 'express';
import helmet from 'helmet';
import { resolve } from 'node:path';
import type { Services } from './services.js';
import { errorHandler, notFoundHandler, requireJson } from './http/errors.js';
import { mount, type RouteSpec } from './http/route-table.js';
import { sessionMiddleware } from './auth/middleware.js';
import { authRoutes } from './auth/routes.js';
import { allianceMemberRoutes } from './resources/alliance-members/routes.js';
import { seekerRoutes } from './resources/seekers/routes.js';
import { jobRoutes } from './resources/jobs/routes.js';
import { projectRoutes } from './resources/projects/routes.js';
import { courseRoutes } from './resources/courses/routes.js';
import { enrollmentRoutes } from './resources/enrollments/routes.js';
import { matchRoutes } from './match/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { applicationRoutes } from './resources/applications/routes.js';
import { policyRoutes } from './policy/routes.js';
import { statsRoutes } from './stats/routes.js';

const PUBLIC_DIR = resolve(import.meta.dirname, '..', 'public');

/** Every API route under /api/v1, each with its access rule. */
export function apiRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/health',
      access: 'public',
      handler: (_req, res) => {
        const ok = services.db.$client.prepare('SELECT 1 AS ok').get() as { ok: number };
        res.json({ status: ok.ok === 1 ? 'ok' : 'degraded', database: 'ok' });
      },
    },
    ...authRoutes(services),
    ...matchRoutes(services),
    ...allianceMemberRoutes(services),
    ...seekerRoutes(services),
    ...jobRoutes(services),
    ...projectRoutes(services),
    ...courseRoutes(services),
    ...enrollmentRoutes(services),
    ...notificationRoutes(services),
    ...applicationRoutes(services),
    ...statsRoutes(services),
    ...policyRoutes(services),
  ];
}

export function createApp(services: Services) {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // HSTS only makes sense over TLS, which a proxy in front provides.
      strictTransportSecurity: config.TRUST_PROXY,
    }),
  );

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Path only: ids, never query strings (they could carry search text about a person).
      logger.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  const api = express.Router();
  api.use(requireJson);
  api.use(express.json({ limit: config.BODY_LIMIT_BYTES }));
  api.use((_req, res, next) => {
    // Responses carry personal data; no shared or browser cache may keep them.
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(sessionMiddleware(services.accounts));
  mount(api, apiRoutes(services), services);
  app.use('/api/v1', api);

  app.use(express.static(PUBLIC_DIR, { index: 'index.html' }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger, { bodyLimit: config.BODY_LIMIT_BYTES, production: config.NODE_ENV === 'production' }));
  return app;
}
