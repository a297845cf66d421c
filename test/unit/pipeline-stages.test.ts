import { describe, expect, it } from 'vitest';
import { addMonths, canMove, canTransition, median, NEXT_STAGES } from '../../src/pipeline/stages.js';

describe('pipeline arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-05-21', 6, '2026-11-21'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-20', 12, '2027-08-20'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('takes the median of odd and even lists, and null of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('stage machine', () => {
  it('lets anyone withdraw, and every stage but the first be left back to assessed or beyond', () => {
    for (const [from, next] of Object.entries(NEXT_STAGES)) {
      if (from !== 'withdrawn') expect(next).toContain('withdrawn');
    }
    expect(canMove('employed', 'assessed')).toBe(true);
    expect(canMove('registered', 'employed')).toBe(false);
    expect(canMove('employed', 'employed')).toBe(false);
  });

  it('ends applications in hired, rejected, withdrawn or declined', () => {
    for (const end of ['hired', 'rejected', 'withdrawn', 'declined'] as const) {
      for (const to of ['applied', 'interviewing', 'trial', 'hired'] as const) expect(canTransition(end, to)).toBe(false);
    }
    expect(canTransition('applied', 'hired')).toBe(false);
    expect(canTransition('trial', 'hired')).toBe(true);
  });
});
