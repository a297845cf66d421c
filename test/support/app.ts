/**
 * A real AbilityBridge for a test file: a fresh SQLite database through the real migrations,
 * the real services and the real Express app, reached over real HTTP by supertest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openDatabase, type Db } from '../../db/connection.js';
import { createApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createServices, type Services } from '../../src/services.js';

export interface TestApp {
  db: Db;
  services: Services;
  http: ReturnType<typeof request>;
  close(): void;
}

export const FIXED_CLOCK: Clock = { now: () => new Date('2026-11-25T02:00:00.000Z') };

export function startTestApp(clock: Clock = FIXED_CLOCK): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  const logger = createLogger('silent');
  const services = createServices({ db, clock, logger });
  const app = createApp(services, { BODY_LIMIT_BYTES: 100_000, NODE_ENV: 'test' }, logger);
  const server = app.listen(0);
  return {
    db,
    services,
    http: request(server),
    close() {
      server.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row count of a table, to prove a rejected request wrote nothing. */
export function rowCount(db: Db, table: string): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
