/**
 * `createApp(services)`: middleware, the API routers, then the 404 and error handlers, in that
 * order (the hmpps composition root).
 */
import express from 'express';
import { resolve } from 'node:path';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Services } from './services.js';
import { errorHandler, notFoundHandler, requireJson } from './http/errors.js';
import { allianceMemberRoutes } from './resources/alliance-members/routes.js';
import { seekerRoutes } from './resources/seekers/routes.js';
import { jobRoutes } from './resources/jobs/routes.js';
import { projectRoutes } from './resources/projects/routes.js';
import { courseRoutes } from './resources/courses/routes.js';
import { enrollmentRoutes } from './resources/enrollments/routes.js';

const PUBLIC_DIR = resolve(import.meta.dirname, '..', 'public');

export function createApp(services: Services, config: Pick<Config, 'BODY_LIMIT_BYTES' | 'NODE_ENV'>, logger: Logger) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');

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
  api.get('/health', (_req, res) => {
    const ok = services.db.$client.prepare('SELECT 1 AS ok').get() as { ok: number };
    res.json({ status: ok.ok === 1 ? 'ok' : 'degraded', database: 'ok' });
  });
  api.use('/alliance-members', allianceMemberRoutes(services));
  api.use('/seekers', seekerRoutes(services));
  api.use('/jobs', jobRoutes(services));
  api.use('/projects', projectRoutes(services));
  api.use('/courses', courseRoutes(services));
  api.use('/enrollments', enrollmentRoutes(services));
  app.use('/api/v1', api);

  app.use(express.static(PUBLIC_DIR, { index: 'index.html' }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger, { bodyLimit: config.BODY_LIMIT_BYTES, production: config.NODE_ENV === 'production' }));
  return app;
}
