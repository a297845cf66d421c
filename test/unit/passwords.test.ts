import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/auth/passwords.js';

describe('password policy (NIST 800-63B: length and a block list, no composition rules)', () => {
  it.each([
    ['1234567', 'password.too_short'],
    ['12345678', 'password.common'],
    ['Password123', 'password.common'],
    ['abcdefgh', null],
    ['我的密码很长很安全', null],
    ['x'.repeat(128), null],
    ['x'.repeat(129), 'password.too_long'],
  ])('%s → %s', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });

  it('refuses the username as the password', () => {
    expect(passwordProblem('wang.fang', ['wang.fang'])).toBe('password.common');
  });
});

describe('scrypt hashing', () => {
  it('stores N = 2^17 with a random salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('长的密码短语 abc'), hashPassword('长的密码短语 abc')]);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('长的密码短语 abc', a)).toBe(true);
    expect(await verifyPassword('长的密码短语 abd', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});
