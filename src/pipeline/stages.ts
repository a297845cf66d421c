/**
 * The seeker's pipeline (domain.md): registered → assessed → in training → trained → in job
 * adaptation (适岗) → employed → stably employed (稳岗). A seeker can drop back (left the job or the
 * trial → assessed) or withdraw (and later come back to assessed). Pure: no I/O.
 */
import type { PipelineStage } from '../../matching/vocabulary.js';

export const NEXT_STAGES: Record<PipelineStage, readonly PipelineStage[]> = {
  registered: ['assessed', 'in_training', 'in_adaptation', 'withdrawn'],
  assessed: ['in_training', 'in_adaptation', 'withdrawn'],
  in_training: ['trained', 'assessed', 'in_adaptation', 'withdrawn'],
  trained: ['in_training', 'in_adaptation', 'withdrawn'],
  in_adaptation: ['employed', 'assessed', 'withdrawn'],
  employed: ['stably_employed', 'assessed', 'withdrawn'],
  stably_employed: ['assessed', 'withdrawn'],
  withdrawn: ['assessed'],
};

export function canMove(from: PipelineStage, to: PipelineStage): boolean {
  return NEXT_STAGES[from].includes(to);
}

/** The funnel's order (withdrawn is a way out, not a step). */
export const FUNNEL_STAGES = ['registered', 'assessed', 'in_training', 'trained', 'in_adaptation', 'employed', 'stably_employed'] as const;

/** Application statuses: applied → interviewing → trial (适岗) → hired, or rejected / withdrawn / declined. */
export const APPLICATION_TRANSITIONS = {
  invited: ['applied', 'declined', 'withdrawn'],
  applied: ['interviewing', 'trial', 'rejected', 'withdrawn'],
  interviewing: ['trial', 'rejected', 'withdrawn'],
  trial: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
  declined: [],
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_TRANSITIONS;

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return (APPLICATION_TRANSITIONS[from] as readonly ApplicationStatus[]).includes(to);
}

/** Follow-ups after hire, in months; a seeker still employed at 6 months is stably employed. */
export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;
export const STABLE_AFTER_MONTHS = 6;

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The median of a list of numbers, or null when empty. */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
