/** The service's only source of time, so tests can fix "today". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `YYYY-MM-DD` in China Standard Time (UTC+8, no DST): the district's calendar day. */
export function today(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
