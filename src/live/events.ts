/**
 * The live channel's vocabulary, shared by the server (src/live/server.ts) and the browser
 * (public/ client modules import this file's types): every event either side may emit, its
 * payload and, for client requests, its acknowledgement.
 *
 * Browser-safe on purpose: types and plain constants only, no imports from Node or the server.
 *
 * Rooms a socket is put in by the server (a client cannot join any room itself):
 * `user:<userId>` always; `member:<memberId>` for employers; `staff` for staff.
 */

/** Both languages of a sentence the client shows in the reader's locale. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A job fits a seeker who asked for match alerts (kind `match`; one per seeker-job pair, ever). */
export interface MatchAlertPayload {
  jobId: number;
  title: string;
  memberId: number;
  memberName: string | null;
  /** Street code (e.g. `kengzi`), or null when the job names none. */
  street: string | null;
  /** `onsite` | `remote` | `hybrid`. */
  workMode: string;
  /** Total match score in [0, 1], four decimals. */
  score: number;
  /** Why it fits (at most three reasons). */
  reasons: Bilingual[];
}

/** Something happened to an application (kind `application`): to the seeker or the employer. */
export interface ApplicationPayload {
  applicationId: number;
  jobId: number;
  jobTitle: string;
  /** What happened: applied, referred, invited, accepted, declined, withdrawn, interviewing, trial, hired, rejected, assessed_by_seeker, assessed_by_employer. */
  change: string;
  /** The application's status after the change. */
  status: string;
  message: Bilingual;
}

/** A seeker's pipeline stage changed (kind `stage`): to staff. */
export interface StagePayload {
  seekerId: number;
  from: string | null;
  to: string;
  reason: string | null;
  /** "Job seeker 12: In training → Trained", in both languages. */
  message: Bilingual;
}

/** Something staff (or a party to a trial) must do (kind `reminder`), sent once per item. */
export interface ReminderPayload {
  /** Stable key of the item, e.g. `trial-ending:12`; one reminder per key and user. */
  key: string;
  what: 'trial_ending' | 'assessment_overdue' | 'follow_up_due';
  applicationId: number;
  seekerId: number;
  /** The date it is about: trial end or follow-up due date. */
  on: string;
  message: Bilingual;
}

/**
 * Payload type per notification kind. A new kind is added here (and only here), so the server's
 * `notify()` and the browser both type-check against it.
 */
export interface NotificationPayloads {
  match: MatchAlertPayload;
  application: ApplicationPayload;
  stage: StagePayload;
  reminder: ReminderPayload;
}

export type NotificationKind = keyof NotificationPayloads;

interface NotificationBase {
  id: number;
  /** The job a notification is about, if any. */
  jobId: number | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null while unread. */
  readAt: string | null;
}

/** One stored notification as the client sees it (over HTTP and over the socket alike). */
export type LiveNotification = {
  [K in NotificationKind]: NotificationBase & { kind: K; payload: NotificationPayloads[K] };
}[NotificationKind];

/** Summary to the `staff` room after a job's match alerts went out. */
export interface MatchAlertedSummary {
  jobId: number;
  title: string;
  memberId: number;
  memberName: string | null;
  /** Seekers newly alerted by this posting/reopening. */
  alerted: number;
  at: string;
}

/** Error of a refused request, like the HTTP error body (message in the session's language). */
export interface AckError {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
}

/** Every acknowledgement: the result, or why not. */
export type Ack<T> = { data: T } | { error: AckError };

/** Largest number of notifications in one `notification:backlog` event. */
export const BACKLOG_BATCH = 200;

export interface ServerToClientEvents {
  /** A notification was stored for this user (pushed once per connection). */
  'notification:created': (notification: LiveNotification) => void;
  /**
   * Right after (re)connecting: every unread notification stored before this connection, oldest
   * first, in batches of at most BACKLOG_BATCH; the last batch has `done: true` (also sent, empty,
   * when nothing is unread). Anything stored later arrives as `notification:created`, never both.
   */
  'notification:backlog': (batch: { notifications: LiveNotification[]; done: boolean }) => void;
  /** Read state changed (on this or another of the user's devices). */
  'notification:updated': (change: { ids: number[] | 'all'; readAt: string | null }) => void;
  /** To `staff`: a posting's match alerts were stored and sent. */
  'match:alerted': (summary: MatchAlertedSummary) => void;
  /** The session ended (sign-out, account disabled, password changed, expiry); the server disconnects next. */
  'session:ended': (info: { reason: 'signed_out' | 'expired' }) => void;
}

export interface ClientToServerEvents {
  /** Marks one of the user's notifications read. */
  'notification:read': (input: { id: number }, ack: (result: Ack<LiveNotification>) => void) => void;
  /** Marks one of the user's notifications unread again. */
  'notification:unread': (input: { id: number }, ack: (result: Ack<LiveNotification>) => void) => void;
  /** Marks every notification of the user read. */
  'notification:read-all': (ack: (result: Ack<{ count: number }>) => void) => void;
}

/** Names of the rooms the server puts sockets in (never from client input). */
export const rooms = {
  user: (userId: number) => `user:${userId}` as const,
  member: (memberId: number) => `member:${memberId}` as const,
  staff: 'staff' as const,
};
