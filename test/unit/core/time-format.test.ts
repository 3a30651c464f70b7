import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatLastActive,
  formatMoment,
  formatUntil,
} from '../../../src/core/time-format';

// Dates are built in local time, so the expectations hold in any TZ the tests run in.
const monday10am = new Date(2025, 11, 1, 10, 0).getTime(); // Mon 1 Dec 2025, 10:00 local
const at = (day: number, hour: number, minute = 0, month = 11, year = 2025) =>
  new Date(year, month, day, hour, minute).getTime();

describe('formatUntil', () => {
  it('shows the clock time for an expiry later today', () => {
    expect(formatUntil(at(1, 15, 30), monday10am, 'en-GB')).toBe('until 15:30');
  });

  it('uses the 24-hour clock with two-digit hours, even where 12-hour time is usual', () => {
    expect(formatUntil(at(1, 21, 5), monday10am, 'en-US')).toBe('until 21:05');
    expect(formatUntil(at(2, 9, 0), monday10am, 'en-US')).toBe('until Tue 09:00');
  });

  it('adds the weekday within the next six days', () => {
    expect(formatUntil(at(2, 9, 0), monday10am, 'en-GB')).toBe('until Tue 09:00');
    expect(formatUntil(at(7, 23, 59), monday10am, 'en-GB')).toBe('until Sun 23:59');
  });

  it('counts calendar days, not 24-hour spans (just after midnight is "tomorrow")', () => {
    expect(formatUntil(at(2, 0, 30), at(1, 23, 0), 'en-GB')).toBe('until Tue 00:30');
  });

  it('shows day and month from the seventh day on', () => {
    expect(formatUntil(at(8, 9, 0), monday10am, 'en-GB')).toBe('until 8 Dec');
    expect(formatUntil(at(3, 12, 0, 0, 2026), monday10am, 'en-GB')).toBe('until 3 Jan');
  });

  it('adds the year when the date is most of a year away', () => {
    expect(formatUntil(at(3, 12, 0, 11, 2026), monday10am, 'en-GB')).toBe('until 3 Dec 2026');
  });

  it('follows the locale for the date order', () => {
    const expected = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(
      new Date(at(20, 9)),
    );
    expect(formatUntil(at(20, 9), monday10am, 'en-US')).toBe(`until ${expected}`);
  });

  it('is empty when there is no expiry or it has passed', () => {
    expect(formatUntil(0, monday10am, 'en-GB')).toBe('');
    expect(formatUntil(monday10am, monday10am, 'en-GB')).toBe('');
    expect(formatUntil(at(1, 9, 59), monday10am, 'en-GB')).toBe('');
  });
});

describe('formatLastActive', () => {
  const now = monday10am;
  it.each([
    [now - 59_000, 'active just now'],
    [now, 'active just now'],
    [now + 120_000, 'active just now'],
    [now - 60_000, 'active 1 minute ago'],
    [now - 5 * 60_000 - 30_000, 'active 5 minutes ago'],
    [now - 59 * 60_000, 'active 59 minutes ago'],
    [now - 60 * 60_000, 'active 1 hour ago'],
    [now - 2 * 3_600_000 - 59 * 60_000, 'active 2 hours ago'],
    [now - 24 * 3_600_000, 'active 1 day ago'],
    [now - 3 * 24 * 3_600_000, 'active 3 days ago'],
  ])('%i gives "%s"', (time, expected) => {
    expect(formatLastActive(time, now, 'en')).toBe(expected);
  });

  it('is empty when the time is unknown', () => {
    expect(formatLastActive(0, now)).toBe('');
  });
});

describe('formatAge', () => {
  it('gives the bare age, for "updated 2 minutes ago"', () => {
    expect(formatAge(monday10am - 2 * 60_000, monday10am, 'en')).toBe('2 minutes ago');
    expect(formatAge(monday10am, monday10am)).toBe('just now');
  });
});

describe('other languages', () => {
  const words = {
    until: (when: string) => `bis ${when}`,
    active: (ago: string) => `aktiv ${ago}`,
    justNow: 'gerade eben',
  };

  it('puts the given words around times written by Intl in the locale', () => {
    expect(formatUntil(at(2, 9, 0), monday10am, 'de', words)).toBe('bis Di., 09:00');
    expect(formatUntil(at(1, 15, 30), monday10am, 'de', words)).toBe('bis 15:30');
    expect(formatLastActive(monday10am - 12 * 60_000, monday10am, 'de', words)).toBe(
      'aktiv vor 12 Minuten',
    );
    expect(formatLastActive(monday10am - 5_000, monday10am, 'de', words)).toBe('aktiv gerade eben');
  });

  it('lets the locale order weekday and time', () => {
    expect(formatUntil(at(2, 9, 0), monday10am, 'ja')).toBe('until 09:00 (火)');
  });
});

describe('formatMoment', () => {
  it('names the weekday even for today, so the text stays true on later days', () => {
    expect(formatMoment(at(1, 8, 5), monday10am, 'en-GB')).toBe('Mon 08:05');
    expect(formatMoment(at(26, 17, 0, 10), monday10am, 'en-GB')).toBe('Wed 17:00');
  });

  it('gives the date beyond six days, and the year beyond 300', () => {
    expect(formatMoment(at(20, 9, 0, 10), monday10am, 'en-GB')).toBe('20 Nov');
    expect(formatMoment(at(3, 9, 0, 0, 2025), monday10am, 'en-GB')).toBe('3 Jan 2025');
  });

  it('reads a time ahead of now (a skewed clock) as today, and a non-date as nothing', () => {
    expect(formatMoment(at(1, 10, 2), monday10am, 'en-GB')).toBe('Mon 10:02');
    expect(formatMoment(at(9, 10, 2), monday10am, 'en-GB')).toBe('Tue 10:02');
    expect(formatMoment(Number.NaN, monday10am)).toBe('');
    expect(formatMoment(9e15, monday10am)).toBe('');
  });
});
