/**
 * Every setting the service reads from the environment, documented and validated at start.
 * A bad value stops the process with a message naming the variable.
 */
import { z } from 'zod';
import { SCORING } from '../matching/config.js';

const schema = z.object({
  /** Where the service listens. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** The embedded SQLite file (created with its folder if missing), or `:memory:`. */
  DATABASE_PATH: z.string().min(1).default('data/abilitybridge.sqlite'),
  /** `debug` | `info` | `warn` | `error` | `silent`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** `production` hides error details. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Load the demo data into an empty database at start (`true`/`false`). */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** A session ends after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(30),
  /** …and this many hours after sign-in, whatever happens. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(8760).default(12),
  /** `true` behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Failed sign-ins allowed per account, and per address, in LOGIN_WINDOW_MINUTES, before 429. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Largest JSON body accepted, in bytes (bigger → 413). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
  /**
   * Match score (0–1) at or above which a seeker who consented to alerts is notified of a job
   * that is posted, reopened or gets openings again, or that newly fits after their profile
   * changed. Defaults to the matcher's alert threshold (0.7: some skill must fit).
   */
  MATCH_ALERT_THRESHOLD: z.coerce.number().min(0).max(1).default(SCORING.alertThreshold),
});

export type Config = z.output<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
