/**
 * socket.io on the HTTP server: live notifications.
 *
 * - Authenticated by the HTTP session cookie (`ab_session`): no live session → `connect_error`
 *   ("unauthenticated"). A handshake whose `Origin` is not this host is refused before that.
 * - The server puts each socket in its rooms — `user:<id>`; `member:<id>` for employers; `staff`
 *   for staff — and nowhere else; there is no client event that joins a room.
 * - On connect the socket gets every unread notification (`notification:backlog`), then whatever
 *   is committed later (`notification:created`); each notification reaches a connection once.
 * - Signing out, being disabled or changing the password ends the sockets of the ended sessions
 *   (`session:ended`, then disconnect); a sweep ends sockets whose session expired.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { readCookie, SESSION_COOKIE } from '../auth/middleware.js';
import { AppError } from '../errors.js';
import { present as presentError } from '../http/errors.js';
import type { Auth } from '../http/route-table.js';
import type { Locale } from '../i18n.js';
import type { Services } from '../services.js';
import { BACKLOG_BATCH, rooms, type Ack, type ClientToServerEvents, type ServerToClientEvents } from './events.js';

interface SocketData {
  auth: Auth;
  locale: Locale;
  /** Every notification with an id up to this was in the connect-time backlog (if unread). */
  backlogUpTo: number;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const SWEEP_MS = 60_000;

const first = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h)?.split(',')[0]?.trim();

/**
 * Same-origin only. Browsers always send `Origin` on a WebSocket handshake and on cross-origin
 * requests, so a handshake with a foreign one is a page of another site using the user's cookie.
 * No `Origin` at all is a same-origin polling GET or a non-browser client (which has no cookie of
 * the user's to abuse).
 */
