/**
 * Password hashing with scrypt (node:crypto): N = 2^17, r = 8, p = 1 (OWASP's scrypt minimum),
 * 16-byte salt, 32-byte key. Stored as `scrypt$N$r$p$salt$key` (base64url) so the cost can be
 * raised later and old hashes still verify. Passwords are never logged.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// 128 · N · r bytes are needed; Node's default maxmem (32 MiB) is too small for N = 2^17.
const MAXMEM = 256 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64url'));
  return dummyHash;
}

/**
 * A small list of passwords people pick most (NIST SP 800-63B: refuse known-weak passwords,
 * no composition rules). Compared case-insensitively.
 */
const COMMON = new Set(
  [
    '12345678', '123456789', '1234567890', '11111111', '00000000', '88888888', '66666666', '12341234', '87654321',
    'password', 'password1', 'password123', 'passw0rd', 'qwertyuiop', 'qwerty123', 'qwerty12', '1qaz2wsx', 'abc12345',
    'abcd1234', 'a1234567', 'iloveyou', 'admin123', 'welcome1', 'woaini1314', '5201314520', 'aa123456', 'zxcvbnm1',
    'asdfghjk', '11223344', '147258369', '123123123', '12344321', 'letmein1', 'sunshine', 'football', 'baseball',
    'princess', 'superman', 'dragon12', 'trustno1', 'monkey12', 'shadow12', 'master12', 'changeme', 'abilitybridge',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = 'password.too_short' | 'password.too_long' | 'password.common';

/** At least 8 characters, at most 128, not on the common list; any characters allowed. */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < 8) return 'password.too_short';
  if (length > 128) return 'password.too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || context.some((c) => c.length >= 4 && lower === c.toLowerCase())) return 'password.common';
  return null;
}
