import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAge, formatLastActive, formatUntil } from '../../../src/core/time-format';
import { weirdNumber } from './hostile';
import { TIMEOUT_MS, check, reportRuns, titled } from './runs';

reportRuns('time formatting (src/core/time-format.ts)');

const time = fc.oneof(
  weirdNumber,
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
);
const locale = fc.constantFrom(undefined, 'en-GB', 'en-US', 'de', 'ja', 'ar-EG');

function expectReadable(text: string): void {
  expect(typeof text).toBe('string');
  expect(text).not.toMatch(/NaN|Infinity|Invalid/);
}

describe('time formatting', () => {
  it(
    titled('formatUntil', 'never throws on any number'),
    () => {
      check(
        'formatUntil',
        fc.property(time, time, locale, (expires, now, where) => {
          expectReadable(formatUntil(expires, now, where));
        }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('formatAge', 'never throws on any number'),
    () => {
      check(
        'formatAge',
        fc.property(time, time, (since, now) => expectReadable(formatAge(since, now))),
      );
    },
    TIMEOUT_MS,
  );

  it(
    titled('formatLastActive', 'never throws on any number'),
    () => {
      check(
        'formatLastActive',
        fc.property(time, time, (since, now) => expectReadable(formatLastActive(since, now))),
      );
    },
    TIMEOUT_MS,
  );
});
