/**
 * Failed sign-ins counted per account and per address in a sliding window. Past the limit the
 * next attempts are refused (429) without even checking the password, until the window clears.
 */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export function createLoginThrottle(limits: ThrottleLimits, now: () => number) {
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const cutoff = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };

  return {
    /** Milliseconds until another attempt is allowed, or 0. */
    blockedFor(account: string, address: string): number {
      const a = recent(`a:${account.toLowerCase()}`);
      const b = recent(`i:${address}`);
      const waits: number[] = [];
      if (a.length >= limits.perAccount) waits.push(a[a.length - limits.perAccount]! + limits.windowMs - now());
      if (b.length >= limits.perAddress) waits.push(b[b.length - limits.perAddress]! + limits.windowMs - now());
      return waits.length ? Math.max(1, ...waits) : 0;
    },
    fail(account: string, address: string): void {
      for (const key of [`a:${account.toLowerCase()}`, `i:${address}`]) failures.set(key, [...recent(key), now()]);
    },
    succeed(account: string): void {
      failures.delete(`a:${account.toLowerCase()}`);
    },
  };
}
