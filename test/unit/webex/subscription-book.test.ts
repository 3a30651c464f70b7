import { describe, expect, it } from 'vitest';
import { SubscriptionBook } from '../../../src/webex/subscription-book';
import { reconnectDelayMs } from '../../../src/webex/feed-state';

describe('SubscriptionBook', () => {
  it('renews 60 s before the granted TTL ends, half-way for short TTLs', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.subscribed('b', 60, 0);
    expect(book.renewalTime('a')).toBe(540_000);
    expect(book.renewalTime('b')).toBe(30_000);
    expect(book.nextWake()).toBe(30_000);
  });

  it('hands out due work once, and keeps the rest', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.failed('b');
    book.retryAt('b', 10_000);
    book.recheck('c', 5_000);
    expect(book.takeDue(9_999)).toEqual({ subscribe: [], read: ['c'] });
    expect(book.takeDue(10_000)).toEqual({ subscribe: ['b'], read: [] });
    expect(book.has('b')).toBe(false);
    expect(book.has('a')).toBe(true);
    expect(book.takeDue(600_000)).toEqual({ subscribe: ['a'], read: [] });
    expect(book.nextWake()).toBeUndefined();
  });

  it('counts failures in a row until the person is subscribed again', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    expect(book.failed('a')).toBe(1);
    expect(book.renewalTime('a')).toBeUndefined();
    expect(book.failed('a')).toBe(2);
    expect(book.failed('b')).toBe(1);
    book.subscribed('a', 600, 0);
    expect(book.failed('a')).toBe(1);
  });

  it('forgets a person entirely', () => {
    const book = new SubscriptionBook();
    book.subscribed('a', 600, 0);
    book.recheck('a', 1);
    book.forget('a');
    expect(book.nextWake()).toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  it('is immediate first, then 1, 2, 4, ... capped at 32 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelayMs)).toEqual([
      0, 1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000,
    ]);
  });
});
