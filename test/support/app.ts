/**
 * A real AbilityBridge for a test file: a fresh SQLite database through the real migrations,
 * the real services and the real Express app on an ephemeral port, reached over real HTTP.
 * `http` is a signed-in staff client (session cookie + CSRF header); `anon` has no session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openDatabase, type Db } from '../../db/connection.js';
import { users } from '../../db/schema.js';
import { createApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { attachLive, type Live } from '../../src/live/server.js';
import { createLogger } from '../../src/logger.js';
import { createServices, type Services } from '../../src/services.js';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** One scrypt hash per test process: accounts are many, hashing is deliberately slow. */
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

export type Client = ReturnType<typeof client>;

/** A cookie-keeping client that sends the CSRF token on every write, as the pages do. */
export function client(server: Server, csrfToken = '') {
  const agent = request.agent(server);
  let token = csrfToken;
  return {
    agent,
    setCsrf(t: string) {
      token = t;
    },
    get: (path: string) => agent.get(path),
    post: (path: string) => agent.post(path).set('X-CSRF-Token', token),
    patch: (path: string) => agent.patch(path).set('X-CSRF-Token', token),
    put: (path: string) => agent.put(path).set('X-CSRF-Token', token),
    delete: (path: string) => agent.delete(path).set('X-CSRF-Token', token),
  };
}

export interface TestApp {
  db: Db;
  services: Services;
  server: Server;
  /** socket.io on the same server (live notifications). */
  live: Live;
  /** `http://127.0.0.1:<port>`, for socket.io clients. */
  url: string;
  /** Signed in as staff. */
  http: Client & { userId: number };
  /** No session at all. */
  anon: ReturnType<typeof request>;
  /** Adds a user (password PASSWORD) and returns a client signed in as them. */
  signIn(user: { username: string; role: 'seeker' | 'employer' | 'staff'; seekerId?: number; memberId?: number }): Promise<Client & { userId: number }>;
  close(): void;
}

export const FIXED_CLOCK: Clock = { now: () => new Date('2026-11-25T02:00:00.000Z') };

export async function startTestApp(options: { clock?: Clock; env?: Record<string, string>; log?: (line: string) => void } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  const logger = options.log ? createLogger('debug', options.log) : createLogger('silent');
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const services = createServices({ db, clock: options.clock ?? FIXED_CLOCK, logger, config });
  const app = createApp(services);
  const server = app.listen(0);
  const live = attachLive(server, services);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const hash = await sharedHash();

  async function signIn(user: { username: string; role: 'seeker' | 'employer' | 'staff'; seekerId?: number; memberId?: number }) {
    const row = db.insert(users).values({ ...user, displayName: user.username, passwordHash: hash }).returning().get();
    const c = client(server);
    const res = await c.agent.post('/api/v1/auth/login').send({ username: user.username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    c.setCsrf(res.body.data.csrfToken);
    return Object.assign(c, { userId: row.id });
  }

  const http = await signIn({ username: 'test-staff', role: 'staff' });
  return {
    db,
    services,
    server,
    live,
    url,
    http,
    anon: request(server),
    signIn,
    close() {
      void live.close(); // disconnects every socket and closes the HTTP server
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