export function sameOrigin(req: IncomingMessage, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
  const expected = (trustProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host;
  return expected !== undefined && host.toLowerCase() === expected.toLowerCase();
}

export function attachLive(httpServer: HttpServer, services: Services) {
  const { accounts, notifications, config, clock, db, logger, events } = services;
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;

  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // No CORS headers: other origins may not read polling responses either.
    allowRequest: (req, callback) => callback(sameOrigin(req, config.TRUST_PROXY) ? null : 'forbidden origin', sameOrigin(req, config.TRUST_PROXY)),
  });

  const tokenOf = (socket: LiveSocket) => readCookie(socket.request.headers.cookie, SESSION_COOKIE);
  const sessionCheck = db.$client.prepare(
    `SELECT s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt, u.disabled AS disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`,
  );
  const localeOf = db.$client.prepare('SELECT locale FROM users WHERE id = ?');

  /** The socket's session still exists and has not timed out (read only: an open socket is not activity). */
  function alive(socket: LiveSocket): boolean {
    const row = sessionCheck.get(socket.data.auth.sessionIdHash) as { expiresAt: string; lastSeenAt: string; disabled: number } | undefined;
    const now = clock.now().getTime();
    return !!row && !row.disabled && Date.parse(row.expiresAt) > now && Date.parse(row.lastSeenAt) + idleMs > now;
  }

  function end(socket: LiveSocket, reason: 'signed_out' | 'expired') {
    socket.emit('session:ended', { reason });
    socket.disconnect(true);
  }

  function socketsOf(room: string): LiveSocket[] {
    const ids = io.sockets.adapter.rooms.get(room);
    if (!ids) return [];
    const out: LiveSocket[] = [];
    for (const id of ids) {
      const s = io.sockets.sockets.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  io.use((socket, next) => {
    if (!sameOrigin(socket.request, config.TRUST_PROXY)) return next(new Error('forbidden_origin'));
    const token = tokenOf(socket);
    const auth = token ? accounts.resolve(token) : null;
    if (!auth) return next(new Error('unauthenticated'));
    const locale = (localeOf.get(auth.userId) as { locale: Locale } | undefined)?.locale ?? 'zh-CN';
    socket.data = { auth, locale, backlogUpTo: 0 };
    next();
  });

  io.on('connection', (socket) => {
    const { auth } = socket.data;
    const own: string[] = [rooms.user(auth.userId)];
    if (auth.role === 'employer' && auth.memberId !== null) own.push(rooms.member(auth.memberId));
    if (auth.role === 'staff') own.push(rooms.staff);
    // Joining, fixing the backlog's upper id and sending the backlog happen in one synchronous
    // step: a notification committed before it is in the backlog (and skipped by the push),
    // one committed after it is pushed (and was not in the backlog).
    void socket.join(own);
    socket.data.backlogUpTo = notifications.maxId();
    let after = 0;
    for (;;) {
      const batch = notifications.unread(auth.userId, after, BACKLOG_BATCH);
      const done = batch.length < BACKLOG_BATCH;
      socket.emit('notification:backlog', { notifications: batch, done });
      if (done) break;
      after = batch[batch.length - 1]!.id;
    }

    /** Answers a client request: the session must still be alive; errors as in HTTP, translated. */
    function answer<T>(ack: unknown, work: (auth: Auth) => T) {
      if (typeof ack !== 'function') return;
      const reply = ack as (result: Ack<T>) => void;
      const token = tokenOf(socket);
      const current = token ? accounts.resolve(token) : null; // touches the session like an HTTP request
      if (!current || current.sessionIdHash !== auth.sessionIdHash) {
        reply(presentError(new AppError('unauthenticated', 'error.unauthenticated'), socket.data.locale));
        end(socket, 'expired');
        return;
      }
      try {
        reply({ data: work(current) });
      } catch (error) {
        if (error instanceof AppError) reply(presentError(error, socket.data.locale));
        else {
          logger.error('live request failed', { error: error instanceof Error ? error.message : String(error) });
          reply(presentError(new AppError('internal', 'error.internal'), socket.data.locale));
        }
      }
    }

    const idOf = (input: unknown): number => {
      const id = (input as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw AppError.validation([{ path: 'id', key: 'field.integer' }]);
      return id;
    };
    const setRead = (input: unknown, read: boolean) => (a: Auth) => {
      const n = notifications.setRead(a.userId, idOf(input), read);
      if (!n) throw new AppError('not_found', 'error.not_yours');
      return n;
    };

    socket.on('notification:read', (input, ack) => answer(ack, setRead(input, true)));
    socket.on('notification:unread', (input, ack) => answer(ack, setRead(input, false)));
    socket.on('notification:read-all', (ack) => answer(ack, (a) => ({ count: notifications.readAll(a.userId) })));
  });

  const detach = notifications.attach({
    created(items) {
      for (const { userId, notification } of items) {
        // To the sockets in the user's room, one by one (measurably cheaper than a room broadcast
        // per notification); a socket that connected after this notification was committed had
        // it in its backlog and is skipped.
        for (const s of socketsOf(rooms.user(userId))) if (s.data.backlogUpTo < notification.id) s.emit('notification:created', notification);
      }
    },
    updated(userId, change) {
      io.to(rooms.user(userId)).emit('notification:updated', change);
    },
    matchAlerted(summary) {
      io.to(rooms.staff).emit('match:alerted', summary);
    },
  });

  const unsubscribe = events.subscribe((e) => {
    if (e.type !== 'user' || e.change !== 'signed_out') return;
    for (const socket of socketsOf(rooms.user(e.id))) if (!alive(socket)) end(socket, 'signed_out');
  });

  const sweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) if (!alive(socket)) end(socket, 'expired');
  }, SWEEP_MS);
  sweep.unref();

  return {
    io,
    /** Disconnects every socket and stops listening for notifications (the HTTP server is closed too). */
    close(): Promise<void> {
      clearInterval(sweep);
      detach();
      unsubscribe();
      return new Promise((resolve) => void io.close(() => resolve()));
    },
  };
}

export type Live = ReturnType<typeof attachLive>;
