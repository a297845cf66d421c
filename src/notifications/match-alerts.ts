/**
 * Match alerts: a job that becomes available (posted, reopened, openings raised from zero) is
 * ranked against the seekers who asked for alerts, inside the job's own transaction; every new
 * (seeker's user, job) pair at or above MATCH_ALERT_THRESHOLD becomes a `match` notification,
 * pushed after commit, with a summary to staff. A seeker whose profile changes (skills, needs,
 * training, consents) is ranked against the open jobs the same way, inside that write's transaction.
 * The unique index on (user, job) for `match` makes "never twice for the same pair" hold however
 * often a job or a profile changes.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers, type Job } from '../../db/schema.js';
import type { MatchIndex, MatchResult } from '../../matching/index.js';
import type { JobPosting } from '../../matching/types.js';
import type { Config } from '../config.js';
import type { DomainEvent, EventBus } from '../events.js';
import type { MatchAlertPayload } from '../live/events.js';
import type { Logger } from '../logger.js';
import { loadJobPostings, loadSeekerProfiles } from '../match/profiles.js';
import type { NotificationDraft, NotificationService } from './service.js';

type JobChange = Extract<DomainEvent, { type: 'job' }>['change'];

interface Recipient {
  userId: number;
  /** Consented to share the profile with employers (the index's candidate search needs it). */
  share: boolean;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function matchAlertService(deps: {
  db: Db;
  config: Pick<Config, 'MATCH_ALERT_THRESHOLD'>;
  logger: Logger;
  events: EventBus;
  index: MatchIndex;
  notifications: NotificationService;
}) {
  const { db, logger, index, notifications } = deps;
  const threshold = deps.config.MATCH_ALERT_THRESHOLD;

  /**
   * Who may be alerted: active seekers consenting to the processing of their data and to alerts,
   * with an account that is not disabled. Read in the transaction, so a consent just withdrawn
   * counts. One seeker; the ones not sharing their profile; how many there are.
   */
  const eligible = `FROM seekers s JOIN users u ON u.seeker_id = s.id
    WHERE s.status = 'active' AND s.consent_match_alerts = 1 AND s.consent_sensitive_data = 1 AND u.disabled = 0`;
  const recipientOf = db.$client.prepare(`SELECT u.id AS userId, s.consent_share_with_employers AS share ${eligible} AND s.id = ?`);
  const notSharing = db.$client.prepare(`SELECT s.id AS seekerId, u.id AS userId ${eligible} AND s.consent_share_with_employers = 0`);
  const howMany = db.$client.prepare(`SELECT count(*) AS n ${eligible}`).pluck();

  function recipient(seekerId: number): Recipient | undefined {
    const r = recipientOf.get(seekerId) as { userId: number; share: number } | undefined;
    return r && { userId: r.userId, share: r.share === 1 };
  }

  function memberNames(ids: number[]): Map<number, string> {
    if (!ids.length) return new Map();
    return new Map(db.select({ id: allianceMembers.id, name: allianceMembers.name }).from(allianceMembers).where(inArray(allianceMembers.id, ids)).all().map((m) => [m.id, m.name]));
  }

  const payload = (job: JobPosting, memberName: string | null, r: MatchResult): MatchAlertPayload => ({
    jobId: job.id,
    title: job.title,
    memberId: job.memberId,
    memberName,
    street: job.street,
    workMode: job.workMode,
    score: round(r.total),
    reasons: r.reasons.slice(0, 3).map((x) => ({ zh: x.zh, en: x.en })),
  });

  /** A change that makes a job available to seekers who could not have been alerted before. */
  function opensJob(change: JobChange, job: Job, before: Job | null): boolean {
    if (job.status !== 'open' || job.openings < 1) return false;
    if (change === 'posted' || change === 'reopened') return true;
    return change === 'updated' && before !== null && before.openings < 1;
  }

  /**
   * Seekers who may be alerted and fit a posting at or above the threshold, with their user.
   * The index's search (which looks up each seeker passing the hard rules), plus, one by one,
   * those who keep their profile from employers: the search leaves them out, but an alert goes
   * to the seeker alone.
   */
  function fitting(posting: JobPosting): { result: MatchResult; userId: number }[] {
    const total = howMany.get() as number;
    if (!total) return [];
    const users = new Map<number, number>();
    const out: { result: MatchResult; userId: number }[] = [];
    const { results } = index.seekersForJob(posting, {
      limit: total,
      minScore: threshold,
      alertThreshold: threshold,
      filter: (id) => {
        const r = recipient(id);
        if (r?.share) users.set(id, r.userId);
        return r?.share === true;
      },
    });
    for (const result of results) out.push({ result, userId: users.get(result.id)! });
    for (const { seekerId, userId } of notSharing.all() as { seekerId: number; userId: number }[]) {
      try {
        const pair = index.explainJob(seekerId, posting);
        if (pair.result && pair.result.total >= threshold) out.push({ result: pair.result, userId });
      } catch {
        // not in the index (e.g. registered a moment ago without data consent): no alert
      }
    }
    return out;
  }

  /**
   * The job service's in-transaction hook: after a job is written and before its transaction
   * commits, store the alerts it causes (ranked with the posting as written, not yet indexed).
   */
  function jobWritten(change: JobChange, job: Job, before: Job | null): void {
    if (!opensJob(change, job, before)) return;
    const [posting] = loadJobPostings(db, [job.id]);
    if (!posting) return;
    const results = fitting(posting);
    if (!results.length) return;
    const memberName = memberNames([posting.memberId]).get(posting.memberId) ?? null;
    const drafts: NotificationDraft<'match'>[] = results.map(({ result, userId }) => ({ userId, kind: 'match', jobId: job.id, payload: payload(posting, memberName, result) }));
    const stored = notifications.notifyEach(db, drafts);
    notifications.matchAlerted(
      { jobId: job.id, title: posting.title, memberId: posting.memberId, memberName, alerted: stored.length, at: stored[0]?.createdAt ?? '' },
      stored.map((n) => n.id),
    );
  }

  /**
   * Inside a seeker's write (profile, consents, training), before it commits: alerts for open jobs
   * that now fit, ranked from the profile as written (the index catches up after commit), so the
   * alerts and the change commit or roll back together.
   */
  function seekerChanged(seekerId: number): void {
    const who = recipient(seekerId);
    if (!who) return;
    const [profile] = loadSeekerProfiles(db, [seekerId]);
    if (!profile) return;
    const results: MatchResult[] = index.jobsForSeeker(profile, { limit: Math.max(1, index.stats().jobs), minScore: threshold });
    if (!results.length) return;
    const postings = loadJobPostings(db, results.map((r) => r.id));
    const byId = new Map(postings.map((p) => [p.id, p]));
    const names = memberNames([...new Set(postings.map((p) => p.memberId))]);
    const drafts: NotificationDraft<'match'>[] = [];
    for (const r of results) {
      const job = byId.get(r.id);
      if (job) drafts.push({ userId: who.userId, kind: 'match', jobId: job.id, payload: payload(job, names.get(job.memberId) ?? null, r) });
    }
    const store = () => notifications.notifyEach(db, drafts);
    if (db.$client.inTransaction) store();
    else db.transaction(store);
  }

  return { jobWritten, seekerChanged, threshold };
}

export type MatchAlertService = ReturnType<typeof matchAlertService>;
