import { describe, expect, it } from 'vitest';
import {
  isIsoDate,
  maskCertificateNumber,
  parseCertificateNumber,
  parseResidentId,
  residentIdCheckCharacter,
} from '../../src/domain/identity.js';
import { residentId } from '../support/factories.js';

const TODAY = '2026-11-25';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard example whose check character is X', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    const r = parseResidentId('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, value: { areaCode: '110105', birthDate: '1949-12-31', gender: 'female' } });
  });

  it('computes every check character from the weights and mod 11', () => {
    // 17 digits whose weighted sums cover every remainder 0..10.
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) {
      const id = residentId('19900307', seq);
      seen.add(id[17]!);
      expect(parseResidentId(id, TODAY).ok).toBe(true);
    }
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('rejects a wrong check character', () => {
    const good = residentId('19900307', 123);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(parseResidentId(bad, TODAY)).toEqual({ ok: false, problem: 'check_character' });
  });

  it('reads the sequence parity as gender (odd male, even female)', () => {
    const male = parseResidentId(residentId('19900307', 123), TODAY);
    const female = parseResidentId(residentId('19900307', 124), TODAY);
    expect(male.ok && male.value.gender).toBe('male');
    expect(female.ok && female.value.gender).toBe('female');
  });

  it.each([
    ['19900230', 'February 30th'],
    ['19010229', 'February 29th in a common year'],
    ['19901301', 'month 13'],
    ['19900000', 'day 0'],
    ['18991231', 'before 1900'],
  ])('rejects an impossible birth date %s (%s)', (birth) => {
    const first17 = `440310${birth}123`;
    const id = first17 + residentIdCheckCharacter(first17);
    expect(parseResidentId(id, TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('accepts February 29th in a leap year', () => {
    expect(parseResidentId(residentId('20000229', 11), TODAY).ok).toBe(true);
  });

  it('rejects a birth date in the future', () => {
    expect(parseResidentId(residentId('20261126', 11), TODAY)).toEqual({ ok: false, problem: 'birth_date_future' });
    expect(parseResidentId(residentId('20261125', 11), TODAY).ok).toBe(true);
  });

  it.each(['44031019900307123', '4403101990030712345', '44031019900307123A', '４４０３１０１９９００３０７１２３４'])('rejects the malformed %s', (id) => {
    expect(parseResidentId(id, TODAY)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('disability certificate numbers', () => {
  it('is the 18-character ID plus category and level digits', () => {
    const r = parseCertificateNumber(`${residentId('19850615', 77)}42`, TODAY);
    expect(r.ok && r.value).toMatchObject({ category: 4, level: 2, birthDate: '1985-06-15', gender: 'male' });
  });

  it('accepts a lower-case x check character', () => {
    expect(parseCertificateNumber('11010519491231002x13', TODAY).ok).toBe(true);
  });

  it.each([
    ['81', 'category_digit'],
    ['01', 'category_digit'],
    ['45', 'level_digit'],
    ['40', 'level_digit'],
  ])('rejects category/level digits %s', (digits, problem) => {
    expect(parseCertificateNumber(`${residentId()}${digits}`, TODAY)).toEqual({ ok: false, problem });
  });

  it('rejects the wrong length and a bad embedded ID', () => {
    expect(parseCertificateNumber(`${residentId()}4`, TODAY)).toEqual({ ok: false, problem: 'length' });
    expect(parseCertificateNumber(`${residentId().slice(0, 17)}${residentId()[17] === '1' ? '2' : '1'}42`, TODAY)).toEqual({ ok: false, problem: 'check_character' });
  });

  it('is masked to the area code and the last four characters', () => {
    expect(maskCertificateNumber('11010519491231002X13')).toBe('110105**********2X13');
    expect(maskCertificateNumber('11010519491231002X13')).not.toContain('19491231');
  });
});

describe('calendar dates', () => {
  it.each([['2026-02-28', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-1-01', false], ['not a date', false]])(
    '%s is real: %s',
    (value, ok) => {
      expect(isIsoDate(value)).toBe(ok);
    },
  );
});
