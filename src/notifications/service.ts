/**
 * Notifications: stored in the transaction of the change that causes them, pushed after that
 * transaction committed, read and marked read over HTTP and the socket.
 *
 * The push is fire-and-forget: `notify()` only queues the new ids; once the current synchronous
 * work is over (better-sqlite3 transactions are synchronous, so by then the transaction has
 * committed or rolled back) the ids are read back from the database and handed to the live sinks
 * (the socket.io server). A row that rolled back is not found, so it is never pushed.
 */
import { and, count, desc, eq, gt, isNull, lt, max, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { notifications, users } from '../../db/schema.js';
import { isoNow, type Clock } from '../clock.js';
import type { Page } from '../http/pagination.js';
import type { Logger } from '../logger.js';
import type { LiveNotification, MatchAlertedSummary, NotificationKind, NotificationPayloads } from '../live/events.js';

/** The database or an open transaction on it (both write through the same connection). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Who gets a notification: users by id, every active employer account of a member, every active staff account. */
export interface Recipients {
  userIds?: readonly number[] | undefined;
  memberId?: number | null | undefined;
  staff?: boolean | undefined;
}

export type NotifyInput<K extends NotificationKind> = Recipients & {
  kind: K;
  payload: NotificationPayloads[K];
  /** The job it is about, if any (a `match` needs it: one per user and job). */
  jobId?: number | null | undefined;
};

/** One notification for one user (for payloads that differ per recipient). */
export interface NotificationDraft<K extends NotificationKind = NotificationKind> {
  userId: number;
  kind: K;
  payload: NotificationPayloads[K];
  jobId?: number | null | undefined;
}

/** Where committed notifications go live (the socket.io server registers one). */
export interface LiveSink {
  /** Committed notifications, oldest first, each with its recipient. */
  created(items: { userId: number; notification: LiveNotification }[]): void;
  updated(userId: number, change: { ids: number[] | 'all'; readAt: string | null }): void;
  matchAlerted(summary: MatchAlertedSummary): void;
}

type Row = typeof notifications.$inferSelect;

export const present = (r: Row): LiveNotification =>
  ({ id: r.id, kind: r.kind, jobId: r.jobId, payload: r.payload, createdAt: r.createdAt, readAt: r.readAt }) as unknown as LiveNotification;

interface Pending {
  userId: number;
  notification: LiveNotification;
}

export function notificationService(db: Db, clock: Clock, logger: Logger) {
  const sinks = new Set<LiveSink>();
  const tasks: (() => void)[] = [];
  let scheduled = false;
  let pending: Pending[] = [];
  // Hot path (a posting may alert thousands): plain prepared statements, prepared once.
  const insert = db.$client.prepare(
    `INSERT INTO notifications (user_id, kind, job_id, payload, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
  );
  const committed = db.$client.prepare(`SELECT id, user_id AS userId FROM notifications WHERE id IN (SELECT value FROM json_each(?))`);

  function run() {
    scheduled = false;
    // Never expected (transactions are synchronous), but a push must not see uncommitted rows.
    if (db.$client.inTransaction) return schedule();
    for (const task of tasks.splice(0)) {
      try {
        task();
      } catch (error) {
        logger.error('live push failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  }

  /** Runs `task` once the current synchronous work (and so any open transaction) is over. */
  function afterCommit(task: () => void) {
    tasks.push(task);
    schedule();
  }

  /**
   * Pushes what was queued, if it committed: a row that rolled back is gone (or its id now holds
   * another user's row, if a later insert reused it), so each queued one is checked by id and user.
   */
  function flushCreated() {
    if (!pending.length) return;
    const queued = pending;
    pending = [];
    if (!sinks.size) return;
    // An id queued twice was rolled back once and reused by a later insert: the later one counts.
    const latest = new Map<number, Pending>();
    for (const p of queued) latest.set(p.notification.id, p);
    const owner = new Map<number, number>();
    for (const r of committed.all(JSON.stringify([...latest.keys()])) as { id: number; userId: number }[]) owner.set(r.id, r.userId);
    const items = [...latest.values()].filter((p) => owner.get(p.notification.id) === p.userId);
    items.sort((a, b) => a.notification.id - b.notification.id);
    for (const sink of sinks) sink.created(items);
  }

  function resolveRecipients(tx: DbOrTx, to: Recipients): number[] {
    const ids = new Set(to.userIds ?? []);
    const active = (where: SQL | undefined) => tx.select({ id: users.id }).from(users).where(and(where, eq(users.disabled, false))).all();
    if (to.memberId != null) for (const u of active(and(eq(users.role, 'employer'), eq(users.memberId, to.memberId)))) ids.add(u.id);
    if (to.staff) for (const u of active(eq(users.role, 'staff'))) ids.add(u.id);
    return [...ids];
  }

  /**
   * Stores one notification per draft in `tx` (a `match` that exists already for its user and
   * job is skipped), and queues the stored ones for pushing after commit. Returns the stored ones.
   */
  function notifyEach(_tx: DbOrTx, drafts: readonly NotificationDraft[]): LiveNotification[] {
    // `_tx` says where the caller stands; the statements run on the one connection both share,
    // so they are part of the open transaction, if any.
    if (!drafts.length) return [];
    const createdAt = isoNow(clock);
    const stored: LiveNotification[] = [];
    for (const d of drafts) {
      const jobId = d.jobId ?? null;
      const row = insert.get(d.userId, d.kind, jobId, JSON.stringify(d.payload), createdAt) as { id: number } | undefined;
      if (!row) continue; // this user's alert for this job exists already
      const notification = { id: row.id, kind: d.kind, jobId, payload: d.payload, createdAt, readAt: null } as LiveNotification;
      stored.push(notification);
      pending.push({ userId: d.userId, notification });
    }
    if (stored.length) afterCommit(flushCreated);
    return stored;
  }

  function one(userId: number, id: number): Row | undefined {
    return db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get();
  }

  return {
    /**
     * Stores a notification for every recipient in `tx` — call it inside the transaction of the
     * change it tells about — and pushes each one to `user:<id>` after commit. If the transaction
     * rolls back, nothing is stored and nothing is pushed.
     *
     *   db.transaction((tx) => {
     *     const app = tx.insert(applications)…;
     *     services.notifications.notify(tx, { memberId: job.memberId, kind: 'application', payload: {…}, jobId: job.id });
     *   });
     */
    notify<K extends NotificationKind>(tx: DbOrTx, input: NotifyInput<K>): LiveNotification[] {
      const { userIds: _u, memberId: _m, staff: _s, kind, payload, jobId } = input;
      return notifyEach(tx, resolveRecipients(tx, input).map((userId) => ({ userId, kind, payload, jobId })));
    },

    notifyEach,

    /** For the socket.io server: receives what was committed. Returns a detach function. */
    attach(sink: LiveSink): () => void {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },

    /** After commit, tells the staff room about a posting's alerts — if they were committed. */
    matchAlerted(summary: MatchAlertedSummary, storedIds: number[]): void {
      const proof = storedIds[0];
      if (proof === undefined) return;
      afterCommit(() => {
        if (!db.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, proof)).get()) return;
        for (const sink of sinks) sink.matchAlerted(summary);
      });
    },

    /** The user a notification belongs to (for ownership checks). */
    ownerOf(id: number): number | undefined {
      return Number.isFinite(id) ? db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id)).get()?.userId : undefined;
    },

    /** The newest id stored so far (0 if none): everything at or below it is committed. */
    maxId(): number {
      return db.select({ id: max(notifications.id) }).from(notifications).get()?.id ?? 0;
    },

    /** Unread notifications of a user, oldest first, with ids above `afterId` (keyset). */
    unread(userId: number, afterId: number, limit: number): LiveNotification[] {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), gt(notifications.id, afterId)))
        .orderBy(notifications.id)
        .limit(limit)
        .all()
        .map(present);
    },

    /** A user's notifications, newest first; `cursor` is the last id of the previous page. */
    list(userId: number, q: { unread?: boolean | undefined; limit: number; cursor?: number | undefined }): Page<LiveNotification> & { unreadCount: number } {
      const mine = and(eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined);
      const rows = db
        .select()
        .from(notifications)
        .where(and(mine, q.cursor !== undefined ? lt(notifications.id, q.cursor) : undefined))
        .orderBy(desc(notifications.id))
        .limit(q.limit + 1)
        .all();
      const data = rows.slice(0, q.limit).map(present);
      const total = db.select({ n: count() }).from(notifications).where(mine).get()!.n;
      const unreadCount = db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()!.n;
      return { data, page: { limit: q.limit, nextCursor: rows.length > q.limit ? data[data.length - 1]!.id : null, total }, unreadCount };
    },

    /** Marks one of the user's notifications read (keeping the first read time) or unread; undefined if not theirs. */
    setRead(userId: number, id: number, read: boolean): LiveNotification | undefined {
      const current = one(userId, id);
      if (!current) return undefined;
      const readAt = read ? (current.readAt ?? isoNow(clock)) : null;
      if (readAt !== current.readAt) {
        db.update(notifications).set({ readAt }).where(eq(notifications.id, id)).run();
        afterCommit(() => {
          for (const sink of sinks) sink.updated(userId, { ids: [id], readAt });
        });
      }
      return present({ ...current, readAt });
    },

    /** Marks every unread notification of the user read; how many changed. */
    readAll(userId: number): number {
      const readAt = isoNow(clock);
      const changed = db.update(notifications).set({ readAt }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).run().changes;
      if (changed) {
        afterCommit(() => {
          for (const sink of sinks) sink.updated(userId, { ids: 'all', readAt });
        });
      }
      return changed;
    },
  };
}

export type NotificationService = ReturnType<typeof notificationService>;
