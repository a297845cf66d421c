/**
 * Accounts and sessions. Sessions live in the database (they survive a restart); the cookie
 * carries a random id of which only the SHA-256 is stored, so a copy of the database cannot be
 * replayed as a login.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers, seekers, sessions, users, type USER_ROLES } from '../../db/schema.js';
import { isoNow, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { Auth } from '../http/route-table.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { createLoginThrottle } from './throttle.js';

type User = typeof users.$inferSelect;
export type PublicUser = ReturnType<typeof presentUser>;

export function presentUser(u: User) {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewUser {
  username: string;
  password: string;
  role: (typeof USER_ROLES)[number];
  displayName: string;
  seekerId?: number | null | undefined;
  memberId?: number | null | undefined;
  locale?: 'zh-CN' | 'en' | undefined;
}

type SessionConfig = Pick<
  Config,
  'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'LOGIN_MAX_FAILURES_PER_ACCOUNT' | 'LOGIN_MAX_FAILURES_PER_ADDRESS' | 'LOGIN_WINDOW_MINUTES'
>;

export function accountService(db: Db, clock: Clock, config: SessionConfig, events: EventBus) {
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  const throttle = createLoginThrottle(
    {
      perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
    },
    () => clock.now().getTime(),
  );

  function checkPassword(password: string, path: string, context: string[]) {
    const problem = passwordProblem(password, context);
    if (problem) throw AppError.validation([{ path, key: problem }]);
  }

  function startSession(userId: number) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = clock.now();
    db.insert(sessions)
      .values({
        idHash: sha256(token),
        userId,
        csrfToken,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + absoluteMs).toISOString(),
      })
      .run();
    return { token, csrfToken };
  }

  function endSessionsOf(userId: number) {
    db.delete(sessions).where(eq(sessions.userId, userId)).run();
    events.publish({ type: 'user', change: 'signed_out', id: userId });
  }

  return {
    async create(input: NewUser): Promise<PublicUser> {
      checkPassword(input.password, 'password', [input.username]);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(() => {
        if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
          throw AppError.conflict('conflict.username_taken');
        }
        if (input.seekerId != null) {
          if (!db.select({ id: seekers.id }).from(seekers).where(eq(seekers.id, input.seekerId)).get()) {
            throw AppError.validation([{ path: 'seekerId', key: 'ref.unknown_seeker', params: { id: input.seekerId } }]);
          }
          if (db.select({ id: users.id }).from(users).where(eq(users.seekerId, input.seekerId)).get()) {
            throw AppError.conflict('conflict.seeker_has_account');
          }
        }
        if (input.memberId != null && !db.select({ id: allianceMembers.id }).from(allianceMembers).where(eq(allianceMembers.id, input.memberId)).get()) {
          throw AppError.validation([{ path: 'memberId', key: 'ref.unknown_member', params: { id: input.memberId } }]);
        }
        const { password: _password, ...rest } = input;
        return presentUser(db.insert(users).values({ ...rest, passwordHash }).returning().get());
      });
    },

    get(id: number): PublicUser {
      const u = db.select().from(users).where(eq(users.id, id)).get();
      if (!u) throw AppError.notFound('user', id);
      return presentUser(u);
    },

    list(): PublicUser[] {
      return db.select().from(users).orderBy(users.id).all().map(presentUser);
    },

    /** Sign-in: a generic error for any bad credentials, 429 past the failure limits. */
    async login(username: string, password: string, address: string) {
      const wait = throttle.blockedFor(username, address);
      if (wait > 0) throw new AppError('too_many_requests', 'error.too_many_logins', { minutes: Math.ceil(wait / 60_000) });
      const user = db.select().from(users).where(eq(users.username, username)).get();
      // Verify against a dummy hash for unknown users so response time does not reveal accounts.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok || user.disabled) {
        throttle.fail(username, address);
        throw new AppError('unauthenticated', 'error.bad_credentials');
      }
      throttle.succeed(username);
      db.update(users).set({ lastLoginAt: isoNow(clock) }).where(eq(users.id, user.id)).run();
      // A fresh session id at every sign-in (no fixation).
      return { ...startSession(user.id), user: presentUser(user) };
    },

    /** The session behind a cookie token, if it is still alive; sliding idle timeout. */
    resolve(token: string): Auth | null {
      const idHash = sha256(token);
      const row = db
        .select({ s: sessions, u: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.idHash, idHash))
        .get();
      if (!row) return null;
      const now = clock.now().getTime();
      if (row.u.disabled || Date.parse(row.s.expiresAt) <= now || Date.parse(row.s.lastSeenAt) + idleMs <= now) {
        db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
        return null;
      }
      // Touch at most once a minute: idle accuracy of a minute is plenty, writes are not free.
      if (now - Date.parse(row.s.lastSeenAt) > 60_000) {
        db.update(sessions).set({ lastSeenAt: new Date(now).toISOString() }).where(eq(sessions.idHash, idHash)).run();
      }
      return { userId: row.u.id, role: row.u.role, seekerId: row.u.seekerId, memberId: row.u.memberId, sessionIdHash: idHash, csrfToken: row.s.csrfToken };
    },

    logout(auth: Auth): void {
      db.delete(sessions).where(eq(sessions.idHash, auth.sessionIdHash)).run();
      events.publish({ type: 'user', change: 'signed_out', id: auth.userId });
    },

    /** Changing the password ends every session of the user and starts a new one here. */
    async changePassword(auth: Auth, current: string, next: string) {
      const user = db.select().from(users).where(eq(users.id, auth.userId)).get()!;
      if (!(await verifyPassword(current, user.passwordHash))) {
        throw AppError.validation([{ path: 'currentPassword', key: 'password.wrong_current' }]);
      }
      checkPassword(next, 'newPassword', [user.username]);
      const passwordHash = await hashPassword(next);
      return db.transaction(() => {
        db.update(users).set({ passwordHash, passwordChangedAt: isoNow(clock), updatedAt: isoNow(clock) }).where(eq(users.id, user.id)).run();
        endSessionsOf(user.id);
        return startSession(user.id);
      });
    },

    setPreferences(auth: Auth, prefs: { locale?: 'zh-CN' | 'en' | undefined; largeText?: boolean | undefined; highContrast?: boolean | undefined }): PublicUser {
      return presentUser(db.update(users).set({ ...prefs, updatedAt: isoNow(clock) }).where(eq(users.id, auth.userId)).returning().get());
    },

    /** A disabled user is signed out everywhere at once. */
    setDisabled(userId: number, disabled: boolean): PublicUser {
      const u = db.transaction(() => {
        const found = db.update(users).set({ disabled, updatedAt: isoNow(clock) }).where(eq(users.id, userId)).returning().get();
        if (!found) throw AppError.notFound('user', userId);
        if (disabled) endSessionsOf(userId);
        return found;
      });
      return presentUser(u);
    },

    /** Sessions past either timeout are removed (also checked on every use). */
    purgeExpired(): number {
      const now = clock.now().getTime();
      return db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, new Date(now).toISOString()), lt(sessions.lastSeenAt, new Date(now - idleMs).toISOString())))
        .run().changes;
    },

    findByUsername(username: string) {
      return db.select().from(users).where(and(eq(users.username, username))).get();
    },
  };
}
